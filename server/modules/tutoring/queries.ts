import { type SQL, sql } from "drizzle-orm";
import type { TutoredLearnersQuery } from "../../../common/api/tutoring.js";
import { normalizeForSearch } from "../../../common/format.js";
import type { Tx } from "../../db/client.js";

const sortColumns = {
  name: sql`e.learner_sort_name`,
  status: sql`e.status`,
  progress: sql`e.progress_pct`,
  time: sql`e.time_spent_s`,
} as const;

/** One page of a course's learners within `scope` (a condition on `enrollments e`), from the summaries. */
export async function listLearners(tx: Tx, scope: SQL, query: TutoredLearnersQuery) {
  const conditions: SQL[] = [scope];
  if (query.enrollmentType) conditions.push(sql`e.type = ${query.enrollmentType}`);
  if (query.status) conditions.push(sql`e.status = ${query.status}`);
  const search = query.q ? normalizeForSearch(query.q) : "";
  if (search) conditions.push(sql`e.learner_sort_name like ${`%${search}%`}`);
  const where = sql.join(conditions, sql` and `);
  const direction = query.order === "desc" ? sql`desc` : sql`asc`;
  const sortKey = sortColumns[query.sort];
  const orderBy =
    query.sort === "name"
      ? sql`${sortKey} ${direction}, e.id`
      : sql`${sortKey} ${direction}, e.learner_sort_name, e.id`;
  const [page, counted] = await Promise.all([
    tx.execute<{
      userId: string;
      enrollmentId: string;
      lastName: string;
      firstName: string;
      enrollmentType: "mandatory" | "recommended" | "free";
      status: "not_started" | "in_progress" | "completed";
      progressPct: number;
      timeSpentSeconds: number;
    }>(sql`
      select e.user_id as "userId", e.id as "enrollmentId", u.last_name as "lastName", u.first_name as "firstName",
        e.type as "enrollmentType", e.status, e.progress_pct as "progressPct", e.time_spent_s as "timeSpentSeconds"
      from enrollments e join users u on u.id = e.user_id
      where ${where}
      order by ${orderBy}
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total from enrollments e where ${where}`),
  ]);
  return { rows: page.rows, total: counted.rows[0]?.total ?? 0 };
}

/**
 * Indicators of a course over the learners in `scope`, from summaries and indexes only:
 * learners by status, mission submissions without a correction, learners whose observation
 * lesson is not passed (not done, or failed and to redo).
 */
export async function indicators(tx: Tx, scope: SQL, enrollmentType?: string) {
  const where = enrollmentType ? sql`${scope} and e.type = ${enrollmentType}` : scope;
  const result = await tx.execute<{
    learners: number;
    notStarted: number;
    inProgress: number;
    completed: number;
    missionsToCorrect: number;
    observationsToDo: number;
  }>(sql`
    with scoped as (select e.id, e.status from enrollments e where ${where})
    select
      (select count(*) from scoped)::int as learners,
      (select count(*) from scoped where status = 'not_started')::int as "notStarted",
      (select count(*) from scoped where status = 'in_progress')::int as "inProgress",
      (select count(*) from scoped where status = 'completed')::int as completed,
      (select count(*) from mission_submissions ms
         join scoped on scoped.id = ms.enrollment_id
         where not exists (select 1 from mission_corrections mc where mc.submission_id = ms.id))::int as "missionsToCorrect",
      (select count(distinct ls.enrollment_id) from lesson_stats ls
         join scoped on scoped.id = ls.enrollment_id
         join lessons l on l.id = ls.lesson_id and l.type = 'observation'
         where ls.status <> 'passed')::int as "observationsToDo"`);
  const row = result.rows[0];
  return {
    learners: row?.learners ?? 0,
    missionsToCorrect: row?.missionsToCorrect ?? 0,
    observationsToDo: row?.observationsToDo ?? 0,
    statuses: { not_started: row?.notStarted ?? 0, in_progress: row?.inProgress ?? 0, completed: row?.completed ?? 0 },
  };
}
