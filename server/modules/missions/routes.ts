import fs from "node:fs";
import path from "node:path";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { courseIdParamsSchema } from "../../../common/api/courses.js";
import {
  correctionRequestSchema,
  correctionSchema,
  missionDetailSchema,
  missionQueueQuerySchema,
  missionQueueSchema,
  submissionFileParamsSchema,
  submissionParamsSchema,
} from "../../../common/api/missions.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { requireRole } from "../../plugins/auth.js";
import * as service from "./service.js";

export const missionsRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  app.get(
    "/api/tutoring/missions",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Mission submissions to correct across all the tutor's courses, oldest first",
        querystring: missionQueueQuerySchema,
        response: { 200: missionQueueSchema, 400: errorResponseSchema },
      },
    },
    async (request) => service.globalQueue(db, requireRole(request, "tutor", "admin"), request.query),
  );

  app.get(
    "/api/tutoring/courses/:courseId/missions",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Mission submissions of a course (Missions à corriger), oldest first when pending",
        params: courseIdParamsSchema,
        querystring: missionQueueQuerySchema,
        response: { 200: missionQueueSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.courseQueue(db, requireRole(request, "tutor", "admin"), request.params.courseId, request.query),
  );

  app.get(
    "/api/tutoring/courses/:courseId/missions/:submissionId",
    {
      schema: {
        tags: ["tutoring"],
        summary: "A mission submission with its files and the learner's earlier submissions",
        params: submissionParamsSchema,
        response: { 200: missionDetailSchema, 404: errorResponseSchema },
      },
    },
    async (request) =>
      service.detail(db, requireRole(request, "tutor", "admin"), request.params.courseId, request.params.submissionId),
  );

  app.get(
    "/api/tutoring/courses/:courseId/missions/:submissionId/files/:fileId",
    {
      schema: { tags: ["tutoring"], summary: "Download a file of a submission", params: submissionFileParamsSchema },
    },
    async (request, reply) => {
      const found = await service.file(
        db,
        requireRole(request, "tutor", "admin"),
        request.params.courseId,
        request.params.submissionId,
        request.params.fileId,
      );
      const root = path.resolve(config.dataDir, "files");
      const absolute = path.resolve(root, found.storagePath);
      if (!absolute.startsWith(root + path.sep) || !fs.existsSync(absolute)) throw notFound("File");
      // Always a download, never rendered in the app's origin.
      return reply
        .type("application/octet-stream")
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(found.fileName)}`)
        .header("x-content-type-options", "nosniff")
        .send(fs.createReadStream(absolute));
    },
  );

  app.post(
    "/api/tutoring/courses/:courseId/missions/:submissionId/correction",
    {
      // Room for an oversized feedback to be read and refused by name (400), not cut off (413).
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags: ["tutoring"],
        summary: "Correct a submission: score, verdict, feedback; the learner is notified by email",
        params: submissionParamsSchema,
        body: correctionRequestSchema,
        response: {
          201: correctionSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const correction = await service.correct(
        db,
        config,
        requireRole(request, "tutor", "admin"),
        request.params.courseId,
        request.params.submissionId,
        request.body,
      );
      return reply.status(201).send(correction);
    },
  );
};
