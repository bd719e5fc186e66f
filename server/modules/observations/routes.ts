import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { courseIdParamsSchema, lessonParamsSchema } from "../../../common/api/courses.js";
import {
  gridSchema,
  observationRequestSchema,
  observationResultSchema,
  observationsQuerySchema,
  observationTodosSchema,
} from "../../../common/api/observations.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import * as service from "./service.js";

export const observationsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/api/tutoring/courses/:courseId/observations",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Learners whose observation is not passed (Observations à faire)",
        params: courseIdParamsSchema,
        querystring: observationsQuerySchema,
        response: { 200: observationTodosSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.todos(db, requireRole(request, "tutor", "admin"), request.params.courseId, request.query),
  );

  app.get(
    "/api/tutoring/courses/:courseId/lessons/:lessonId/grid",
    {
      schema: {
        tags: ["tutoring"],
        summary: "The observation grid of an observation lesson",
        params: lessonParamsSchema,
        response: { 200: gridSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.grid(db, requireRole(request, "tutor", "admin"), request.params.courseId, request.params.lessonId),
  );

  app.post(
    "/api/tutoring/courses/:courseId/observations",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Record a filled observation grid for a learner; score and status follow from it",
        params: courseIdParamsSchema,
        body: observationRequestSchema,
        response: { 201: observationResultSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await service.observe(
        db,
        requireRole(request, "tutor", "admin"),
        request.params.courseId,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );
};
