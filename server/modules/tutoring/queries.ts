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
