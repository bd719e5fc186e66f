import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { courseIdParamsSchema } from "../../../common/api/courses.js";
import {
  batchParamsSchema,
  mailTemplateInputSchema,
  mailTemplateSchema,
  mailTemplatesSchema,
  reminderBatchSchema,
  reminderPreviewRequestSchema,
  reminderPreviewSchema,
  reminderRuleInputSchema,
  reminderRuleSchema,
  reminderRulesSchema,
  reminderSendRequestSchema,
  ruleParamsSchema,
  ruleRunSchema,
  templateIdParamsSchema,
} from "../../../common/api/reminders.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import type { Jobs } from "../../plugins/jobs.js";
import * as rules from "./rules.js";
import * as service from "./service.js";

export const remindersRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config; jobs: Jobs }> = async (
  app,
  { db, config, jobs },
) => {
  const errors = {
    400: errorResponseSchema,
    403: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema,
  };

  app.get(
    "/api/mail-templates",
    {
      schema: {
        tags: ["reminders"],
        summary: "Mail templates the user can use (shared and their own) and the variables templates may use",
        response: { 200: mailTemplatesSchema },
      },
    },
    async (request) => service.listTemplates(db, requireRole(request, "tutor", "admin")),
  );

  app.post(
    "/api/mail-templates",
    {
      schema: {
        tags: ["reminders"],
        summary: "Create a template (shared: admins only); an unknown {{variable}} is refused",
        body: mailTemplateInputSchema,
        response: { 201: mailTemplateSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createTemplate(db, requireRole(request, "tutor", "admin"), request.body)),
  );

  app.put(
    "/api/mail-templates/:templateId",
    {
      schema: {
        tags: ["reminders"],
        summary: "Edit a template (its owner, or an admin for shared ones)",
        params: templateIdParamsSchema,
        body: mailTemplateInputSchema,
        response: { 200: mailTemplateSchema, ...errors },
      },
    },
    async (request) =>
      service.updateTemplate(db, requireRole(request, "tutor", "admin"), request.params.templateId, request.body),
  );

  app.delete(
    "/api/mail-templates/:templateId",
    {
      schema: {
        tags: ["reminders"],
        summary: "Delete a template; the history keeps its name",
        params: templateIdParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteTemplate(db, requireRole(request, "tutor", "admin"), request.params.templateId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/tutoring/courses/:courseId/reminders/preview",
    {
      schema: {
        tags: ["reminders"],
        summary: "Render a template for one recipient of the selection, with the recipient count",
        params: courseIdParamsSchema,
        body: reminderPreviewRequestSchema,
        response: { 200: reminderPreviewSchema, ...errors },
      },
    },
    async (request) =>
      service.preview(db, config, requireRole(request, "tutor", "admin"), request.params.courseId, request.body),
  );

  app.post(
    "/api/tutoring/courses/:courseId/reminders",
    {
      schema: {
        tags: ["reminders"],
        summary:
          "Send a reminder to the selection (Relancer): queued at once, one message per learner per idempotency key",
        params: courseIdParamsSchema,
        body: reminderSendRequestSchema,
        response: { 202: reminderBatchSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await service.send(
            db,
            config,
            jobs,
            requireRole(request, "tutor", "admin"),
            request.params.courseId,
            request.body,
          ),
        ),
  );

  app.get(
    "/api/tutoring/courses/:courseId/reminders/batches/:batchId",
    {
      schema: {
        tags: ["reminders"],
        summary: "Delivery progress of a reminder sent to a selection",
        params: batchParamsSchema,
        response: { 200: reminderBatchSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.batch(
        db,
        config,
        requireRole(request, "tutor", "admin"),
        request.params.courseId,
        request.params.batchId,
      ),
  );

  app.get(
    "/api/tutoring/courses/:courseId/reminder-rules",
    {
      schema: {
        tags: ["reminders"],
        summary: "Automatic reminder rules of a course (B2)",
        params: courseIdParamsSchema,
        response: { 200: reminderRulesSchema, 404: errorResponseSchema },
      },
    },
    async (request) => rules.listRules(db, requireRole(request, "tutor", "admin"), request.params.courseId),
  );

  app.post(
    "/api/tutoring/courses/:courseId/reminder-rules",
    {
      schema: {
        tags: ["reminders"],
        summary:
          "Create a rule: N days before the objective date if progress < X %, inactive for N days, or not started N days after enrollment",
        params: courseIdParamsSchema,
        body: reminderRuleInputSchema,
        response: { 201: reminderRuleSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await rules.createRule(db, requireRole(request, "tutor", "admin"), request.params.courseId, request.body),
        ),
  );

  app.put(
    "/api/tutoring/courses/:courseId/reminder-rules/:ruleId",
    {
      schema: {
        tags: ["reminders"],
        summary: "Edit or pause a rule",
        params: ruleParamsSchema,
        body: reminderRuleInputSchema,
        response: { 200: reminderRuleSchema, ...errors },
      },
    },
    async (request) =>
      rules.updateRule(
        db,
        requireRole(request, "tutor", "admin"),
        request.params.courseId,
        request.params.ruleId,
        request.body,
      ),
  );

  app.delete(
    "/api/tutoring/courses/:courseId/reminder-rules/:ruleId",
    {
      schema: {
        tags: ["reminders"],
        summary: "Delete a rule",
        params: ruleParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await rules.deleteRule(
        db,
        requireRole(request, "tutor", "admin"),
        request.params.courseId,
        request.params.ruleId,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/tutoring/courses/:courseId/reminder-rules/run",
    {
      schema: {
        tags: ["reminders"],
        summary: "Evaluate the course's active rules now (they also run daily)",
        params: courseIdParamsSchema,
        response: { 200: ruleRunSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      await rules.listRules(db, requireRole(request, "tutor", "admin"), request.params.courseId);
      const sent = await rules.runRules(db, config, request.params.courseId);
      await jobs.kickMail();
      return { sent };
    },
  );
};
