import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { myCoursesSchema } from "../../../common/api/learner.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { requireUser } from "../../plugins/auth.js";
import * as service from "./service.js";

export const learnerRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/api/learner/courses",
    {
      schema: {
        tags: ["learner"],
        summary: "The signed-in user's courses with progress (Mes formations)",
        response: { 200: myCoursesSchema, 401: errorResponseSchema },
      },
    },
    async (request) => service.myCourses(db, requireUser(request)),
  );
};
