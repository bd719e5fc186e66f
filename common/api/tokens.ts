import { z } from "zod";
import { roleSchema } from "../enums.js";
import { pageOf } from "./paging.js";

/**
 * Scopes of a personal API token: `read` allows GET requests, `write` allows mutations (POST,
 * PUT, PATCH, DELETE). A token acts as its user, with the user's roles, within its scopes.
 */
export const tokenScopeSchema = z.enum(["read", "write"]);
export type TokenScope = z.infer<typeof tokenScopeSchema>;
export const tokenScopes = tokenScopeSchema.options;

export const apiTokenSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  user: z.object({
    id: z.string().uuid(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    roles: z.array(roleSchema),
  }),
  scopes: z.array(tokenScopeSchema),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokensQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  /** Revoked tokens are listed too unless `false`. */
  revoked: z.enum(["true", "false"]).optional(),
});
export const apiTokensPageSchema = pageOf(apiTokenSchema);

export const createApiTokenRequestSchema = z.object({
  userId: z.string().uuid(),
  name: z.string().trim().min(1).max(200),
  scopes: z.array(tokenScopeSchema).min(1).max(2),
});
export type CreateApiTokenRequest = z.infer<typeof createApiTokenRequestSchema>;

/** The created token: `secret` is shown this once and never stored in clear. */
export const createdApiTokenSchema = z.object({ token: apiTokenSchema, secret: z.string() });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const tokenIdParamsSchema = z.object({ tokenId: z.string().uuid() });
