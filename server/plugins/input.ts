import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { badRequest } from "../errors.js";

/** The first path (`body.name`, `querystring.q`) holding a string with a NUL character, if any. */
export function nulField(value: unknown, where: string, depth = 0): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? where : undefined;
  if (depth > 32 || value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes("\u0000")) return `${where}.${key.replaceAll("\u0000", "\\0")}`;
    const found = nulField(item, `${where}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses text holding a NUL character wherever it comes in (path, query, JSON body), naming the
 * field: PostgreSQL can store no NUL in text or jsonb and would otherwise fail the request with a
 * 500 deep in a transaction (found by the fuzz tests of issue #9).
 */
export const inputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("preValidation", async (request) => {
    const field =
      nulField(request.params, "params") ?? nulField(request.query, "querystring") ?? nulField(request.body, "body");
    if (field) throw badRequest(field, "no_nul_character", `${field}: text may not contain a NUL character`);
  });
});
