import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

type LessonStatus = "not_attempted" | "in_progress" | "completed" | "passed" | "failed";

export async function findReportHeader(tx: Tx, enrollmentId: string) {
  const result = await tx.execute<{
    courseId: string;
    courseName: string;
    learnerId: string;
    organisation: string | null;
    lastName: string;
    firstName: string;
    firstSignInAt: string | null;
    lastSignInAt: string | null;
    startAt: string | null;
    objectiveAt: string | null;
    endAt: string | null;
    status: "not_started" | "in_progress" | "completed";
    progressPct: number;
    timeSpentSeconds: number;
    version: number;
    userId: string;
  }>(sql`
    select e.version, e.user_id as "userId", c.id as "courseId", c.name as "courseName", u.id as "learnerId", o.name as organisation,
      u.last_name as "lastName", u.first_name as "firstName",
      u.first_sign_in_at as "firstSignInAt", u.last_sign_in_at as "lastSignInAt",
      e.start_at as "startAt", e.objective_at as "objectiveAt", e.end_at as "endAt",
      e.status, e.progress_pct as "progressPct", e.time_spent_s as "timeSpentSeconds"
    from enrollments e
    join courses c on c.id = e.course_id
    join users u on u.id = e.user_id
    left join organisations o on o.id = u.organisation_id
    where e.id = ${enrollmentId}`);
  return result.rows[0];
}

/** The course's lessons in order with this learner's statistics (`Composition du cours`). */
export async function findLessonStats(tx: Tx, enrollmentId: string) {
  const result = await tx.execute<{
    lessonId: string;
    type: "elearning" | "sheet" | "quiz" | "webinar" | "mission" | "observation";
    title: string;
    passingScore: number | null;
    status: LessonStatus;
    statusAt: string | null;
    score: number | null;
    avgScore: number | null;
    attemptsCount: number;
    timeSpentSeconds: number;
    attemptsTotal: number;
  }>(sql`
    select l.id as "lessonId", l.type, l.title, l.passing_score as "passingScore",
      coalesce(ls.status, 'not_attempted') as status, ls.status_at as "statusAt", ls.score, ls.avg_score as "avgScore",
      coalesce(ls.attempts_count, 0) as "attemptsCount", coalesce(ls.time_spent_s, 0) as "timeSpentSeconds",
      (select count(*)::int from attempts a where a.enrollment_id = e.id and a.lesson_id = l.id) as "attemptsTotal"
    from enrollments e
    join lessons l on l.course_id = e.course_id
    left join lesson_stats ls on ls.enrollment_id = e.id and ls.lesson_id = l.id
    where e.id = ${enrollmentId}
    order by l.position`);
  return result.rows;
}

type AttemptRow = {
  number: number;
  date: string | null;
  status: LessonStatus;
  score: number | null;
  cumulativeSeconds: number;
};

/** Every attempt of the enrollment with its time cumulated over the lesson's attempts so far (evidence exports). */
export async function findAttempts(tx: Tx, enrollmentId: string) {
  const result = await tx.execute<AttemptRow & { lessonId: string }>(sql`
    select a.lesson_id as "lessonId", a.number, coalesce(a.ended_at, a.started_at) as date, a.status, a.score,
      (sum(a.time_spent_s) over (partition by a.lesson_id order by a.number))::int as "cumulativeSeconds"
    from attempts a
    where a.enrollment_id = ${enrollmentId}
    order by a.lesson_id, a.number`);
  return result.rows;
}

/**
 * The first `pageSize` attempts of each lesson of the enrollment's course, oldest first: through the
 * (enrollment_id, lesson_id, number) index, so a lesson's other attempts are not read (the window is evaluated
 * before the limit, so the cumulated time is right whatever the page).
 */
export async function findFirstAttempts(tx: Tx, enrollmentId: string, pageSize: number) {
  const result = await tx.execute<AttemptRow & { lessonId: string }>(sql`
    select l.id as "lessonId", a.number, a.date, a.status, a.score, a."cumulativeSeconds"
    from enrollments e
    join lessons l on l.course_id = e.course_id
    cross join lateral (
      select a.number, coalesce(a.ended_at, a.started_at) as date, a.status, a.score,
        (sum(a.time_spent_s) over (order by a.number))::int as "cumulativeSeconds"
      from attempts a
      where a.enrollment_id = e.id and a.lesson_id = l.id
      order by a.number
      limit ${pageSize}) a
    where e.id = ${enrollmentId}
    order by l.position, a.number`);
  return result.rows;
}

