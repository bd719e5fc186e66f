import { type SQL, sql } from "drizzle-orm";
import { executeCached, type Tx } from "../../db/client.js";

/**
 * The enrollment a report's read is about: its id, or a scalar subquery that finds it within the
 * tutor's scope (learnerEnrollmentInScope; null outside it, and the read finds nothing).
 */
export type EnrollmentRef = string | SQL;

type LessonStatus = "not_attempted" | "in_progress" | "completed" | "passed" | "failed";

type AttemptRow = {
  number: number;
  /** JSON text. */
  date: string | null;
  status: LessonStatus;
  score: number | null;
  cumulativeSeconds: number;
};

/** Dates are JSON text (PostgreSQL's format): the service writes them as ISO strings. */
export interface ReportRow extends Record<string, unknown> {
  header: {
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
    /** Newest first. */
    reminders: { sentAt: string; kind: "email" | "automatic"; templateName: string }[];
    courses: { id: string; name: string }[] | null;
  } | null;
  lessons: {
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
    attempts: AttemptRow[];
  }[];
  sessionsTotal: number;
  sessions: { startedAt: string; lessonTitle: string; durationSeconds: number }[];
}

/**
 * A learner's report (R1-R5) in one statement: the header with the reminders and, given a scope (a
 * condition on `enrollments e`), the learner's courses within it by name (R2); the course's lessons
 * in order with the learner's statistics, each with the number of its attempts and its first
 * `attemptsLimit` attempts, oldest first (null: every attempt); the connection history's total and
 * one page, newest first ("all": every session, oldest first, for the evidence exports).
 * The enrollment is found once (`target`); header null when it isn't (outside the scope).
 * One round trip, not three: under ten tutors at once, each statement's own cost (a round trip,
 * its socket writes, the scope found again) weighed more than the report's rows (issue #8).
 */
export async function findReport(
  tx: Tx,
  enrollmentId: EnrollmentRef,
  coursesScope: SQL | null,
  attemptsLimit: number | null,
  sessionsWindow: { page: number; pageSize: number } | "all",
) {
  const target = sql`(select id from target)`;
  const result = await executeCached<ReportRow>(
    tx,
    sql`
    with target as materialized (select ${enrollmentId}::uuid as id)
    select
      (select row_to_json(h) from (${headerSql(target, coursesScope)}) h) as header,
      (select coalesce(json_agg(to_jsonb(l) - 'position' order by l.position), '[]'::json)
        from (${lessonStatsSql(target, attemptsLimit)}) l) as lessons,
      (select count(*)::int from sessions where enrollment_id = ${target}) as "sessionsTotal",
      ${sessionsSql(target, sessionsWindow)} as sessions`,
  );
  const row = result.rows[0];
  if (!row) throw new Error("findReport: no row");
  return row;
}

function headerSql(enrollmentId: SQL, coursesScope: SQL | null) {
  return sql`
    select e.version, e.user_id as "userId", c.id as "courseId", c.name as "courseName", u.id as "learnerId", o.name as organisation,
      u.last_name as "lastName", u.first_name as "firstName",
      u.first_sign_in_at as "firstSignInAt", u.last_sign_in_at as "lastSignInAt",
      e.start_at as "startAt", e.objective_at as "objectiveAt", e.end_at as "endAt",
      e.status, e.progress_pct as "progressPct", e.time_spent_s as "timeSpentSeconds",
      (select coalesce(json_agg(json_build_object('sentAt', r.sent_at, 'kind', r.kind, 'templateName', r.template_name)
          order by r.sent_at desc), '[]'::json)
        from reminders r where r.enrollment_id = e.id) as reminders,
      ${
        coursesScope === null
          ? sql`null::json`
          : // The scope names its enrollments e: inside this subquery, the learner's, not the report's.
            sql`(select coalesce(json_agg(json_build_object('id', oc.id, 'name', oc.name) order by oc.search_name), '[]'::json)
              from enrollments e join courses oc on oc.id = e.course_id
              where e.user_id = u.id and ${coursesScope})`
      } as courses
    from enrollments e
    join courses c on c.id = e.course_id
    join users u on u.id = e.user_id
    left join organisations o on o.id = u.organisation_id
    where e.id = ${enrollmentId}`;
}

/**
 * The attempts are read through the (enrollment_id, lesson_id, number) index, so a lesson's later
 * attempts are not read; the cumulated time is a window evaluated before the limit.
 */
