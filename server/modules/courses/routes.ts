import fs from "node:fs";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  catalogueCourseSchema,
  courseDetailSchema,
  courseIdParamsSchema,
  courseStatsSchema,
  folderTreeSchema,
  tutoredCoursesPageSchema,
  tutoredCoursesQuerySchema,
} from "../../../common/api/courses.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { requireRole, requireUser } from "../../plugins/auth.js";
import * as service from "./service.js";

export const coursesRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  app.get(
    "/api/tutoring/courses",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Courses the signed-in tutor tutors (Tutorat > Formations)",
        querystring: tutoredCoursesQuerySchema,
        response: { 200: tutoredCoursesPageSchema, 400: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => service.listTutoredCourses(db, requireRole(request, "tutor", "admin"), request.query),
  );

  app.get(
    "/api/tutoring/folders",
    {
      schema: {
        tags: ["tutoring"],
        summary: "Folder tree of the tutored courses, with course counts (sub-folders included)",
        response: { 200: folderTreeSchema, 403: errorResponseSchema },
      },
    },
    async (request) => service.folderTree(db, requireRole(request, "tutor", "admin")),
  );

  app.get(
    "/api/tutoring/courses/:courseId",
    {
      schema: {
        tags: ["tutoring"],
        summary: "A tutored course's general information (its quick stats: GET …/stats)",
        params: courseIdParamsSchema,
        response: { 200: courseDetailSchema, 404: errorResponseSchema },
      },
    },
    async (request) => service.getCourse(db, requireRole(request, "tutor", "admin"), request.params.courseId),
  );

  app.get(
    "/api/tutoring/courses/:courseId/stats",
    {
      schema: {
        tags: ["tutoring"],
        summary: "A tutored course's quick stats (Stats rapides) over the learners the caller tutors",
        params: courseIdParamsSchema,
        response: { 200: courseStatsSchema, 404: errorResponseSchema },
      },
    },
    async (request) => service.getCourseStats(db, requireRole(request, "tutor", "admin"), request.params.courseId),
  );

  app.get(
    "/api/catalogue/courses/:courseId",
    {
      schema: {
        tags: ["catalogue"],
        summary: "A course's catalogue page, as learners see it",
        params: courseIdParamsSchema,
        response: { 200: catalogueCourseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => service.catalogueCourse(db, requireUser(request), request.params.courseId),
  );

  app.get(
    "/api/courses/:courseId/thumbnail",
    { schema: { tags: ["catalogue"], summary: "A course's uploaded thumbnail", params: courseIdParamsSchema } },
    async (request, reply) => {
      const { file, type } = await service.thumbnailFile(
        db,
        requireUser(request),
        request.params.courseId,
        `${config.dataDir}/files`,
      );
      if (!fs.existsSync(file)) throw notFound("Thumbnail");
      return reply.type(type).header("cache-control", "private, max-age=300").send(fs.createReadStream(file));
    },
  );
};
