import { sql } from "drizzle-orm";
import { executePrepared, type Tx } from "../../db/client.js";
import { PROGRESS_CHANNEL } from "../live/hub.js";
import {
  attemptAggregates,
  attendanceAggregates,
  lessonFigures,
  lessonStatsColumns,
  lessonStatsUpsert,
  lessonStatsValues,
  summaryAggregates,
  summaryAssignments,
} from "../tracking/summaries.js";

/** The signed-in learner's enrollment in a course, locked for the launch (one writer per learner). */
export async function lockEnrollment(tx: Tx, courseId: string, userId: string) {
  const result = await tx.execute<{ id: string }>(sql`
    select id from enrollments where course_id = ${courseId} and user_id = ${userId} for update`);
  return result.rows[0];
}

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

export type AttemptRow = {
  id: number;
  number: number;
  status: "in_progress" | "completed" | "passed" | "failed" | "not_attempted";
  statusAt: string | null;
  score: number | null;
  endedAt: string | null;
  cmi: Record<string, unknown>;
  data: Record<string, unknown>;
  /** The attempt's and the enrollment's versions as read: applyCommit writes only if both still hold. */
  version: number;
  enrollmentVersion: number;
  enrollmentId: string;
  lessonId: string;
  courseId: string;
  userId: string;
  passingScore: number | null;
  /** The commit's session is one of this attempt's. */
  sessionFound: boolean;
};

/** An e-learning attempt with its learner and versions, as a commit starts from (no lock: see applyCommit). */
export async function findAttempt(tx: Tx, attemptId: number, sessionId: number) {
  const result = await executePrepared<AttemptRow>(
    tx,
    "player_find_attempt",
    sql`
    select a.id, a.number, a.status, a.status_at as "statusAt", a.score::float8 as score, a.ended_at as "endedAt",
      a.cmi, a.data, a.version, e.version as "enrollmentVersion", a.enrollment_id as "enrollmentId",
      a.lesson_id as "lessonId", e.course_id as "courseId", e.user_id as "userId",
      l.passing_score::float8 as "passingScore",
      exists (select 1 from sessions s where s.id = ${sessionId} and s.attempt_id = a.id) as "sessionFound"
    from attempts a
    join enrollments e on e.id = a.enrollment_id
    join lessons l on l.id = a.lesson_id
    where a.id = ${attemptId} and l.type = 'elearning'`,
  );
  const row = result.rows[0];
  return row ? { ...row, id: Number(row.id) } : undefined;
}

/**
 * Locks the enrollment an attempt belongs to, until the transaction ends. Every writer of a
 * learner's data locks the enrollment first, so the statements after this one see the learner's
 * data as it stays until then.
 */
export async function lockEnrollmentOfAttempt(tx: Tx, attemptId: number) {
  await tx.execute(sql`
    select id from enrollments where id = (select enrollment_id from attempts where id = ${attemptId}) for update`);
}

/** What a commit writes: the attempt's new CMI data, status and score; `end` for the terminating one. */
export interface CommitWrite {
  attemptId: number;
  /**
   * The versions the commit's status and CMI data were computed from: as findAttempt read them, or
   * as this instance's last commit of the attempt left them (service.ts, knownAttempts).
   */
  attemptVersion: number;
  enrollmentVersion: number;
  sessionId: number;
  enrollmentId: string;
  lessonId: string;
  courseId: string;
  userId: string;
  /**
   * The lesson's passing score the status was computed with, when it was not read just now (a commit
   * from the attempt as this instance last wrote it): the commit is then not written if it changed.
   */
  knownPassingScore?: number | null;
  cmi: Record<string, unknown>;
  status: string;
  statusAt: string | null;
  score: number | null;
  end: boolean;
}

/** The versions a written commit left the attempt and the enrollment at. */
export interface AppliedCommit {
  attemptVersion: number;
  enrollmentVersion: number;
}

/**
 * A commit's writes in one statement, run on its own (its own transaction, one round trip: the
 * commit route must take 2,000 commits a second, issue #8), written only if the attempt and the
 * enrollment are still at the versions findAttempt read (or this instance's last commit of the
 * attempt left: service.ts, knownAttempts), and the lesson's passing score is still `knownPassingScore`
 * when given; returns the new versions, or null having written nothing when they are not (never
 * after lockEnrollmentOfAttempt and findAttempt in the same transaction).
 * Why that is enough: the statement first locks the enrollment, then the attempt — the order every
 * writer of a learner's data takes (a tutor's edit locks the enrollment, then attempts), so a commit
 * waits for them instead of deadlocking — and every writer of the facts read below (attempts,
 * sessions, lesson_stats, attendance, course settings through recomputeEnrollments) bumps the
 * enrollment's version in its transaction. The statement's snapshot is taken before it waits for
 * the lock; once it holds it, an unchanged version means nothing it reads has changed since.
 * The writes: the session's duration, the attempt, then the learner's statistics updated
 * incrementally, to the very values recomputeEnrollments (tracking/summaries.ts) gives from all the
 * facts — only what a commit can change is recomputed:
 *  - the attempt's time from its own sessions (a commit changes one session's duration);
 *  - the lesson's lesson_stats row from the lesson's attempts (this one as just written, from the
 *    update's RETURNING: the statement's other parts still see the rows as they were before it)
 *    and the virtual classes attended for that lesson;
 *  - the enrollment summary from its lesson_stats rows (this lesson's as just written).
 * The other lessons' rows, and the missions awaiting a correction, are left as they are: a commit
 * changes none of their facts, and every writer of those keeps them up to date.
 * player/incremental.test.ts compares the result with recomputeEnrollments after random commits.
 * The tutoring centers are notified only when what they show of the learner changed (status,
 * progress, time, activity, risk, indicators): most commits only move the location and score.
 */
