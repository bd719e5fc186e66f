import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { CurrentUser } from "../../common/api/auth.js";
import type { Role } from "../../common/enums.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { AppError, forbidden, unauthorized } from "../errors.js";
import { findSession, sha256, touchSession } from "../modules/auth/queries.js";
import { presentUser } from "../modules/auth/service.js";
import type { SessionCache } from "../modules/auth/sessionCache.js";
import { authenticateBearer } from "../modules/tokens/bearer.js";

export const SESSION_COOKIE = "tutora_session";

export interface AuthContext {
  user: CurrentUser;
  token: string;
  csrfToken: string;
  /** A session cookie (browser) or a personal API token (`Authorization: Bearer`, S3). */
  via: "session" | "token";
}

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /**
     * The route also takes its CSRF token in the body (`{ csrfToken }`): `navigator.sendBeacon`
     * can't send headers, so a page closing sends a text/plain JSON body carrying the token.
     * Checked once the body is parsed (preValidation), for the requests without the header.
     */
    csrfInBody?: boolean;
  }
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const PLAYER_PREFIX = "/api/player/";
const BEACON_ROUTE = /^\/api\/player\/attempts\/[^/?]+\/terminate(\?|$)/;

const isPlayerRoute = (request: FastifyRequest) => request.routeOptions.url?.startsWith(PLAYER_PREFIX) === true;

/** The signed-in user, or 401. */
export function requireUser(request: FastifyRequest): CurrentUser {
  if (!request.auth) throw unauthorized();
  return request.auth.user;
}

/** The signed-in user when they hold one of the roles, or 403. */
export function requireRole(request: FastifyRequest, ...roles: Role[]): CurrentUser {
  const user = requireUser(request);
  if (!user.roles.some((r) => roles.includes(r))) throw forbidden("Your role does not give access to this page");
  return user;
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, config: Config) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    maxAge: config.sessionIdleMinutes * 60,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax" });
}

function sameOrigin(request: FastifyRequest, origin: string, config: Config): boolean {
  try {
    const url = new URL(origin);
    if (url.origin === new URL(config.publicUrl).origin) return true;
    return url.host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Reads the session cookie into `request.auth` and protects mutations against CSRF: a mutation
 * must come from our origin (Origin header when the browser sends one) and, once signed in, carry
 * the session's token in `x-csrf-token`. Cross-site forms can't send JSON, which every API body is.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; config: Config; sessions: SessionCache }) => {
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (request, reply) => {
    request.auth = null;
    // A personal API token: no cookie is read and no CSRF token is asked, since a bearer token is
    // never sent by the browser on its own (no ambient credential for another site to ride on).
    const authorization = request.headers.authorization;
    if (authorization !== undefined && request.url.startsWith("/api/")) {
      const user = await authenticateBearer(opts.db, request, authorization);
      request.auth = { user, token: "", csrfToken: "", via: "token" };
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.url.startsWith("/api/")) {
      const tokenHash = sha256(token);
      // Reads and the SCORM player's requests (a commit every few seconds per learner) may use
      // this instance's copy of the session, dropped on any change (SessionCache); mutations read it.
      const cacheable = !MUTATING.has(request.method) || isPlayerRoute(request);
      const version = opts.sessions.version;
      let row = cacheable ? opts.sessions.get(tokenHash) : undefined;
      if (!row) {
        row = await findSession(opts.db, tokenHash);
        if (cacheable && row?.active) opts.sessions.set(tokenHash, row, version);
      }
      if (row?.active && Date.now() - new Date(row.lastSeenAt).getTime() > 60_000) {
        const touched = await touchSession(opts.db, tokenHash, opts.config.sessionIdleMinutes);
        if (touched) opts.sessions.touched(tokenHash, touched.lastSeenAt, touched.expiresInMs);
        else {
          // Ended since it was read (a copy not yet dropped, or a sign-out racing this request).
          opts.sessions.dropToken(tokenHash);
          row = undefined;
        }
      }
      if (row?.active) {
        request.auth = { user: presentUser(row), token, csrfToken: row.csrfToken, via: "session" };
      } else {
        clearSessionCookie(reply);
      }
    }
    if (MUTATING.has(request.method) && request.url.startsWith("/api/")) {
      // Sign-in is covered by the origin check and the JSON-only body; it has no session token yet.
      // The SCORM player's terminate comes from navigator.sendBeacon, which can't set headers: its
      // JSON body carries the token and the route checks it (server/modules/player/routes.ts).
      const exempt = request.url.startsWith("/api/auth/sign-in") || BEACON_ROUTE.test(request.url);
      const origin = request.headers.origin;
      if (origin && !sameOrigin(request, origin, opts.config)) {
        throw new AppError(403, "csrf", "Cross-origin request refused");
      }
      const header = request.headers["x-csrf-token"];
      const deferred = header === undefined && request.routeOptions.config?.csrfInBody === true;
      if (!exempt && !deferred && request.auth && header !== request.auth.csrfToken) {
        throw new AppError(403, "csrf", "Missing or wrong x-csrf-token header");
      }
    }
  });
  // Whatever a mutation changed in sessions or users is heard here before its answer leaves: the
  // next request on this instance, a read served from a copy, sees it. Whatever the status (a
  // handler may fail after a commit), but for the requests refused before any work (401, 403);
  // the player's mutations change neither.
  app.addHook("onSend", async (request, reply, payload) => {
    const refused = reply.statusCode === 401 || reply.statusCode === 403;
    if (MUTATING.has(request.method) && !refused && !isPlayerRoute(request)) await opts.sessions.sync();
    return payload;
  });
  app.addHook("preValidation", async (request) => {
    if (!MUTATING.has(request.method) || request.routeOptions.config?.csrfInBody !== true) return;
    if (!request.auth || request.auth.via === "token" || request.headers["x-csrf-token"] !== undefined) return;
    const token = (request.body as { csrfToken?: unknown } | null | undefined)?.csrfToken;
    if (token !== request.auth.csrfToken) throw new AppError(403, "csrf", "Missing or wrong csrfToken in the body");
  });
});
