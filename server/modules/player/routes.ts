import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import {
  attemptParamsSchema,
  commitRequestSchema,
  commitResultSchema,
  launchSchema,
  playerLessonParamsSchema,
  previewLaunchSchema,
  terminateRequestSchema,
} from "../../../common/api/player.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { AppError, badRequest } from "../../errors.js";
import { requireRole, requireUser } from "../../plugins/auth.js";
import * as service from "./service.js";

/** Room for 64 kB of suspend data plus interactions and objectives. */
const COMMIT_BODY_LIMIT = 2 * 1024 * 1024;

/** The terminate route, which `navigator.sendBeacon` calls with a text/plain JSON body (see plugins/auth.ts). */
export const TERMINATE_ROUTE = /^\/api\/player\/attempts\/[^/?]+\/terminate(\?.*)?$/;

const responses = {
  200: commitResultSchema,
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

export const playerRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    "/api/player/lessons/:lessonId/launch",
    {
      schema: {
        tags: ["player"],
        summary:
          "Launch an e-learning lesson: a new attempt and session, resuming an unfinished attempt's location and suspend data",
        params: playerLessonParamsSchema,
        response: { 201: launchSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const launched = await service.launch(db, requireUser(request), request.params.lessonId);
      return reply.status(201).send(launched);
    },
  );

  app.post(
    "/api/player/lessons/:lessonId/preview",
    {
      schema: {
        tags: ["player"],
        summary: "Open an e-learning lesson's content in preview (tutor of the course, admin): nothing is recorded",
        params: playerLessonParamsSchema,
        response: { 200: previewLaunchSchema, 403: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => service.preview(db, requireRole(request, "tutor", "admin"), request.params.lessonId),
  );

  app.post(
    "/api/player/attempts/:attemptId/commit",
    {
      bodyLimit: COMMIT_BODY_LIMIT,
      schema: {
        tags: ["player"],
        summary: "Store the SCORM runtime's data (LMSCommit / Commit) for the caller's open attempt",
        params: attemptParamsSchema,
        body: commitRequestSchema,
        response: responses,
      },
    },
    async (request) => service.commit(db, requireUser(request), request.params.attemptId, request.body, false),
  );

  // In its own context: the only route that parses text/plain, the body sendBeacon sends.
  await app.register(async (instance) => {
    const beacon = instance.withTypeProvider<ZodTypeProvider>();
    beacon.addContentTypeParser(
      "text/plain",
      { parseAs: "string", bodyLimit: COMMIT_BODY_LIMIT },
      (_request, body, done) => {
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(badRequest("body", "json", "body: the terminate body must be JSON"), undefined);
        }
      },
    );
    beacon.post(
      "/api/player/attempts/:attemptId/terminate",
      {
        bodyLimit: COMMIT_BODY_LIMIT,
        schema: {
          tags: ["player"],
          summary:
            "Store the last commit and end the attempt and its session (LMSFinish / Terminate); also a text/plain JSON body from sendBeacon carrying the CSRF token",
          params: attemptParamsSchema,
          body: terminateRequestSchema,
          response: responses,
        },
      },
      async (request) => {
        const user = requireUser(request);
        // sendBeacon can't send the x-csrf-token header, so the token comes in the body instead.
        const token = request.headers["x-csrf-token"] ?? request.body.csrfToken;
        if (!request.auth || token !== request.auth.csrfToken) {
          throw new AppError(403, "csrf", "Missing or wrong CSRF token (x-csrf-token header or csrfToken in the body)");
        }
        return service.commit(db, user, request.params.attemptId, request.body, true);
      },
    );
  });
};
