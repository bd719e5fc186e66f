import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  courseIdParamsSchema,
  evaluationQuerySchema,
  evaluationSchema,
  reviewsPageSchema,
  reviewsQuerySchema,
} from "../../../common/api/courses.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import * as service from "./service.js";

export const reviewsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/api/tutoring/courses/:courseId/reviews",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Learners' reviews of a tutored course, newest first, with average and distribution (Avis)",
        params: courseIdParamsSchema,
        querystring: reviewsQuerySchema,
        response: { 200: reviewsPageSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.reviews(db, requireRole(request, "tutor", "admin"), request.params.courseId, request.query),
  );

  app.get(
    "/api/tutoring/courses/:courseId/evaluation",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Results of a tutored course's satisfaction evaluation (Évaluation formation)",
        params: courseIdParamsSchema,
        querystring: evaluationQuerySchema,
        response: { 200: evaluationSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.evaluation(db, requireRole(request, "tutor", "admin"), request.params.courseId, request.query),
  );
};
