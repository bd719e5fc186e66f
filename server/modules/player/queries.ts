import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

/** The signed-in learner's enrollment in a course, locked for the launch (one writer per learner). */
export async function lockEnrollment(tx: Tx, courseId: string, userId: string) {
  const result = await tx.execute<{ id: string }>(sql`
    select id from enrollments where course_id = ${courseId} and user_id = ${userId} for update`);
  return result.rows[0];
}

export type AttemptRow = {
  id: number;
  number: number;
  status: "in_progress" | "completed" | "passed" | "failed" | "not_attempted";
  statusAt: string | null;
  score: number | null;
  endedAt: string | null;
  cmi: Record<string, unknown>;
  data: Record<string, unknown>;
  enrollmentId: string;
  lessonId: string;
  userId: string;
  passingScore: number | null;
};

/** The learner's latest attempt at a lesson. */
export async function lastAttempt(tx: Tx, enrollmentId: string, lessonId: string) {
  const result = await tx.execute<{
    id: number;
    number: number;
    status: string;
    endedAt: string | null;
    cmi: Record<string, unknown>;
  }>(sql`
    select id, number, status, ended_at as "endedAt", cmi from attempts
    where enrollment_id = ${enrollmentId} and lesson_id = ${lessonId}
    order by number desc limit 1`);
  return result.rows[0];
}

/** An attempt left open (the browser closed without terminating) ends when its last session did. */
export async function closeOpenAttempt(tx: Tx, attemptId: number) {
  await tx.execute(sql`
    update attempts a set ended_at = coalesce(
      (select max(coalesce(s.ended_at, s.started_at + make_interval(secs => s.duration_s))) from sessions s where s.attempt_id = a.id),
      a.started_at)
    where a.id = ${attemptId} and a.ended_at is null`);
  await tx.execute(sql`
    update sessions set ended_at = started_at + make_interval(secs => duration_s)
    where attempt_id = ${attemptId} and ended_at is null`);
}

export async function insertAttempt(
  tx: Tx,
  row: {
    enrollmentId: string;
    lessonId: string;
    number: number;
    cmi: Record<string, unknown>;
    data: Record<string, unknown>;
  },
) {
  const result = await tx.execute<{ id: number }>(sql`
    insert into attempts (enrollment_id, lesson_id, number, started_at, status, cmi, data)
    values (${row.enrollmentId}, ${row.lessonId}, ${row.number}, now(), 'in_progress',
      ${JSON.stringify(row.cmi)}::jsonb, ${JSON.stringify(row.data)}::jsonb)
    returning id`);
  const id = result.rows[0]?.id;
  if (id === undefined) throw new Error("attempt insert failed");
  return Number(id);
}

export async function insertSession(tx: Tx, row: { enrollmentId: string; lessonId: string; attemptId: number }) {
  const result = await tx.execute<{ id: number }>(sql`
    insert into sessions (enrollment_id, lesson_id, attempt_id, started_at, duration_s)
    values (${row.enrollmentId}, ${row.lessonId}, ${row.attemptId}, now(), 0)
    returning id`);
  const id = result.rows[0]?.id;
  if (id === undefined) throw new Error("session insert failed");
  return Number(id);
}

/**
 * An attempt with its learner, locked for the commit: the enrollment first, then the attempt, the
 * order every writer of a learner's data takes (a tutor's edit locks the enrollment, then attempts).
 */
export async function lockAttempt(tx: Tx, attemptId: number) {
  const owner = await tx.execute<{ enrollmentId: string }>(sql`
    select enrollment_id as "enrollmentId" from attempts where id = ${attemptId}`);
  const enrollmentId = owner.rows[0]?.enrollmentId;
  if (!enrollmentId) return undefined;
  await tx.execute(sql`select 1 from enrollments where id = ${enrollmentId} for update`);
  const result = await tx.execute<AttemptRow>(sql`
    select a.id, a.number, a.status, a.status_at as "statusAt", a.score::float8 as score, a.ended_at as "endedAt",
      a.cmi, a.data, a.enrollment_id as "enrollmentId", a.lesson_id as "lessonId", e.user_id as "userId",
      l.passing_score::float8 as "passingScore"
    from attempts a
    join enrollments e on e.id = a.enrollment_id
    join lessons l on l.id = a.lesson_id
    where a.id = ${attemptId} and l.type = 'elearning'
    for update of a`);
  const row = result.rows[0];
  return row ? { ...row, id: Number(row.id) } : undefined;
}

export async function findSession(tx: Tx, sessionId: number, attemptId: number) {
  const result = await tx.execute<{ id: number }>(sql`
    select id from sessions where id = ${sessionId} and attempt_id = ${attemptId}`);
  return result.rows[0];
}

export async function updateAttempt(
  tx: Tx,
  attemptId: number,
  row: { cmi: Record<string, unknown>; status: string; statusAt: string | null; score: number | null; end: boolean },
) {
  await tx.execute(sql`
    update attempts set cmi = ${JSON.stringify(row.cmi)}::jsonb, status = ${row.status}::lesson_status,
      status_at = ${row.statusAt}::timestamptz, score = ${row.score}, version = version + 1,
      ended_at = case when ${row.end} then now() else ended_at end
    where id = ${attemptId}`);
}

/** The session lasts from the launch to this commit (server time; the platform's cap applies in the summaries). */
export async function updateSession(tx: Tx, sessionId: number, end: boolean) {
  await tx.execute(sql`
    update sessions set duration_s = greatest(duration_s, floor(extract(epoch from now() - started_at))::int),
      ended_at = case when ${end} then now() else ended_at end
    where id = ${sessionId}`);
}
