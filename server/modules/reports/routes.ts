import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { courseIdParamsSchema } from "../../../common/api/courses.js";
import {
  documentQuerySchema,
  exportRequestSchema,
  learnerParamsSchema,
  learnerReportQuerySchema,
  learnerReportSchema,
  lessonAttemptsPageSchema,
  lessonAttemptsParamsSchema,
  lessonAttemptsQuerySchema,
} from "../../../common/api/tutoring.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import * as service from "./service.js";

export const reportsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/api/tutoring/courses/:courseId/learners/:learnerId/report",
    {
      schema: {
        tags: ["tutoring"],
        summary: "A learner's follow-up report in a course (Rapport apprenant)",
        params: learnerParamsSchema,
        querystring: learnerReportQuerySchema,
        response: { 200: learnerReportSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.learnerReport(
        db,
        requireRole(request, "tutor", "admin"),
        request.params.courseId,
        request.params.learnerId,
        request.query,
      ),
  );

  app.get(
    "/api/tutoring/courses/:courseId/learners/:learnerId/lessons/:lessonId/attempts",
    {
      schema: {
        tags: ["tutoring"],
        summary: "One page of a learner's attempts on a lesson, oldest first, with the time cumulated (R3b)",
        params: lessonAttemptsParamsSchema,
        querystring: lessonAttemptsQuerySchema,
        response: { 200: lessonAttemptsPageSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const { courseId, learnerId, lessonId } = request.params;
      return service.lessonAttempts(
        db,
        requireRole(request, "tutor", "admin"),
        courseId,
        learnerId,
        lessonId,
        request.query,
      );
    },
  );

  const contentTypes = {
    pdf: "application/pdf",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  } as const;
  for (const format of ["pdf", "xlsx"] as const) {
    app.get(
      `/api/tutoring/courses/:courseId/learners/:learnerId/report.${format}`,
      {
        schema: {
          tags: ["tutoring"],
          summary: `The learner's report as ${format.toUpperCase()}: identity, dates, time, composition, every session, reminders (B3)`,
          params: learnerParamsSchema,
          querystring: documentQuerySchema,
        },
      },
      async (request, reply) => {
        const user = requireRole(request, "tutor", "admin");
        const document = await service.learnerDocument(
          db,
          user,
          request.params.courseId,
          request.params.learnerId,
          format,
          request.query.lang ?? user.locale,
        );
        return reply
          .type(contentTypes[format])
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`)
          .send(document.body);
      },
    );
  }

  app.post(
    "/api/tutoring/courses/:courseId/exports",
    {
      schema: {
        tags: ["tutoring"],
        summary: "The reports of a selection of learners as one zip of PDF or XLSX files",
        params: courseIdParamsSchema,
        body: exportRequestSchema,
      },
    },
    async (request, reply) => {
      const user = requireRole(request, "tutor", "admin");
      const archive = await service.selectionArchive(
        db,
        user,
        request.params.courseId,
        request.body.selection,
        request.body.format,
        request.body.lang ?? user.locale,
      );
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="reports-${request.body.format}.zip"`)
        .send(archive);
    },
  );
};
