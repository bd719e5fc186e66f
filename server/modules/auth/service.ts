import crypto from "node:crypto";
import type { CurrentUser, SignInRequest } from "../../../common/api/auth.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { verifyPassword } from "./password.js";
import * as q from "./queries.js";

/** Failed sign-ins allowed per account, and per IP, in the window before sign-in is refused. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 50;
export const FAILURE_WINDOW_MINUTES = 15;

export interface SignInContext {
  ip: string;
  userAgent: string;
  previousToken?: string;
}

export function presentUser(row: q.SessionUserRow): CurrentUser {
  return {
    id: row.id,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    roles: row.roles,
    locale: row.locale,
    timeZone: row.timeZone,
    organisation: row.organisation,
  };
}

const invalid = () => new AppError(401, "invalid_credentials", "Email or password is incorrect");

/** Checks the credentials and opens a new session (a new token every time: no fixation). */
export async function signIn(db: Db, config: Config, input: SignInRequest, ctx: SignInContext) {
  const failures = await q.countRecentFailures(db, input.email, ctx.ip, FAILURE_WINDOW_MINUTES);
  if (failures.byEmail >= MAX_FAILURES_PER_ACCOUNT || failures.byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError(
      429,
      "rate_limited",
      `Too many failed sign-ins; try again in ${FAILURE_WINDOW_MINUTES} minutes`,
      undefined,
      { "retry-after": String(FAILURE_WINDOW_MINUTES * 60) },
    );
  }
  const user = await q.findUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || !user.active) {
    await q.insertFailure(db, input.email, ctx.ip);
    throw invalid();
  }
  const token = crypto.randomBytes(32).toString("base64url");
  const csrfToken = crypto.randomBytes(24).toString("base64url");
  await db.transaction(async (tx) => {
    if (ctx.previousToken) await q.deleteSessionByToken(tx, ctx.previousToken);
    await q.insertSession(tx, {
      token,
      userId: user.id,
      csrfToken,
      idleMinutes: config.sessionIdleMinutes,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    await q.recordSignIn(tx, user.id, ctx.ip, ctx.userAgent);
    await q.clearFailures(tx, input.email);
  });
  return { token, csrfToken, user: presentUser(user) };
}

export async function signOut(db: Db, token: string | undefined) {
  if (token) await q.deleteSessionByToken(db, token);
}

/** Ends every session of the user, on every device (a lost laptop, a shared computer). */
export async function signOutEverywhere(db: Db, userId: string) {
  return q.deleteSessionsOfUser(db, userId);
}

export async function setLocale(db: Db, userId: string, locale: "fr" | "en") {
  await q.updateLocale(db, userId, locale);
  const user = await q.findUserById(db, userId);
  if (!user) throw new AppError(404, "not_found", "User not found");
  return presentUser(user);
}
