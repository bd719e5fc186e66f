import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

/** The courses a user is enrolled in, with their summary. */
export async function findMyCourses(tx: Tx, userId: string) {
  const result = await tx.execute<{
    courseId: string;
    code: string;
    name: string;
    status: "not_started" | "in_progress" | "completed";
    progressPct: number;
    timeSpentSeconds: number;
    objectiveAt: string | null;
  }>(sql`
    select c.id as "courseId", c.code, c.name, e.status, e.progress_pct as "progressPct",
      e.time_spent_s as "timeSpentSeconds", e.objective_at as "objectiveAt"
    from enrollments e join courses c on c.id = e.course_id
    where e.user_id = ${userId}
    order by c.search_name`);
  return result.rows;
}
