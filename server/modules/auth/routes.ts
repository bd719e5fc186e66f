import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { preferencesRequestSchema, sessionResponseSchema, signInRequestSchema } from "../../../common/api/auth.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { clearSessionCookie, requireUser, SESSION_COOKIE, setSessionCookie } from "../../plugins/auth.js";
import { sha256 } from "./queries.js";
import * as service from "./service.js";
import type { SessionCache } from "./sessionCache.js";

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config; sessions: SessionCache }> = async (
  app,
  { db, config, sessions },
) => {
  app.post(
    "/api/auth/sign-in",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password; sets the session cookie",
        body: signInRequestSchema,
        response: { 200: sessionResponseSchema, 401: errorResponseSchema, 429: errorResponseSchema },
      },
      // Generous per IP (an office behind one NAT signs in at 9:00); failures are limited per account below.
      config: { rateLimit: { max: 100, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const result = await service
        .signIn(db, config, request.body, {
          ip: request.ip,
          userAgent: String(request.headers["user-agent"] ?? "").slice(0, 500),
          previousToken: request.cookies[SESSION_COOKIE],
        })
        .catch((error) => {
          if (error?.statusCode === 429 || error?.status === 429 || error?.status === 401) {
            request.log.warn({ email: request.body.email, ip: request.ip, code: error.code }, "sign-in refused");
          }
          throw error;
        });
      const previousToken = request.cookies[SESSION_COOKIE];
      if (previousToken) sessions.dropToken(sha256(previousToken));
      setSessionCookie(reply, request, result.token, config);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    "/api/auth/sign-out",
    { schema: { tags: ["auth"], summary: "Ends the current session", response: { 204: z.null() } } },
    async (request, reply) => {
      await service.signOut(db, request.auth?.token);
      // This instance's copy goes now; the others drop theirs when notified (SessionCache).
      if (request.auth?.token) sessions.dropToken(sha256(request.auth.token));
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/sign-out-everywhere",
    {
      schema: {
        tags: ["auth"],
        summary: "Ends every session of the signed-in user, on every device (this one included)",
        response: { 204: z.null(), 401: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await service.signOutEverywhere(db, user.id);
      sessions.dropUser(user.id);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/auth/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The signed-in user and the CSRF token to send with mutations",
        response: { 200: sessionResponseSchema, 401: errorResponseSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { user, csrfToken: request.auth?.csrfToken ?? "" };
    },
  );

  app.patch(
    "/api/auth/me/preferences",
    {
      schema: {
        tags: ["auth"],
        summary: "Changes the signed-in user's language",
        body: preferencesRequestSchema,
        response: { 200: sessionResponseSchema },
      },
    },
    async (request) => {
      const current = requireUser(request);
      const user = await service.setLocale(db, current.id, request.body.locale);
      return { user, csrfToken: request.auth?.csrfToken ?? "" };
    },
  );
};
