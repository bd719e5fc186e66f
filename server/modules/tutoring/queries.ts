import { type SQL, sql } from "drizzle-orm";
import type { LearnerFilters, TutoredLearnersQuery } from "../../../common/api/tutoring.js";
import { normalizeForSearch } from "../../../common/format.js";
import type { Tx } from "../../db/client.js";

const sortColumns = {
  name: sql`e.learner_sort_name`,
  status: sql`e.status`,
  progress: sql`e.progress_pct`,
  time: sql`e.time_spent_s`,
  // At risk first (ascending): the soonest risk date; learners never at risk last.
  risk: sql`e.risk_at`,
} as const;

/** SQL conditions on `enrollments e` for the tutored-users filters. */
export function learnerFilterConditions(filters: LearnerFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.enrollmentType) conditions.push(sql`e.type = ${filters.enrollmentType}`);
  if (filters.status) conditions.push(sql`e.status = ${filters.status}`);
  const search = filters.q ? normalizeForSearch(filters.q) : "";
  if (search) conditions.push(sql`e.learner_sort_name like ${`%${search}%`}`);
  if (filters.progressMin !== undefined) conditions.push(sql`e.progress_pct >= ${filters.progressMin}`);
  if (filters.progressMax !== undefined) conditions.push(sql`e.progress_pct <= ${filters.progressMax}`);
  if (filters.timeMin !== undefined) conditions.push(sql`e.time_spent_s >= ${filters.timeMin}`);
  if (filters.timeMax !== undefined) conditions.push(sql`e.time_spent_s <= ${filters.timeMax}`);
  if (filters.atRisk === "true") conditions.push(sql`e.risk_at <= now()`);
  if (filters.atRisk === "false") conditions.push(sql`(e.risk_at is null or e.risk_at > now())`);
  return conditions;
}

type LearnerRow = {
  userId: string;
  enrollmentId: string;
  lastName: string;
  firstName: string;
  enrollmentType: "mandatory" | "recommended" | "free";
  status: "not_started" | "in_progress" | "completed";
  progressPct: number;
  timeSpentSeconds: number;
  objectiveAt: string | null;
  lastActivityAt: string | null;
  activitySince: string;
  certificateId: string | null;
  certificateKind: "completion" | "attendance" | null;
};

/** One page of a course's learners within `scope` (a condition on `enrollments e`), from the summaries. */
export async function listLearners(tx: Tx, scope: SQL, query: TutoredLearnersQuery) {
  const where = sql.join([scope, ...learnerFilterConditions(query)], sql` and `);
  const direction = query.order === "desc" ? sql`desc` : sql`asc`;
  const sortKey = sortColumns[query.sort];
  const nulls = query.sort === "risk" ? sql`nulls last` : sql``;
  const orderBy =
    query.sort === "name"
      ? sql`${sortKey} ${direction}, e.id`
      : sql`${sortKey} ${direction} ${nulls}, e.learner_sort_name, e.id`;
  // The page's enrollment ids first, from the (course_id, sort key, name, id) index alone; users and
  // certificates are joined for those rows only. Joined before the offset, page 400 of a
  // 100,000-learner course read 10,000 users and certificates to drop them (BENCHMARKS.md).
  const [page, counted] = await Promise.all([
    tx.execute<LearnerRow>(sql`
      with page as (
        select e.id from enrollments e
        where ${where}
        order by ${orderBy}
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize})
      select e.user_id as "userId", e.id as "enrollmentId", u.last_name as "lastName", u.first_name as "firstName",
        e.type as "enrollmentType", e.status, e.progress_pct as "progressPct", e.time_spent_s as "timeSpentSeconds",
        e.objective_at as "objectiveAt", e.last_activity_at as "lastActivityAt",
        coalesce(e.last_activity_at, e.start_at, e.enrolled_at) as "activitySince",
        cert.id as "certificateId", cert.kind as "certificateKind"
      from page
      join enrollments e on e.id = page.id
      join users u on u.id = e.user_id
      left join lateral (
        select c.id, c.kind from certificates c where c.enrollment_id = e.id and c.revoked_at is null
        order by c.issued_at desc limit 1) cert on true
      order by ${orderBy}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total from enrollments e where ${where}`),
  ]);
  return { rows: page.rows, total: counted.rows[0]?.total ?? 0 };
}

export async function inactivityDays(tx: Tx, courseId: string) {
  const result = await tx.execute<{ days: number }>(
    sql`select inactivity_days as days from courses where id = ${courseId}`,
  );
  return result.rows[0]?.days ?? 14;
}

/** Count and first learners (by name) of the enrollments that `where` selects. */
export async function selectionSummary(tx: Tx, where: SQL) {
  const [counted, sample] = await Promise.all([
    tx.execute<{ total: number }>(sql`select count(*)::int as total from enrollments e where ${where}`),
    tx.execute<{ userId: string; lastName: string; firstName: string }>(sql`
      select e.user_id as "userId", u.last_name as "lastName", u.first_name as "firstName"
      from enrollments e join users u on u.id = e.user_id
      where ${where} order by e.learner_sort_name, e.id limit 10`),
  ]);
  return { count: counted.rows[0]?.total ?? 0, sample: sample.rows };
}

/**
 * Indicators of a course over the learners in `scope`, from summaries and indexes only:
 * learners by status, mission submissions without a correction, learners whose observation
 * lesson is not passed (not done, or failed and to redo). One pass over the scoped enrollments
 * for the counts; submissions and lesson statistics are read from the course's mission and
 * observation lessons only (scanning every course's, they took a second on 40,000 learners).
 */
export async function indicators(tx: Tx, courseId: string, scope: SQL, enrollmentType?: string) {
  const where = enrollmentType ? sql`${scope} and e.type = ${enrollmentType}` : scope;
  const result = await tx.execute<{
    learners: number;
    notStarted: number;
    inProgress: number;
    completed: number;
    missionsToCorrect: number;
    observationsToDo: number;
  }>(sql`
    with scoped as materialized (select e.id, e.status from enrollments e where ${where})
    select
      count(*)::int as learners,
      (count(*) filter (where status = 'not_started'))::int as "notStarted",
      (count(*) filter (where status = 'in_progress'))::int as "inProgress",
      (count(*) filter (where status = 'completed'))::int as completed,
      (select count(*) from mission_submissions ms
         join scoped s on s.id = ms.enrollment_id
         where ms.lesson_id in (select id from lessons where course_id = ${courseId} and type = 'mission')
           and not exists (select 1 from mission_corrections mc where mc.submission_id = ms.id))::int as "missionsToCorrect",
      (select count(distinct ls.enrollment_id) from lesson_stats ls
         join scoped s on s.id = ls.enrollment_id
         where ls.lesson_id in (select id from lessons where course_id = ${courseId} and type = 'observation')
           and ls.status <> 'passed')::int as "observationsToDo"
    from scoped`);
  const row = result.rows[0];
  return {
    learners: row?.learners ?? 0,
    missionsToCorrect: row?.missionsToCorrect ?? 0,
    observationsToDo: row?.observationsToDo ?? 0,
    statuses: { not_started: row?.notStarted ?? 0, in_progress: row?.inProgress ?? 0, completed: row?.completed ?? 0 },
  };
}
