import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  answerParamsSchema,
  answerRequestSchema,
  answerResponseSchema,
  commentsPageSchema,
  commentsQuerySchema,
  courseIdParamsSchema,
  courseLessonsSchema,
  lessonParamsSchema,
  lessonPreviewSchema,
} from "../../../common/api/courses.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import * as service from "./service.js";

export const lessonsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/api/tutoring/courses/:courseId/lessons",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Lessons of a tutored course with completion, comments and pending corrections (Leçons)",
        params: courseIdParamsSchema,
        response: { 200: courseLessonsSchema, 404: errorResponseSchema },
      },
    },
    async (request) => service.courseLessons(db, requireRole(request, "tutor", "admin"), request.params.courseId),
  );

  app.get(
    "/api/tutoring/courses/:courseId/lessons/:lessonId/preview",
    {
      schema: {
        tags: ["tutoring"],
        summary: "A lesson's content in preview (Lancer le contenu); nothing is recorded",
        params: lessonParamsSchema,
        response: { 200: lessonPreviewSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.preview(db, requireRole(request, "tutor", "admin"), request.params.courseId, request.params.lessonId),
  );

  app.get(
    "/api/tutoring/courses/:courseId/lessons/:lessonId/comments",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Learners' comments on a lesson, newest first, with answers (Voir les commentaires)",
        params: lessonParamsSchema,
        querystring: commentsQuerySchema,
        response: { 200: commentsPageSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.comments(
        db,
        requireRole(request, "tutor", "admin"),
        request.params.courseId,
        request.params.lessonId,
        request.query,
      ),
  );

  app.post(
    "/api/tutoring/courses/:courseId/lessons/:lessonId/comments/:commentId/answers",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Answer a learner's comment",
        params: answerParamsSchema,
        body: answerRequestSchema,
        response: { 201: answerResponseSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const created = await service.answer(
        db,
        requireRole(request, "tutor", "admin"),
        request.params.courseId,
        request.params.lessonId,
        request.params.commentId,
        request.body.body,
      );
      return reply.status(201).send(created);
    },
  );
};
