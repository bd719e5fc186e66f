import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

type LessonStatus = "not_attempted" | "in_progress" | "completed" | "passed" | "failed";

export type Overrides = {
  overrideStatus: LessonStatus | null;
  overrideStatusAt: string | null;
  overrideScore: number | null;
  overrideTimeSeconds: number | null;
  attemptsResetAfter: number;
};

/** Locks the enrollment for the edit and returns its version. */
export async function lockEnrollment(tx: Tx, enrollmentId: string) {
  const result = await tx.execute<{ version: number; enrolledAt: string; courseId: string; userId: string }>(sql`
    select version, enrolled_at as "enrolledAt", course_id as "courseId", user_id as "userId"
    from enrollments where id = ${enrollmentId} for update`);
  const row = result.rows[0];
  if (!row) throw new Error("enrollment vanished");
  return row;
}

export async function enrollmentVersion(tx: Tx, enrollmentId: string) {
  const result = await tx.execute<{ version: number; enrolledAt: string }>(
    sql`select version, enrolled_at as "enrolledAt" from enrollments where id = ${enrollmentId}`,
  );
  return result.rows[0];
}

export async function lessonOfCourse(tx: Tx, courseId: string, lessonId: string) {
  const result = await tx.execute<{
    id: string;
    title: string;
    type: "elearning" | "sheet" | "quiz" | "webinar" | "mission" | "observation";
    scormVersion: "1.2" | "2004" | null;
  }>(sql`
    select l.id, l.title, l.type,
      (select p.version from scorm_packages p where p.lesson_id = l.id and p.active order by p.uploaded_at desc limit 1)
        as "scormVersion"
    from lessons l where l.id = ${lessonId} and l.course_id = ${courseId}`);
  return result.rows[0];
}

/** The lesson's effective statistics, the tutor's overrides, and the latest attempt's location and suspend data. */
export async function lessonStats(tx: Tx, enrollmentId: string, lessonId: string) {
  const result = await tx.execute<
    Overrides & {
      status: LessonStatus;
      statusAt: string | null;
      score: number | null;
      timeSpentSeconds: number;
      attemptsCount: number;
      lastAttemptId: number | null;
      lastAttemptNumber: number;
      location: string;
      suspendData: string;
    }
  >(sql`
    select ls.status, ls.status_at as "statusAt", ls.score, ls.time_spent_s as "timeSpentSeconds",
      ls.attempts_count as "attemptsCount", ls.override_status as "overrideStatus",
      ls.override_status_at as "overrideStatusAt", ls.override_score as "overrideScore",
      ls.override_time_s as "overrideTimeSeconds", ls.attempts_reset_after as "attemptsResetAfter",
      last.id as "lastAttemptId", coalesce(last.number, 0) as "lastAttemptNumber",
      coalesce(last.cmi ->> 'location', '') as location, coalesce(last.cmi ->> 'suspend_data', '') as "suspendData"
    from lesson_stats ls
    left join lateral (
      select a.id, a.number, a.cmi from attempts a
      where a.enrollment_id = ls.enrollment_id and a.lesson_id = ls.lesson_id order by a.number desc limit 1) last on true
    where ls.enrollment_id = ${enrollmentId} and ls.lesson_id = ${lessonId}`);
  return result.rows[0];
}

export async function setOverrides(tx: Tx, enrollmentId: string, lessonId: string, values: Overrides) {
  await tx.execute(sql`
    update lesson_stats set override_status = ${values.overrideStatus}, override_status_at = ${values.overrideStatusAt},
      override_score = ${values.overrideScore}, override_time_s = ${values.overrideTimeSeconds},
      attempts_reset_after = ${values.attemptsResetAfter}, updated_at = now()
    where enrollment_id = ${enrollmentId} and lesson_id = ${lessonId}`);
}

export async function setCmiText(tx: Tx, attemptId: number, location: string, suspendData: string) {
  await tx.execute(sql`
    update attempts set cmi = cmi || jsonb_build_object('location', ${location}::text, 'suspend_data', ${suspendData}::text),
      version = version + 1
    where id = ${attemptId}`);
}

