import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { learnerParamsSchema, learnerReportQuerySchema, learnerReportSchema } from "../../../common/api/tutoring.js";
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
};
