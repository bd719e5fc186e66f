import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import type { SessionUserRow } from "../auth/queries.js";

export type TokenRow = {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: ("admin" | "tutor" | "learner")[];
};

const tokenColumns = sql`t.id, t.name, t.scopes, t.created_at as "createdAt", t.last_used_at as "lastUsedAt",
  t.revoked_at as "revokedAt", u.id as "userId", u.email, u.first_name as "firstName", u.last_name as "lastName",
  u.roles::text[] as roles`;

export async function listTokens(tx: Tx, revoked: boolean | undefined, page: number, pageSize: number) {
  const where =
    revoked === undefined ? sql`` : revoked ? sql`where t.revoked_at is not null` : sql`where t.revoked_at is null`;
  const [rows, count] = await Promise.all([
    tx.execute<TokenRow>(sql`
      select ${tokenColumns} from api_tokens t join users u on u.id = t.user_id ${where}
      order by (t.revoked_at is not null), t.created_at desc, t.id limit ${pageSize} offset ${(page - 1) * pageSize}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total from api_tokens t ${where}`),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.total ?? 0 };
}

export async function findToken(tx: Tx, id: string) {
  const result = await tx.execute<TokenRow>(
    sql`select ${tokenColumns} from api_tokens t join users u on u.id = t.user_id where t.id = ${id}`,
  );
  return result.rows[0];
}

export async function insertToken(tx: Tx, v: { userId: string; name: string; tokenHash: string; scopes: string[] }) {
  const result = await tx.execute<{ id: string }>(sql`
    insert into api_tokens (user_id, name, token_hash, scopes)
    values (${v.userId}, ${v.name}, ${v.tokenHash}, ${sql.param(v.scopes)}::text[]) returning id`);
  return result.rows[0]?.id as string;
}

export async function revokeToken(tx: Tx, id: string) {
  await tx.execute(sql`update api_tokens set revoked_at = now() where id = ${id} and revoked_at is null`);
}

/** The token behind a hash with its user, when not revoked. */
export async function findActiveToken(tx: Tx, tokenHash: string) {
  const result = await tx.execute<
    SessionUserRow & { tokenId: string; scopes: string[]; lastUsedAt: string | null }
  >(sql`
    select u.id, u.email, u.first_name as "firstName", u.last_name as "lastName", u.roles::text[] as roles,
      u.locale, u.time_zone as "timeZone", o.name as organisation, u.active,
      t.id as "tokenId", t.scopes, t.last_used_at as "lastUsedAt"
    from api_tokens t
    join users u on u.id = t.user_id
    left join organisations o on o.id = u.organisation_id
    where t.token_hash = ${tokenHash} and t.revoked_at is null`);
  return result.rows[0];
}

export async function touchToken(tx: Tx, id: string) {
  await tx.execute(sql`update api_tokens set last_used_at = now() where id = ${id}`);
}

export async function userState(tx: Tx, userId: string) {
  const result = await tx.execute<{ active: boolean }>(sql`select active from users where id = ${userId}`);
  return result.rows[0];
}