export async function findAttempt(tx: Tx, enrollmentId: string, lessonId: string, number: number) {
  const result = await tx.execute<{
    id: number;
    number: number;
    startedAt: string;
    endedAt: string | null;
    status: LessonStatus;
    score: number | null;
    timeSpentSeconds: number;
    cmi: Record<string, unknown>;
  }>(sql`
    select id, number, started_at as "startedAt", ended_at as "endedAt", status, score, time_spent_s as "timeSpentSeconds", cmi
    from attempts where enrollment_id = ${enrollmentId} and lesson_id = ${lessonId} and number = ${number}`);
  return result.rows[0];
}

export async function attemptSessions(tx: Tx, attemptId: number) {
  const result = await tx.execute<{ startedAt: string; durationSeconds: number }>(sql`
    select started_at as "startedAt", duration_s as "durationSeconds" from sessions where attempt_id = ${attemptId} order by started_at`);
  return result.rows;
}

export async function deleteAttempt(tx: Tx, attemptId: number) {
  await tx.execute(sql`delete from sessions where attempt_id = ${attemptId}`);
  await tx.execute(sql`delete from attempts where id = ${attemptId}`);
}

export async function currentVersion(tx: Tx, enrollmentId: string) {
  const result = await tx.execute<{ version: number }>(sql`select version from enrollments where id = ${enrollmentId}`);
  return result.rows[0]?.version ?? 0;
}

export type AuditRow = {
  id: number;
  at: string;
  action: string;
  actorId: string | null;
  actorFirstName: string | null;
  actorLastName: string | null;
  courseId: string | null;
  courseName: string | null;
  learnerId: string | null;
  learnerFirstName: string | null;
  learnerLastName: string | null;
  lessonId: string | null;
  lessonTitle: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  undoable: boolean;
};

/** Audit entries matching `where` (a condition on `audit_log al`), newest first. */
export async function auditEntries(tx: Tx, where: SQL, page: number, pageSize: number) {
  const [rows, counted] = await Promise.all([
    tx.execute<AuditRow>(sql`
      select al.id, al.at, al.action, al.actor_id as "actorId", au.first_name as "actorFirstName", au.last_name as "actorLastName",
        al.course_id as "courseId", c.name as "courseName", al.learner_id as "learnerId",
        lu.first_name as "learnerFirstName", lu.last_name as "learnerLastName", al.lesson_id as "lessonId",
        l.title as "lessonTitle", al.before, al.after, al.reason,
        coalesce(al.action = 'lesson_stats.edit'
          and not exists (select 1 from audit_log u where u.action = 'lesson_stats.undo' and (u.after ->> 'undoOf')::bigint = al.id)
          and (al.after ->> 'version')::int = (
            select e.version from enrollments e where e.course_id = al.course_id and e.user_id = al.learner_id), false) as undoable
      from audit_log al
      left join users au on au.id = al.actor_id
      left join users lu on lu.id = al.learner_id
      left join courses c on c.id = al.course_id
      left join lessons l on l.id = al.lesson_id
      where ${where}
      order by al.at desc, al.id desc
      limit ${pageSize} offset ${(page - 1) * pageSize}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total from audit_log al where ${where}`),
  ]);
  return { rows: rows.rows, total: counted.rows[0]?.total ?? 0 };
}

export async function findAuditEntry(tx: Tx, auditId: number) {
  const result = await tx.execute<{
    id: number;
    action: string;
    courseId: string | null;
    learnerId: string | null;
    lessonId: string | null;
    before: { overrides?: Overrides; location?: string; suspendData?: string } | null;
    after: { version?: number; overrides?: Overrides; location?: string; suspendData?: string } | null;
    undone: boolean;
  }>(sql`
    select al.id, al.action, al.course_id as "courseId", al.learner_id as "learnerId", al.lesson_id as "lessonId",
      al.before, al.after,
      exists (select 1 from audit_log u where u.action = 'lesson_stats.undo' and (u.after ->> 'undoOf')::bigint = al.id) as undone
    from audit_log al where al.id = ${auditId}`);
  return result.rows[0];
}