function lessonStatsSql(enrollmentId: SQL, attemptsLimit: number | null) {
  return sql`
    select l.id as "lessonId", l.position, l.type, l.title, l.passing_score as "passingScore",
      coalesce(ls.status, 'not_attempted') as status, ls.status_at as "statusAt", ls.score, ls.avg_score as "avgScore",
      coalesce(ls.attempts_count, 0) as "attemptsCount", coalesce(ls.time_spent_s, 0) as "timeSpentSeconds",
      (select count(*)::int from attempts a where a.enrollment_id = e.id and a.lesson_id = l.id) as "attemptsTotal",
      (select coalesce(json_agg(p order by p.number), '[]'::json) from (
        select a.number, coalesce(a.ended_at, a.started_at) as date, a.status, a.score,
          (sum(a.time_spent_s) over (order by a.number))::int as "cumulativeSeconds"
        from attempts a
        where a.enrollment_id = e.id and a.lesson_id = l.id
        order by a.number
        limit ${attemptsLimit}) p) as attempts
    from enrollments e
    join lessons l on l.course_id = e.course_id
    left join lesson_stats ls on ls.enrollment_id = e.id and ls.lesson_id = l.id
    where e.id = ${enrollmentId}`;
}

function sessionsSql(enrollmentId: SQL, window: { page: number; pageSize: number } | "all") {
  let order = sql`asc`;
  let limit = sql``;
  if (window !== "all") {
    const { page, pageSize } = window;
    if (!Number.isSafeInteger(page) || page < 1 || !Number.isSafeInteger(pageSize) || pageSize < 1) {
      throw new Error(`findReport: bad sessions page ${page} or size ${pageSize}`);
    }
    order = sql`desc`;
    // The first page, the report's, has its size in the text: with LIMIT and OFFSET as parameters,
    // PostgreSQL plans the statement anew each time (its generic plan, not knowing the limit, looks
    // dearer). At most one text per page size (1 to 100) and scope (an admin's, a tutor's).
    limit = page === 1 ? sql.raw(`limit ${pageSize}`) : sql`limit ${pageSize} offset ${(page - 1) * pageSize}`;
  }
  return sql`(select coalesce(json_agg(json_build_object('startedAt', p.started_at, 'lessonTitle', p.title,
        'durationSeconds', p.duration_s) order by p.started_at ${order}, p.id ${order}), '[]'::json)
      from (select s.started_at, s.id, l.title, s.duration_s from sessions s join lessons l on l.id = s.lesson_id
        where s.enrollment_id = ${enrollmentId} order by s.started_at ${order}, s.id ${order} ${limit}) p)`;
}

/**
 * One page of a lesson's attempts, oldest first, and their number; undefined when the lesson is not in the
 * enrollment's course. The time is cumulated over all the lesson's attempts before the page is cut (a window is
 * evaluated before limit/offset), so page 2 goes on from page 1's last figure.
 */
export async function findAttemptsPage(tx: Tx, enrollmentId: string, lessonId: string, page: number, pageSize: number) {
  const result = await tx.execute<{ total: number } & { [K in keyof AttemptRow]: AttemptRow[K] | null }>(sql`
    select t.total, p.number, p.date, p.status, p.score, p."cumulativeSeconds"
    from (
      select e.id as enrollment_id, l.id as lesson_id,
        (select count(*)::int from attempts a where a.enrollment_id = e.id and a.lesson_id = l.id) as total
      from enrollments e join lessons l on l.course_id = e.course_id
      where e.id = ${enrollmentId} and l.id = ${lessonId}) t
    left join lateral (
      select a.number, coalesce(a.ended_at, a.started_at) as date, a.status, a.score,
        (sum(a.time_spent_s) over (order by a.number))::int as "cumulativeSeconds"
      from attempts a
      where a.enrollment_id = t.enrollment_id and a.lesson_id = t.lesson_id
      order by a.number
      limit ${pageSize} offset ${(page - 1) * pageSize}) p on true
    order by p.number`);
  const first = result.rows[0];
  if (!first) return undefined;
  const items = result.rows.flatMap((r) =>
    r.number === null || r.status === null || r.cumulativeSeconds === null
      ? []
      : [{ number: r.number, date: r.date, status: r.status, score: r.score, cumulativeSeconds: r.cumulativeSeconds }],
  );
  return { total: first.total, items };
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
