import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

/**
 * Locks an enrollment until the transaction ends. Every writer of a learner's facts (attempts,
 * sessions, corrections, statistics) takes this lock before writing any, then the learner's rows,
 * so two writers of one learner queue instead of deadlocking; recomputeEnrollment then bumps the
 * enrollment's version, which a SCORM commit checks (player/queries.ts applyCommit).
 */
export async function lockEnrollment(tx: Tx, enrollmentId: string): Promise<void> {
  await tx.execute(sql`select id from enrollments where id = ${enrollmentId} for update`);
}

/** The next attempt number of a learner at a lesson, the enrollment locked: two at once get consecutive numbers. */
export async function nextAttemptNumber(tx: Tx, enrollmentId: string, lessonId: string): Promise<number> {
  await lockEnrollment(tx, enrollmentId);
  const result = await tx.execute<{ n: number }>(sql`
    select coalesce(max(number), 0)::int + 1 as n from attempts where enrollment_id = ${enrollmentId} and lesson_id = ${lessonId}`);
  return result.rows[0]?.n ?? 1;
}
