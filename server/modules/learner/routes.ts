import { createReadStream } from "node:fs";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  commentRequestSchema,
  commentsQuerySchema,
  enrolledSchema,
  evaluationRequestSchema,
  LEARNER_LIMITS,
  learnerCommentSchema,
  learnerCommentsSchema,
  learnerCourseParamsSchema,
  learnerCourseSchema,
  learnerFileParamsSchema,
  learnerLessonParamsSchema,
  learnerLessonSchema,
  learnerSessionParamsSchema,
  myCoursesSchema,
  reviewRequestSchema,
  reviewSchema,
  sessionBeatSchema,
  sessionCloseRequestSchema,
  sheetSessionSchema,
} from "../../../common/api/learner.js";
import { lessonStatusSchema } from "../../../common/enums.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { AppError, badRequest } from "../../errors.js";
import { requireUser } from "../../plugins/auth.js";
import { checkMissionFile } from "./files.js";
import * as service from "./service.js";

const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const contentDisposition = (kind: "inline" | "attachment", fileName: string) =>
  `${kind}; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Reads a mission submission's multipart form: `text`, `declaredMinutes` and up to 5 `files`, each checked. */
async function readSubmission(request: FastifyRequest) {
  if (!request.isMultipart()) throw badRequest("files", "multipart", "Send the submission as multipart/form-data");
  let text = "";
  let declaredMinutes = 0;
  const files: service.UploadedFile[] = [];
  const parts = request.parts({
    limits: {
      fileSize: LEARNER_LIMITS.missionFileBytes,
      // One more than allowed, so a sixth file is refused by name (400) rather than cut off.
      files: LEARNER_LIMITS.missionFiles + 1,
      fields: 10,
      fieldSize: LEARNER_LIMITS.missionTextMax * 4,
    },
  });
  for await (const part of parts) {
    if (part.type === "file") {
      if (files.length >= LEARNER_LIMITS.missionFiles) {
        part.file.resume();
        throw badRequest("files", "max_count", `At most ${LEARNER_LIMITS.missionFiles} files per submission`);
      }
      let data: Buffer;
      let truncated = false;
      try {
        data = await part.toBuffer();
      } catch (error) {
        // Over the size limit the plugin stops reading and throws; answered as a 400 naming the file.
        if ((error as { code?: string }).code !== "FST_REQ_FILE_TOO_LARGE") throw error;
        data = Buffer.alloc(0);
        truncated = true;
      }
      const checked = checkMissionFile(files.length, part.filename, data, truncated || part.file.truncated);
      files.push({ ...checked, data });
    } else if (part.fieldname === "text") {
      text = String(part.value ?? "");
      if (part.valueTruncated || text.length > LEARNER_LIMITS.missionTextMax) {
        throw badRequest("text", "max_length", `At most ${LEARNER_LIMITS.missionTextMax} characters`);
      }
    } else if (part.fieldname === "declaredMinutes") {
      const raw = String(part.value ?? "").trim();
      const value = raw === "" ? 0 : Number(raw);
      if (!Number.isInteger(value) || value < 0 || value > LEARNER_LIMITS.declaredMinutesMax) {
        throw badRequest(
          "declaredMinutes",
          "range",
          `A whole number of minutes between 0 and ${LEARNER_LIMITS.declaredMinutesMax}`,
        );
      }
      declaredMinutes = value;
    }
  }
  return { text, declaredMinutes, files };
}

export const learnerRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  // The closing beacon of a practical sheet is a text/plain JSON body (sendBeacon sends no JSON
  // content type); parsed in this plugin only, and small.
  app.addContentTypeParser("text/plain", { parseAs: "string", bodyLimit: 4096 }, (_request, body, done) => {
    try {
      done(null, body === "" ? {} : JSON.parse(String(body)));
    } catch {
      done(new AppError(400, "invalid_json", "The body is not valid JSON"));
    }
  });

  app.get(
    "/api/learner/courses",
    {
      schema: {
        tags: ["learner"],
        summary: "Mes formations: the learner's courses with progress, and the catalogue courses open to them",
        response: { 200: myCoursesSchema, 401: errorResponseSchema },
      },
    },
    async (request) => service.myCourses(db, requireUser(request)),
  );

  app.post(
    "/api/learner/courses/:courseId/enrollment",
    {
      schema: {
        tags: ["learner"],
        summary: "Enroll in a catalogue course open to the learner (free enrollment)",
        params: learnerCourseParamsSchema,
        response: { 201: enrolledSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.enroll(db, requireUser(request), request.params.courseId)),
  );

  app.get(
    "/api/learner/courses/:courseId",
    {
      schema: {
        tags: ["learner"],
        summary: "A course for the learner: lessons in order with their status, score and time; review; evaluation",
        params: learnerCourseParamsSchema,
        response: { 200: learnerCourseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => service.course(db, requireUser(request), request.params.courseId),
  );

  app.put(
    "/api/learner/courses/:courseId/review",
    {
      schema: {
        tags: ["learner"],
        summary: "Rate and review the course (one review per learner, editable)",
        params: learnerCourseParamsSchema,
        body: reviewRequestSchema,
        response: { 200: reviewSchema, ...errors },
      },
    },
    async (request) => service.saveReview(db, requireUser(request), request.params.courseId, request.body),
  );

  app.post(
    "/api/learner/courses/:courseId/evaluation",
    {
      schema: {
        tags: ["learner"],
        summary: "Answer the course's satisfaction evaluation (once)",
        params: learnerCourseParamsSchema,
        body: evaluationRequestSchema,
        response: { 201: z.object({ submittedAt: z.string() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.answerEvaluation(db, requireUser(request), request.params.courseId, request.body)),
  );

  app.get(
    "/api/learner/courses/:courseId/lessons/:lessonId",
    {
      schema: {
        tags: ["learner"],
        summary: "A lesson for the learner, with what its type shows (sheet text, quiz rules, submissions, classes...)",
        params: learnerLessonParamsSchema,
        response: { 200: learnerLessonSchema, 404: errorResponseSchema },
      },
    },
    async (request) => service.lesson(db, requireUser(request), request.params.courseId, request.params.lessonId),
  );

  app.get(
    "/api/learner/courses/:courseId/lessons/:lessonId/document",
    {
      schema: {
        tags: ["learner"],
        summary:
          "The practical sheet's document: a PDF inline (or as a download with ?download=1), anything else as a download",
        params: learnerLessonParamsSchema,
        querystring: z.object({ download: z.enum(["0", "1"]).optional() }),
      },
    },
    async (request, reply) => {
      const found = await service.sheetFile(
        db,
        config,
        requireUser(request),
        request.params.courseId,
        request.params.lessonId,
      );
      // Only a PDF is ever shown in the browser; nothing else is rendered in the app's origin.
      const inline = found.isPdf && request.query.download !== "1";
      return reply
        .type(found.isPdf ? "application/pdf" : "application/octet-stream")
        .header("content-disposition", contentDisposition(inline ? "inline" : "attachment", found.fileName))
        .header("x-content-type-options", "nosniff")
        .send(createReadStream(found.absolute));
    },
  );

  app.post(
    "/api/learner/courses/:courseId/lessons/:lessonId/sessions",
    {
      schema: {
        tags: ["learner"],
        summary: "Open a reading session on a practical sheet (time counts while the page is shown)",
        params: learnerLessonParamsSchema,
        response: { 201: sheetSessionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.openSession(db, requireUser(request), request.params.courseId, request.params.lessonId)),
  );

  app.post(
    "/api/learner/courses/:courseId/lessons/:lessonId/sessions/:sessionId/heartbeat",
    {
      schema: {
        tags: ["learner"],
        summary: "Extend a reading session while the page is visible; 409 once it went stale",
        params: learnerSessionParamsSchema,
        response: { 200: sessionBeatSchema, ...errors },
      },
    },
    async (request) =>
      service.beat(
        db,
        requireUser(request),
        request.params.courseId,
        request.params.lessonId,
        request.params.sessionId,
        false,
      ),
  );

  app.post(
    "/api/learner/courses/:courseId/lessons/:lessonId/sessions/:sessionId/close",
    {
      // Sent by navigator.sendBeacon when the page is hidden or closed: the CSRF token is in the body.
      config: { csrfInBody: true },
      schema: {
        tags: ["learner"],
        summary: "Close a reading session (also a text/plain JSON body carrying csrfToken, from sendBeacon)",
        params: learnerSessionParamsSchema,
        body: sessionCloseRequestSchema,
        response: { 200: sessionBeatSchema, ...errors },
      },
    },
    async (request) =>
      service.beat(
        db,
        requireUser(request),
        request.params.courseId,
        request.params.lessonId,
        request.params.sessionId,
        true,
      ),
  );

  app.post(
    "/api/learner/courses/:courseId/lessons/:lessonId/read",
    {
      schema: {
        tags: ["learner"],
        summary: "Marquer comme lu: the practical sheet's attempt is completed",
        params: learnerLessonParamsSchema,
        response: { 200: z.object({ status: lessonStatusSchema }), ...errors },
      },
    },
    async (request) => service.markRead(db, requireUser(request), request.params.courseId, request.params.lessonId),
  );

  app.post(
    "/api/learner/courses/:courseId/lessons/:lessonId/submissions",
    {
      schema: {
        tags: ["learner"],
        summary: `Submit a mission: multipart text, declaredMinutes and up to ${LEARNER_LIMITS.missionFiles} files (pdf, png, jpeg, docx, xlsx, pptx, txt; 10 MB each)`,
        params: learnerLessonParamsSchema,
        response: {
          201: z.object({ id: z.string().uuid(), attemptNumber: z.number().int(), submittedAt: z.string() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const input = await readSubmission(request);
      const created = await service.submitMission(
        db,
        config,
        user,
        request.params.courseId,
        request.params.lessonId,
        input,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/learner/courses/:courseId/lessons/:lessonId/submissions/:submissionId/files/:fileId",
    {
      schema: {
        tags: ["learner"],
        summary: "Download a file of one's own submission",
        params: learnerFileParamsSchema,
      },
    },
    async (request, reply) => {
      const found = await service.missionFile(
        db,
        config,
        requireUser(request),
        request.params.courseId,
        request.params.lessonId,
        request.params.submissionId,
        request.params.fileId,
      );
      return reply
        .type("application/octet-stream")
        .header("content-disposition", contentDisposition("attachment", found.fileName))
        .header("x-content-type-options", "nosniff")
        .send(createReadStream(found.absolute));
    },
  );

  app.get(
    "/api/learner/courses/:courseId/lessons/:lessonId/comments",
    {
      schema: {
        tags: ["learner"],
        summary: "Comments on a lesson by the course's learners, newest first, with the tutors' answers",
        params: learnerLessonParamsSchema,
        querystring: commentsQuerySchema,
        response: { 200: learnerCommentsSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.comments(db, requireUser(request), request.params.courseId, request.params.lessonId, request.query),
  );

  app.post(
    "/api/learner/courses/:courseId/lessons/:lessonId/comments",
    {
      schema: {
        tags: ["learner"],
        summary: "Comment on a lesson",
        params: learnerLessonParamsSchema,
        body: commentRequestSchema,
        response: { 201: learnerCommentSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addComment(
            db,
            requireUser(request),
            request.params.courseId,
            request.params.lessonId,
            request.body.body,
          ),
        ),
  );
};
