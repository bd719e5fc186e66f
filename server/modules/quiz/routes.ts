import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  quizAttemptParamsSchema,
  quizAttemptSchema,
  quizEditorSchema,
  quizEditorSettingsRequestSchema,
  quizLessonParamsSchema,
  quizMoveRequestSchema,
  quizOverviewSchema,
  quizQuestionInputSchema,
  quizQuestionParamsSchema,
  quizResultSchema,
  quizSubmitRequestSchema,
} from "../../../common/api/quiz.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { requireRole, requireUser } from "../../plugins/auth.js";
import * as service from "./service.js";

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema };

/** The native quiz (S2): learners take it under /api/quiz, admins edit it under /api/admin/quiz. */
export const quizRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/api/quiz/lessons/:lessonId",
    {
      schema: {
        tags: ["quiz"],
        summary: "A quiz of one of the learner's courses: rules, attempts used and left, best score, last result",
        params: quizLessonParamsSchema,
        response: { 200: quizOverviewSchema, ...errors },
      },
    },
    async (request) => service.overview(db, requireUser(request), request.params.lessonId),
  );

  app.post(
    "/api/quiz/lessons/:lessonId/attempts",
    {
      schema: {
        tags: ["quiz"],
        summary:
          "Start an attempt (201), or get back the attempt left open (200); questions without their answers; 409 when no attempt is left",
        params: quizLessonParamsSchema,
        response: { 200: quizAttemptSchema, 201: quizAttemptSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { attempt, created } = await service.start(db, requireUser(request), request.params.lessonId);
      return reply.status(created ? 201 : 200).send(attempt);
    },
  );

  app.post(
    "/api/quiz/lessons/:lessonId/attempts/:attemptId/submit",
    {
      schema: {
        tags: ["quiz"],
        summary: "Submit an attempt's answers: score, passed or failed, and the correct answers revealed",
        params: quizAttemptParamsSchema,
        body: quizSubmitRequestSchema,
        response: { 200: quizResultSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request) =>
      service.submit(db, requireUser(request), request.params.lessonId, request.params.attemptId, request.body),
  );

  app.get(
    "/api/admin/quiz/lessons/:lessonId",
    {
      schema: {
        tags: ["admin"],
        summary: "A quiz's editor: settings, passing score, questions with their correct choices",
        params: quizLessonParamsSchema,
        response: { 200: quizEditorSchema, ...errors },
      },
    },
    async (request) => {
      requireRole(request, "admin");
      return service.editor(db, request.params.lessonId);
    },
  );

  app.put(
    "/api/admin/quiz/lessons/:lessonId/settings",
    {
      schema: {
        tags: ["admin"],
        summary: "Set the question order, the attempts limit and the lesson's passing score",
        params: quizLessonParamsSchema,
        body: quizEditorSettingsRequestSchema,
        response: { 200: quizEditorSchema, ...errors },
      },
    },
    async (request) => service.saveSettings(db, requireRole(request, "admin"), request.params.lessonId, request.body),
  );

  app.post(
    "/api/admin/quiz/lessons/:lessonId/questions",
    {
      schema: {
        tags: ["admin"],
        summary: "Add a question at the end (≥ 2 choices, ≥ 1 correct, exactly 1 for a single choice)",
        params: quizLessonParamsSchema,
        body: quizQuestionInputSchema,
        response: { 201: quizEditorSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await service.addQuestion(
        db,
        requireRole(request, "admin"),
        request.params.lessonId,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );

  app.put(
    "/api/admin/quiz/lessons/:lessonId/questions/:questionId",
    {
      schema: {
        tags: ["admin"],
        summary: "Rewrite a question; attempts in progress keep the version they started with",
        params: quizQuestionParamsSchema,
        body: quizQuestionInputSchema,
        response: { 200: quizEditorSchema, ...errors },
      },
    },
    async (request) =>
      service.updateQuestion(
        db,
        requireRole(request, "admin"),
        request.params.lessonId,
        request.params.questionId,
        request.body,
      ),
  );

  app.delete(
    "/api/admin/quiz/lessons/:lessonId/questions/:questionId",
    {
      schema: {
        tags: ["admin"],
        summary: "Delete a question",
        params: quizQuestionParamsSchema,
        response: { 200: quizEditorSchema, ...errors },
      },
    },
    async (request) =>
      service.deleteQuestion(db, requireRole(request, "admin"), request.params.lessonId, request.params.questionId),
  );

  app.post(
    "/api/admin/quiz/lessons/:lessonId/questions/:questionId/move",
    {
      schema: {
        tags: ["admin"],
        summary: "Move a question one place up or down",
        params: quizQuestionParamsSchema,
        body: quizMoveRequestSchema,
        response: { 200: quizEditorSchema, ...errors },
      },
    },
    async (request) =>
      service.moveQuestion(
        db,
        requireRole(request, "admin"),
        request.params.lessonId,
        request.params.questionId,
        request.body.direction,
      ),
  );
};
