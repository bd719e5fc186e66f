import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { executePrepared, type Tx } from "../../db/client.js";

export type SessionUserRow = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: ("admin" | "tutor" | "learner")[];
  locale: "fr" | "en";
  timeZone: string;
  organisation: string | null;
  active: boolean;
};

export const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

const userColumns = sql`u.id, u.email, u.first_name as "firstName", u.last_name as "lastName", u.roles::text[] as roles,
  u.locale, u.time_zone as "timeZone", o.name as organisation, u.active`;

export async function findUserByEmail(tx: Tx, email: string) {
  const result = await tx.execute<SessionUserRow & { passwordHash: string | null }>(sql`
    select ${userColumns}, u.password_hash as "passwordHash"
    from users u left join organisations o on o.id = u.organisation_id
    where lower(u.email) = lower(${email})`);
  return result.rows[0];
}

export async function findUserById(tx: Tx, id: string) {
  const result = await tx.execute<SessionUserRow>(sql`
    select ${userColumns} from users u left join organisations o on o.id = u.organisation_id where u.id = ${id}`);
  return result.rows[0];
}

/**
 * The session behind a cookie token, with its user, when still valid. Read by every request with a
 * cookie: a prepared statement, planned once per connection (planned each time, its planning took
 * longer than its execution: ~0.25 ms of database CPU per request, issue #8).
 */
export type SessionRow = SessionUserRow & {
  csrfToken: string;
  lastSeenAt: string;
  /** Time left before the session expires, by the database's clock. */
  expiresInMs: number;
  tokenHash: string;
};

export async function findSession(tx: Tx, tokenHash: string): Promise<SessionRow | undefined> {
  const result = await executePrepared<SessionRow>(
    tx,
    "auth_find_session",
    sql`
    select ${userColumns}, s.csrf_token as "csrfToken", s.last_seen_at as "lastSeenAt",
      extract(epoch from s.expires_at - now())::float8 * 1000 as "expiresInMs", s.token_hash as "tokenHash"
    from auth_sessions s
    join users u on u.id = s.user_id
    left join organisations o on o.id = u.organisation_id
    where s.token_hash = ${tokenHash} and s.expires_at > now()`,
  );
  return result.rows[0];
}

/** Extends a session still valid; none when it has ended meanwhile. */
export async function touchSession(tx: Tx, tokenHash: string, idleMinutes: number) {
  const result = await tx.execute<{ lastSeenAt: string; expiresInMs: number }>(sql`
    update auth_sessions set last_seen_at = now(), expires_at = now() + make_interval(mins => ${idleMinutes})
    where token_hash = ${tokenHash} and expires_at > now()
    returning last_seen_at as "lastSeenAt", extract(epoch from expires_at - now())::float8 * 1000 as "expiresInMs"`);
  return result.rows[0];
}

export async function insertSession(
  tx: Tx,
  values: { token: string; userId: string; csrfToken: string; idleMinutes: number; ip: string; userAgent: string },
) {
  await tx.execute(sql`
    insert into auth_sessions (token_hash, user_id, csrf_token, expires_at, ip, user_agent)
    values (${sha256(values.token)}, ${values.userId}, ${values.csrfToken},
            now() + make_interval(mins => ${values.idleMinutes}), ${values.ip}, ${values.userAgent})`);
}

export async function deleteSessionByToken(tx: Tx, token: string) {
  await tx.execute(sql`delete from auth_sessions where token_hash = ${sha256(token)}`);
}

export async function deleteSessionsOfUser(tx: Tx, userId: string) {
  const result = await tx.execute(sql`delete from auth_sessions where user_id = ${userId}`);
  return result.rowCount ?? 0;
}

export async function deleteExpiredSessions(tx: Tx) {
  await tx.execute(sql`delete from auth_sessions where expires_at <= now()`);
}

/** Failed sign-ins in the last window, for the account and for the IP. */
export async function countRecentFailures(tx: Tx, email: string, ip: string, windowMinutes: number) {
  const result = await tx.execute<{ byEmail: number; byIp: number }>(sql`
    select
      count(*) filter (where email = lower(${email}))::int as "byEmail",
      count(*) filter (where ip = ${ip})::int as "byIp"
    from sign_in_failures
    where at > now() - make_interval(mins => ${windowMinutes})
      and (email = lower(${email}) or ip = ${ip})`);
  return result.rows[0] ?? { byEmail: 0, byIp: 0 };
}

export async function insertFailure(tx: Tx, email: string, ip: string) {
  await tx.execute(sql`insert into sign_in_failures (email, ip) values (lower(${email}), ${ip})`);
}

export async function clearFailures(tx: Tx, email: string) {
  await tx.execute(sql`delete from sign_in_failures where email = lower(${email})`);
}

/** Records a platform sign-in (SPEC §6: first and last connection). */
export async function recordSignIn(tx: Tx, userId: string, ip: string, userAgent: string) {
  await tx.execute(sql`insert into sign_ins (user_id, ip, user_agent) values (${userId}, ${ip}::inet, ${userAgent})`);
  await tx.execute(sql`
    update users set first_sign_in_at = coalesce(first_sign_in_at, now()), last_sign_in_at = now() where id = ${userId}`);
}

export async function updateLocale(tx: Tx, userId: string, locale: "fr" | "en") {
  await tx.execute(sql`update users set locale = ${locale}, updated_at = now() where id = ${userId}`);
}
