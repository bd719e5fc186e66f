import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  courseDetailSchema,
  courseIdParamsSchema,
  tutoredCoursesPageSchema,
  tutoredCoursesQuerySchema,
} from "../../../common/api/courses.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { requireRole } from "../../plugins/auth.js";
import * as service from "./service.js";

export const coursesRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
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
    "/api/tutoring/courses/:courseId",
    {
      schema: {
        tags: ["tutoring"],
        summary: "A tutored course's general information",
        params: courseIdParamsSchema,
        response: { 200: courseDetailSchema, 404: errorResponseSchema },
      },
    },
    async (request) => service.getCourse(db, requireRole(request, "tutor", "admin"), request.params.courseId),
  );
};
