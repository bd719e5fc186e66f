import crypto from "node:crypto";
import type { CurrentUser } from "../../../common/api/auth.js";
import type { ApiToken, CreateApiTokenRequest, CreatedApiToken, TokenScope } from "../../../common/api/tokens.js";
import type { Db, Tx } from "../../db/client.js";
import { badRequest, notFound } from "../../errors.js";
import { writeAudit } from "../audit/audit.js";
import { sha256 } from "../auth/queries.js";
import * as q from "./queries.js";

/** Prefix of every token, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = "tut_";

function present(row: q.TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    user: { id: row.userId, email: row.email, firstName: row.firstName, lastName: row.lastName, roles: row.roles },
    scopes: row.scopes.filter((s): s is TokenScope => s === "read" || s === "write"),
    createdAt: new Date(row.createdAt).toISOString(),
    lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
    revokedAt: row.revokedAt ? new Date(row.revokedAt).toISOString() : null,
  };
}

export async function list(db: Db, query: { page: number; pageSize: number; revoked?: "true" | "false" }) {
  const { rows, total } = await q.listTokens(
    db,
    query.revoked === undefined ? undefined : query.revoked === "true",
    query.page,
    query.pageSize,
  );
  return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
}

async function load(tx: Tx, id: string) {
  const row = await q.findToken(tx, id);
  if (!row) throw notFound("API token");
  return present(row);
}

/** Creates a token for an active user; the secret is returned this once, only its SHA-256 is kept. */
export async function create(db: Db, actor: CurrentUser, input: CreateApiTokenRequest): Promise<CreatedApiToken> {
  const secret = `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const found = await q.userState(tx, input.userId);
    if (!found) throw badRequest("userId", "unknown", "No user has this id");
    if (!found.active) throw badRequest("userId", "inactive", "This user is deactivated");
    const id = await q.insertToken(tx, {
      userId: input.userId,
      name: input.name,
      tokenHash: sha256(secret),
      scopes: [...new Set(input.scopes)].sort(),
    });
    const token = await load(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "api_token.create",
      entityType: "api_token",
      entityId: id,
      after: { name: token.name, userId: token.user.id, scopes: token.scopes },
    });
    return { token, secret };
  });
}

/** Revokes a token at once (the next call with it gets 401); revoking twice changes nothing. */
export async function revoke(db: Db, actor: CurrentUser, id: string) {
  return db.transaction(async (tx) => {
    const before = await load(tx, id);
    if (before.revokedAt) return before;
    await q.revokeToken(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "api_token.revoke",
      entityType: "api_token",
      entityId: id,
      before: { name: before.name, userId: before.user.id, scopes: before.scopes },
    });
    return load(tx, id);
  });
}
