import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

/**
 * Counts course_counters and course_sort_buckets, copies enrollment_names from the enrollments and
 * the courses' names into tutor_assignments, anew, for loads that bypass the triggers keeping them
 * (seed:big as a superuser loads with `session_replication_role = replica`; a restore copies
 * enrollments and counters separately). The migrations that created them fill them the same way.
 */
export async function rebuildEnrollmentProjections(tx: Tx): Promise<void> {
  await tx.execute(sql`delete from course_counters`);
  await tx.execute(sql`
    insert into course_counters (course_id, type, status, learners, missions_to_correct, observations_to_do)
    select course_id, type, status, count(*)::int, sum(missions_to_correct)::int,
      (count(*) filter (where observations_pending > 0))::int
    from enrollments group by course_id, type, status`);
  await tx.execute(sql`delete from course_sort_buckets`);
  await tx.execute(sql`
    insert into course_sort_buckets (course_id, type, progress_pct, prefix, learners)
    select course_id, type, progress_pct, left(learner_sort_name, 3), count(*)::int
    from enrollments group by 1, 2, 3, 4`);
  await tx.execute(sql`delete from enrollment_names`);
  await tx.execute(sql`
    insert into enrollment_names (enrollment_id, course_id, name)
    select id, course_id, learner_sort_name from enrollments`);
  await tx.execute(sql`
    update tutor_assignments ta set course_sort_name = c.search_name from courses c
    where c.id = ta.course_id and ta.course_sort_name is distinct from c.search_name`);
}
