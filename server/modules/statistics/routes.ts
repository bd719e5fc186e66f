import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  attemptParamsSchema,
  auditIdParamsSchema,
  auditPageSchema,
  auditQuerySchema,
  editResultSchema,
  lessonStatsEditSchema,
  lessonStatsFormSchema,
  lessonStatsParamsSchema,
  versionQuerySchema,
} from "../../../common/api/statistics.js";
import { learnerParamsSchema } from "../../../common/api/tutoring.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import * as service from "./service.js";

const statsUrl = "/api/tutoring/courses/:courseId/learners/:learnerId/lessons/:lessonId";

export const statisticsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    `${statsUrl}/stats`,
    {
      schema: {
        tags: ["tutoring"],
        summary: "A learner's statistics on a lesson, as `Modifier les statistiques` opens them",
        params: lessonStatsParamsSchema,
        response: { 200: lessonStatsFormSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const { courseId, learnerId, lessonId } = request.params;
      return service.form(db, requireRole(request, "tutor", "admin"), courseId, learnerId, lessonId);
    },
  );

  app.put(
    `${statsUrl}/stats`,
    {
      schema: {
        tags: ["tutoring"],
        summary:
          "Edit a learner's statistics on a lesson (R6); refused with 409 if the data changed since the form opened",
        params: lessonStatsParamsSchema,
        body: lessonStatsEditSchema,
        response: {
          200: editResultSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const { courseId, learnerId, lessonId } = request.params;
      return service.edit(db, requireRole(request, "tutor", "admin"), courseId, learnerId, lessonId, request.body);
    },
  );

  app.delete(
    `${statsUrl}/attempts/:number`,
    {
      schema: {
        tags: ["tutoring"],
        summary:
          "Delete one attempt of a learner on a lesson; statistics are recomputed and the attempt kept in the audit trail",
        params: attemptParamsSchema,
        querystring: versionQuerySchema,
        response: { 200: editResultSchema, 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request) => {
      const { courseId, learnerId, lessonId, number } = request.params;
      return service.deleteAttempt(
        db,
        requireRole(request, "tutor", "admin"),
        courseId,
        learnerId,
        lessonId,
        number,
        request.query.expectedVersion,
      );
    },
  );

  app.get(
    "/api/tutoring/courses/:courseId/learners/:learnerId/audit",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Changes made to a learner's data in a course (Modifications), newest first",
        params: learnerParamsSchema,
        querystring: auditQuerySchema.pick({ page: true, pageSize: true }),
        response: { 200: auditPageSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.learnerAudit(
        db,
        requireRole(request, "tutor", "admin"),
        request.params.courseId,
        request.params.learnerId,
        request.query,
      ),
  );

  app.post(
    "/api/tutoring/audit/:auditId/undo",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Undo a statistics edit from its audit entry, unless newer data came in since",
        params: auditIdParamsSchema,
        response: { 200: editResultSchema, 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request) => service.undo(db, requireRole(request, "tutor", "admin"), request.params.auditId),
  );

  app.get(
    "/api/admin/audit",
    {
      schema: {
        tags: ["admin"],
        summary: "Every audit entry, with filters (admins)",
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, 400: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      requireRole(request, "admin");
      return service.adminAudit(db, request.query);
    },
  );
};
