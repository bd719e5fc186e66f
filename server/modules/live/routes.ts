import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { courseIdParamsSchema } from "../../../common/api/courses.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import { courseScope } from "../access/policy.js";
import { findSession, sha256 } from "../auth/queries.js";
import type { LiveHub } from "./hub.js";

const HEARTBEAT_MS = 20_000;
/** Several commits in a burst make one event. */
const COALESCE_MS = 300;

export const liveRoutes: FastifyPluginAsyncZod<{ db: Db; hub: LiveHub }> = async (app, { db, hub }) => {
  app.get(
    "/api/tutoring/courses/:courseId/events",
    {
      schema: {
        tags: ["tutoring"],
        summary:
          "Server-sent events: `progress` when a learner of the course changes (status, progress, time); refetch the scoped endpoints",
        params: courseIdParamsSchema,
        response: { 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, "tutor", "admin");
      const { courseId } = request.params;
      await courseScope(db, user, courseId);
      const token = request.auth?.token ?? "";
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
        "x-content-type-options": "nosniff",
      });
      raw.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ courseId })}\n\n`);
      let pending: NodeJS.Timeout | undefined;
      // Only the course id leaves: the page refetches through the endpoints that apply the scope.
      const unsubscribe = hub.subscribe(courseId, () => {
        if (pending) return;
        pending = setTimeout(() => {
          pending = undefined;
          raw.write(`event: progress\ndata: ${JSON.stringify({ courseId })}\n\n`);
        }, COALESCE_MS);
      });
      // The stream ends with the session (sign-out, expiry, disabled account).
      const heartbeat = setInterval(async () => {
        const session = await findSession(db, sha256(token)).catch(() => undefined);
        if (!session?.active) raw.end();
        else raw.write(": ping\n\n");
      }, HEARTBEAT_MS);
      const close = () => {
        unsubscribe();
        clearInterval(heartbeat);
        if (pending) clearTimeout(pending);
      };
      raw.on("close", close);
    },
  );
};
