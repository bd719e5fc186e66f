import type { FastifyRequest } from "fastify";
import type { CurrentUser } from "../../../common/api/auth.js";
import type { TokenScope } from "../../../common/api/tokens.js";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { sha256 } from "../auth/queries.js";
import { presentUser } from "../auth/service.js";
import { findActiveToken, touchToken } from "./queries.js";

const invalid = (message: string) =>
  new AppError(401, "invalid_token", message, undefined, { "www-authenticate": 'Bearer error="invalid_token"' });

/** `read` for GET and HEAD, `write` for every mutation. */
export function scopeFor(method: string): TokenScope {
  return method === "GET" || method === "HEAD" || method === "OPTIONS" ? "read" : "write";
}

/**
 * The user behind `Authorization: Bearer <token>`: unknown, revoked or a deactivated user's token
 * → 401; a call outside the token's scopes → 403 `insufficient_scope`. last_used_at is written at
 * most once a minute per token, so a busy integration doesn't turn every read into a write.
 */
export async function authenticateBearer(db: Db, request: FastifyRequest, header: string): Promise<CurrentUser> {
  const match = /^Bearer\s+([A-Za-z0-9_\-.~+/=]{1,200})\s*$/i.exec(header);
  if (!match?.[1]) throw invalid("The Authorization header must be `Bearer <token>`");
  const row = await findActiveToken(db, sha256(match[1]));
  if (!row?.active) throw invalid("Unknown or revoked API token");
  const needed = scopeFor(request.method);
  if (!row.scopes.includes(needed)) {
    throw new AppError(403, "insufficient_scope", `This API token doesn't have the ${needed} scope`, undefined, {
      "www-authenticate": `Bearer error="insufficient_scope", scope="${needed}"`,
    });
  }
  if (!row.lastUsedAt || Date.now() - Date.parse(row.lastUsedAt) > 60_000) await touchToken(db, row.tokenId);
  return presentUser(row);
}
