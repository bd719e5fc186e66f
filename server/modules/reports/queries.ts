import { type SQL, sql } from "drizzle-orm";
import { executeCached, type Tx } from "../../db/client.js";

type LessonStatus = "not_attempted" | "in_progress" | "completed" | "passed" | "failed";

/**
 * The enrollment a report's read is about: its id, or a scalar subquery that finds it within the
 * tutor's scope (learnerEnrollmentInScope; null outside it, and the read finds nothing).
 */
export type EnrollmentRef = string | SQL;

/**
 * R1's header, with the reminders (R5) and, given a scope (a condition on `enrollments e`), the learner's courses
 * within it by name (R2), in the same round trip: the report's queries are few, not only fast.
 */
export async function findReportHeader(tx: Tx, enrollmentId: EnrollmentRef, coursesScope: SQL | null) {
  const result = await executeCached<{
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
    /** Newest first; dates as JSON text. */
    reminders: { sentAt: string; kind: "email" | "automatic"; templateName: string }[];
    courses: { id: string; name: string }[] | null;
  }>(
    tx,
    sql`
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
    where e.id = ${enrollmentId}`,
  );
  return result.rows[0];
}

type AttemptRow = {
  number: number;
  date: string | null;
  status: LessonStatus;
  score: number | null;
  cumulativeSeconds: number;
};

/**
 * The course's lessons in order with this learner's statistics (`Composition du cours`), each with the number of
 * its attempts and its first `attemptsLimit` attempts, oldest first (null: every attempt, for the exports). The
 * attempts are read through the (enrollment_id, lesson_id, number) index, so a lesson's later attempts are not
 * read; the cumulated time is a window evaluated before the limit.
 */
export async function findLessonStats(tx: Tx, enrollmentId: EnrollmentRef, attemptsLimit: number | null) {
  const result = await executeCached<{
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
    /** Dates as JSON text. */
    attempts: AttemptRow[];
  }>(
    tx,
    sql`
    select l.id as "lessonId", l.type, l.title, l.passing_score as "passingScore",
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
    where e.id = ${enrollmentId}
    order by l.position`,
  );
  return result.rows;
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

/** One page of the connection history, newest first, with the number of sessions, in one round trip. */
export async function findSessions(tx: Tx, enrollmentId: EnrollmentRef, page: number, pageSize: number) {
  if (!Number.isSafeInteger(page) || page < 1 || !Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new Error(`findSessions: bad page ${page} or size ${pageSize}`);
  }
  // The first page, the report's, has its size in the text: with LIMIT and OFFSET as parameters,
  // PostgreSQL plans the statement anew each time (its generic plan, not knowing the limit, looks
  // dearer), 0.5 ms of the 1.1 ms it took. At most one text per page size (1 to 100) and scope
  // (an admin's, a tutor's).
  const window = page === 1 ? sql.raw(`limit ${pageSize}`) : sql`limit ${pageSize} offset ${(page - 1) * pageSize}`;
  const result = await executeCached<{
    total: number;
    startedAt: string | null;
    lessonTitle: string | null;
    durationSeconds: number | null;
  }>(
    tx,
    sql`
    select t.total, p."startedAt", p."lessonTitle", p."durationSeconds"
    from (select count(*)::int as total from sessions where enrollment_id = ${enrollmentId}) t
    left join lateral (
      select s.started_at as "startedAt", l.title as "lessonTitle", s.duration_s as "durationSeconds", s.id
      from sessions s join lessons l on l.id = s.lesson_id
      where s.enrollment_id = ${enrollmentId}
      order by s.started_at desc, s.id desc
      ${window}) p on true
    order by p."startedAt" desc, p.id desc`,
  );
  const rows = result.rows.flatMap((r) =>
    r.startedAt === null || r.lessonTitle === null || r.durationSeconds === null
      ? []
      : [{ startedAt: r.startedAt, lessonTitle: r.lessonTitle, durationSeconds: r.durationSeconds }],
  );
  return { rows, total: result.rows[0]?.total ?? 0 };
}

/** The whole connection history, oldest first, for evidence exports. */
export async function findAllSessions(tx: Tx, enrollmentId: EnrollmentRef) {
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
