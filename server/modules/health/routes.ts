import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { healthResponseSchema } from "../../../common/api/auth.js";
import type { Db } from "../../db/client.js";

/** 200 while the database answers, 503 when it does not (main.ts answers 503 before it is ready). */
export const healthRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        summary: "Liveness and database readiness",
        response: { 200: healthResponseSchema, 503: healthResponseSchema },
      },
    },
    async (_request, reply) => {
      const up = await db.execute(sql`select 1`).then(
        () => true,
        () => false,
      );
      return reply.status(up ? 200 : 503).send({ status: up ? "ok" : "unavailable", database: up ? "up" : "down" });
    },
  );
};
