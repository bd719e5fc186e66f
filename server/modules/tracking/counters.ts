import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

/**
 * Counts course_counters anew from the enrollments, for loads that bypass the triggers keeping it
 * (seed:big as a superuser loads with `session_replication_role = replica`; a restore copies
 * enrollments and counters separately). The migration that created the counters counts them the same way.
 */
export async function rebuildCourseCounters(tx: Tx): Promise<void> {
  await tx.execute(sql`delete from course_counters`);
  await tx.execute(sql`
    insert into course_counters (course_id, type, status, learners, missions_to_correct, observations_to_do)
    select course_id, type, status, count(*)::int, sum(missions_to_correct)::int,
      (count(*) filter (where observations_pending > 0))::int
    from enrollments group by course_id, type, status`);
}
