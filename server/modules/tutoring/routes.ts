import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { courseIdParamsSchema } from "../../../common/api/courses.js";
import {
  indicatorsQuerySchema,
  indicatorsSchema,
  selectionResponseSchema,
  selectionSchema,
  tutoredLearnersPageSchema,
  tutoredLearnersQuerySchema,
} from "../../../common/api/tutoring.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import * as service from "./service.js";

export const tutoringRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/api/tutoring/courses/:courseId/learners",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Learners of a tutored course (UTILISATEURS TUTORÉS), from the per-enrollment summaries",
        params: courseIdParamsSchema,
        querystring: tutoredLearnersQuerySchema,
        response: { 200: tutoredLearnersPageSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.listLearners(db, requireRole(request, "tutor", "admin"), request.params.courseId, request.query),
  );

  app.get(
    "/api/tutoring/courses/:courseId/indicators",
    {
      schema: {
        tags: ["tutoring"],
        summary:
          "Indicators and status counts of a tutored course (APPRENANTS, MISSIONS À CORRIGER, OBSERVATIONS À FAIRE)",
        params: courseIdParamsSchema,
        querystring: indicatorsQuerySchema,
        response: { 200: indicatorsSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.indicators(db, requireRole(request, "tutor", "admin"), request.params.courseId, request.query),
  );

  app.post(
    "/api/tutoring/courses/:courseId/selection",
    {
      schema: {
        tags: ["tutoring"],
        summary:
          "Resolve a selection (ids, or filters minus exclusions) to the learners it holds within the tutor's scope",
        params: courseIdParamsSchema,
        body: selectionSchema,
        response: { 200: selectionResponseSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.resolveSelection(db, requireRole(request, "tutor", "admin"), request.params.courseId, request.body),
  );
};
