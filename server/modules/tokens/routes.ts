import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  apiTokenSchema,
  apiTokensPageSchema,
  apiTokensQuerySchema,
  createApiTokenRequestSchema,
  createdApiTokenSchema,
  tokenIdParamsSchema,
} from "../../../common/api/tokens.js";
import { errorResponseSchema } from "../../../common/errors.js";
import type { Db } from "../../db/client.js";
import { forbidden } from "../../errors.js";
import { requireRole } from "../../plugins/auth.js";
import * as service from "./service.js";

const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const tags = ["admin: API tokens"];

/** Personal API tokens (S3): only an admin signed in with a session manages them, never a token. */
export const tokensRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const admin = (request: Parameters<typeof requireRole>[0]) => {
    const user = requireRole(request, "admin");
    // A leaked token must not be able to mint others that outlive its revocation.
    if (request.auth?.via === "token") throw forbidden("API tokens can't manage API tokens; sign in");
    return user;
  };

  app.get(
    "/api/admin/api-tokens",
    {
      schema: {
        tags,
        summary: "API tokens, active first, with their last use",
        querystring: apiTokensQuerySchema,
        response: { 200: apiTokensPageSchema, ...errors },
      },
    },
    async (request) => {
      admin(request);
      return service.list(db, request.query);
    },
  );
  app.post(
    "/api/admin/api-tokens",
    {
      schema: {
        tags,
        summary:
          "Create a token for a user with scopes `read` (GET) and/or `write` (mutations); the secret is in this answer only",
        body: createApiTokenRequestSchema,
        response: { 201: createdApiTokenSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(db, admin(request), request.body)),
  );
  app.post(
    "/api/admin/api-tokens/:tokenId/revoke",
    {
      schema: {
        tags,
        summary: "Revoke a token: calls with it answer 401 from now on",
        params: tokenIdParamsSchema,
        response: { 200: apiTokenSchema, ...errors },
      },
    },
    async (request) => service.revoke(db, admin(request), request.params.tokenId),
  );
};