export async function applyCommit(tx: Tx, w: CommitWrite): Promise<AppliedCommit | null> {
  const result = await executePrepared<{ applied: boolean; attemptVersion: number; enrollmentVersion: number }>(
    tx,
    "player_apply_commit",
    sql`
    with locked as (
      select e.id from enrollments e
      where e.id = ${w.enrollmentId} and e.version = ${w.enrollmentVersion}
      for update
    ),
    -- The attempt is scanned, then the enrollment locked (the filter's sub-select, evaluated before
    -- the attempt row is locked), then the attempt: the order of every writer of a learner's data.
    guard as (
      select a.id from attempts a
      where a.id = ${w.attemptId} and a.version = ${w.attemptVersion} and a.ended_at is null
        and a.enrollment_id = (select id from locked)
        and (${w.knownPassingScore === undefined} or exists (select 1 from lessons l where l.id = a.lesson_id
          and l.passing_score::float8 is not distinct from ${w.knownPassingScore ?? null}::float8))
      for update
    ),
    cap as (
      select coalesce((select session_cap_s from platform_settings where id = 1), 14400) as s
    ),
    se as (
      update sessions set duration_s = greatest(duration_s, floor(extract(epoch from now() - started_at))::int),
        ended_at = case when ${w.end} then now() else ended_at end
      where id = ${w.sessionId} and exists (select 1 from guard)
      returning enrollment_id, duration_s
    ),
    spent as (
      select (
        coalesce((select sum(least(s.duration_s, cap.s)) from sessions s
          where s.attempt_id = ${w.attemptId} and s.enrollment_id = ${w.enrollmentId} and s.id <> ${w.sessionId}), 0)
        + coalesce((select sum(least(se.duration_s, cap.s)) from se where se.enrollment_id = ${w.enrollmentId}), 0)
      )::int as total
      from cap
    ),
    att as (
      update attempts set cmi = ${JSON.stringify(w.cmi)}::jsonb, status = ${w.status}::lesson_status,
        status_at = ${w.statusAt}::timestamptz, score = ${w.score}, version = version + 1,
        ended_at = case when ${w.end} then now() else ended_at end,
        time_spent_s = (select total from spent)
      where id = ${w.attemptId} and exists (select 1 from guard)
      returning number, time_spent_s, score, status, status_at, started_at, ended_at, version
    ),
    prev as (
      select * from lesson_stats where enrollment_id = ${w.enrollmentId} and lesson_id = ${w.lessonId}
    ),
    lesson_attempts as (
      select number, time_spent_s, score, status, status_at, started_at, ended_at from attempts
      where enrollment_id = ${w.enrollmentId} and lesson_id = ${w.lessonId} and id <> ${w.attemptId}
      union all
      select number, time_spent_s, score, status, status_at, started_at, ended_at from att
    ),
    tried as (
      select ${attemptAggregates(sql`(select attempts_reset_after from prev)`)}
      from lesson_attempts a
    ),
    attended as (
      select count(*) > 0 as present, ${attendanceAggregates}
      from virtual_classes vc
      join virtual_class_attendance va on va.class_id = vc.id and va.user_id = ${w.userId} and va.present
      where vc.course_id = ${w.courseId} and vc.lesson_id = ${w.lessonId} and vc.cancelled_at is null
    ),
    computed as (
      select ${lessonFigures(sql`att.present`)}
      from tried tr cross join attended att
    ),
    stat as (
      insert into lesson_stats as ls ${lessonStatsColumns}
      select ${w.enrollmentId}, ${w.lessonId}, ${w.courseId}, ${lessonStatsValues}
      from computed c
      left join prev p on true
      where exists (select 1 from guard)
      ${lessonStatsUpsert}
      returning lesson_id, status, time_spent_s, first_activity_at, last_activity_at
    ),
    stats as (
      select lesson_id, status, time_spent_s, first_activity_at, last_activity_at from lesson_stats
      where enrollment_id = ${w.enrollmentId} and lesson_id <> ${w.lessonId}
      union all
      select lesson_id, status, time_spent_s, first_activity_at, last_activity_at from stat
    ),
    s as (
      select ${summaryAggregates}, (select inactivity_days from courses where id = ${w.courseId}) as inactivity_days
      from stats ls
      left join lessons l on l.id = ls.lesson_id
    ),
    summary as (
      update enrollments e set
        ${summaryAssignments},
        version = e.version + 1,
        updated_at = now()
      from s, enrollments old
      where e.id = ${w.enrollmentId} and old.id = e.id and exists (select 1 from guard)
      returning e.course_id, e.version,
        (e.status, e.progress_pct, e.completed_lessons, e.time_spent_s, e.first_activity_at, e.last_activity_at,
          e.risk_at, e.observations_pending)
          is distinct from
        (old.status, old.progress_pct, old.completed_lessons, old.time_spent_s, old.first_activity_at, old.last_activity_at,
          old.risk_at, old.observations_pending)
          as changed
    ),
    notified as (
      select pg_notify(${PROGRESS_CHANNEL}, course_id::text) from summary where changed
    )
    select exists (select 1 from guard) as applied, (select count(*) from notified) as notified,
      (select version from att) as "attemptVersion", (select version from summary) as "enrollmentVersion"`,
  );
  const row = result.rows[0];
  return row?.applied ? { attemptVersion: row.attemptVersion, enrollmentVersion: row.enrollmentVersion } : null;
}
