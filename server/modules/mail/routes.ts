import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { messageParamsSchema, messagesPageSchema, messagesQuerySchema } from "../../../common/api/reminders.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import { requireRole } from "../../plugins/auth.js";
import type { Jobs } from "../../plugins/jobs.js";
import { listMessages, retryMessage } from "./queries.js";

/** The admin `Messages` screen's API: every outgoing message with its state and content. */
export const messagesRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config; jobs: Jobs }> = async (
  app,
  { db, config, jobs },
) => {
  app.get(
    "/api/admin/messages",
    {
      schema: {
        tags: ["admin"],
        summary: "Outgoing messages (outbox) with their delivery state and content (admins)",
        querystring: messagesQuerySchema,
        response: { 200: messagesPageSchema, 400: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      requireRole(request, "admin");
      const { rows, total } = await listMessages(db, request.query);
      return {
        items: rows,
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        smtpConfigured: Boolean(config.smtpUrl),
      };
    },
  );

  app.post(
    "/api/admin/messages/:messageId/retry",
    {
      schema: {
        tags: ["admin"],
        summary: "Try a failed message again",
        params: messageParamsSchema,
        response: { 204: z.null(), 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      requireRole(request, "admin");
      const result = await retryMessage(db, request.params.messageId);
      if (result === "missing") throw notFound("Message");
      if (result === "not_failed") throw new AppError(409, "not_failed", "Only a failed message can be tried again");
      await jobs.kickMail();
      return reply.status(204).send(null);
    },
  );
};
