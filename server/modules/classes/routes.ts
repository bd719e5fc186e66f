import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  attendanceSchema,
  classCreateSchema,
  classDetailSchema,
  classesQuerySchema,
  classesSchema,
  classFieldsSchema,
  classParamsSchema,
  virtualClassSchema,
} from "../../../common/api/classes.js";
import { courseIdParamsSchema } from "../../../common/api/courses.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import type { Jobs } from "../../plugins/jobs.js";
import * as service from "./service.js";

export const classesRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config; jobs: Jobs }> = async (
  app,
  { db, config, jobs },
) => {
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
  const tutor = (request: Parameters<typeof requireRole>[0]) => requireRole(request, "tutor", "admin");

  app.post(
    "/api/tutoring/courses/:courseId/classes",
    {
      schema: {
        tags: ["classes"],
        summary:
          "Schedule a virtual class and invite the selection by email with an iCalendar invitation (Classe virtuelle)",
        params: courseIdParamsSchema,
        body: classCreateSchema,
        response: { 201: virtualClassSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.create(db, config, jobs, tutor(request), request.params.courseId, request.body)),
  );

  app.get(
    "/api/tutoring/courses/:courseId/classes",
    {
      schema: {
        tags: ["classes"],
        summary: "A course's virtual classes, upcoming or past",
        params: courseIdParamsSchema,
        querystring: classesQuerySchema,
        response: { 200: classesSchema, 404: errorResponseSchema },
      },
    },
    async (request) => service.list(db, tutor(request), request.params.courseId, request.query.when),
  );

  app.get(
    "/api/tutoring/courses/:courseId/classes/:classId",
    {
      schema: {
        tags: ["classes"],
        summary: "A virtual class with its invitees and their attendance",
        params: classParamsSchema,
        response: { 200: classDetailSchema, 404: errorResponseSchema },
      },
    },
    async (request) => service.detail(db, tutor(request), request.params.courseId, request.params.classId),
  );

  app.put(
    "/api/tutoring/courses/:courseId/classes/:classId",
    {
      schema: {
        tags: ["classes"],
        summary: "Reschedule a class; invitees get an update with the same UID",
        params: classParamsSchema,
        body: classFieldsSchema,
        response: { 200: virtualClassSchema, ...errors },
      },
    },
    async (request) =>
      service.reschedule(
        db,
        config,
        jobs,
        tutor(request),
        request.params.courseId,
        request.params.classId,
        request.body,
      ),
  );

  app.post(
    "/api/tutoring/courses/:courseId/classes/:classId/cancel",
    {
      schema: {
        tags: ["classes"],
        summary: "Cancel a class; invitees get a cancellation with the same UID",
        params: classParamsSchema,
        response: { 200: virtualClassSchema, ...errors },
      },
    },
    async (request) =>
      service.cancel(db, config, jobs, tutor(request), request.params.courseId, request.params.classId),
  );

  app.put(
    "/api/tutoring/courses/:courseId/classes/:classId/attendance",
    {
      schema: {
        tags: ["classes"],
        summary: "Record attendance; present learners get the minutes on the webinar lesson",
        params: classParamsSchema,
        body: attendanceSchema,
        response: { 200: classDetailSchema, ...errors },
      },
    },
    async (request) =>
      service.attendance(db, tutor(request), request.params.courseId, request.params.classId, request.body.entries),
  );
};