/** The number of attempts on a lesson of the enrollment's course; undefined when the lesson is not in it. */
export async function countLessonAttempts(tx: Tx, enrollmentId: string, lessonId: string) {
  const result = await tx.execute<{ total: number }>(sql`
    select (select count(*)::int from attempts a where a.enrollment_id = e.id and a.lesson_id = l.id) as total
    from enrollments e join lessons l on l.course_id = e.course_id
    where e.id = ${enrollmentId} and l.id = ${lessonId}`);
  return result.rows[0]?.total;
}

/**
 * One page of a lesson's attempts, oldest first. The time is cumulated over all the lesson's attempts before the
 * page is cut (a window is evaluated before limit/offset), so page 2 goes on from page 1's last figure.
 */
export async function findAttemptsPage(tx: Tx, enrollmentId: string, lessonId: string, page: number, pageSize: number) {
  const result = await tx.execute<AttemptRow>(sql`
    select a.number, coalesce(a.ended_at, a.started_at) as date, a.status, a.score,
      (sum(a.time_spent_s) over (order by a.number))::int as "cumulativeSeconds"
    from attempts a
    where a.enrollment_id = ${enrollmentId} and a.lesson_id = ${lessonId}
    order by a.number
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return result.rows;
}

export async function findSessions(tx: Tx, enrollmentId: string, page: number, pageSize: number) {
  const [rows, counted] = await Promise.all([
    tx.execute<{ startedAt: string; lessonTitle: string; durationSeconds: number }>(sql`
      select s.started_at as "startedAt", l.title as "lessonTitle", s.duration_s as "durationSeconds"
      from sessions s join lessons l on l.id = s.lesson_id
      where s.enrollment_id = ${enrollmentId}
      order by s.started_at desc, s.id desc
      limit ${pageSize} offset ${(page - 1) * pageSize}`),
    tx.execute<{ total: number }>(
      sql`select count(*)::int as total from sessions where enrollment_id = ${enrollmentId}`,
    ),
  ]);
  return { rows: rows.rows, total: counted.rows[0]?.total ?? 0 };
}

export async function findReminders(tx: Tx, enrollmentId: string) {
  const result = await tx.execute<{ sentAt: string; kind: "email" | "automatic"; templateName: string }>(sql`
    select r.sent_at as "sentAt", r.kind, r.template_name as "templateName"
    from reminders r where r.enrollment_id = ${enrollmentId} order by r.sent_at desc`);
  return result.rows;
}

/** The whole connection history, oldest first, for evidence exports. */
export async function findAllSessions(tx: Tx, enrollmentId: string) {
  const result = await tx.execute<{ startedAt: string; lessonTitle: string; durationSeconds: number }>(sql`
    select s.started_at as "startedAt", l.title as "lessonTitle", s.duration_s as "durationSeconds"
    from sessions s join lessons l on l.id = s.lesson_id
    where s.enrollment_id = ${enrollmentId}
    order by s.started_at, s.id`);
  return result.rows;
}

export async function exportContext(tx: Tx, enrollmentId: string) {
  const result = await tx.execute<{ courseCode: string; sessionCapSeconds: number }>(sql`
    select c.code as "courseCode", coalesce((select session_cap_s from platform_settings where id = 1), 14400) as "sessionCapSeconds"
    from enrollments e join courses c on c.id = e.course_id where e.id = ${enrollmentId}`);
  return result.rows[0];
}

/** The enrollments a selection designates (a condition on `enrollments e`), by learner name. */
export async function selectedEnrollments(tx: Tx, where: SQL) {
  const result = await tx.execute<{ id: string }>(sql`
    select e.id from enrollments e where ${where} order by e.learner_sort_name, e.id limit 100000`);
  return result.rows.map((r) => r.id);
}

/** The courses of a learner within `scope` (a condition on `enrollments e`), by name. */
export async function learnerCourses(tx: Tx, userId: string, scope: SQL) {
  const result = await tx.execute<{ id: string; name: string }>(sql`
    select c.id, c.name from enrollments e join courses c on c.id = e.course_id
    where e.user_id = ${userId} and ${scope} order by c.search_name`);
  return result.rows;
}
