import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { type Db, openDatabase } from "../server/db/client.js";
import { recomputeEnrollments } from "../server/modules/tracking/summaries.js";
import { connectTarget } from "./db-connect.js";

/**
 * `npm run check:consistency`: are the stored summaries (lesson_stats, the enrollments' progress,
 * status, time, risk date, indicator counts, the attempts' time, the courses' counters, the course
 * names copied for paging a tutor's courses) what the facts give?
 *
 * In one REPEATABLE READ transaction (one instant of the database, even under load), the stored
 * summaries are copied into temp tables, the app's own recomputation (summaries.ts, the only code
 * that computes them) runs over the facts, the two are compared, and the transaction is rolled
 * back: nothing changes. Exit code 1 and one line per difference when they differ.
 */
export type Difference = {
  table: "lesson_stats" | "enrollments" | "attempts" | "course_counters" | "tutor_assignments";
  id: string;
  column: string;
  stored: string | null;
  recomputed: string | null;
};

export class Inconsistent extends Error {}

export async function checkConsistency(db: Db, options: { courseId?: string } = {}): Promise<Difference[]> {
  const where = options.courseId ? sql`e.course_id = ${options.courseId}` : sql`true`;
  let differences: Difference[] = [];
  await db
    .transaction(
      async (tx) => {
        await tx.execute(sql`
          create temp table stored_enrollments on commit drop as
          select e.id, e.completed_lessons, e.progress_pct, e.status::text, e.time_spent_s, e.first_activity_at,
                 e.last_activity_at, e.risk_at, e.missions_to_correct, e.observations_pending
          from enrollments e where ${where}`);
        await tx.execute(sql`
          create temp table stored_stats on commit drop as
          select ls.enrollment_id, ls.lesson_id, ls.status::text, ls.status_at, ls.score, ls.avg_score,
                 ls.attempts_count, ls.time_spent_s, ls.first_activity_at, ls.last_activity_at
          from lesson_stats ls join enrollments e on e.id = ls.enrollment_id where ${where}`);
        await tx.execute(sql`
          create temp table stored_attempts on commit drop as
          select a.id, a.time_spent_s from attempts a join enrollments e on e.id = a.enrollment_id where ${where}`);
        await recomputeEnrollments(tx, where);
        const result = await tx.execute<Difference>(sql`
          with now_enrollments as (
            select e.id, e.completed_lessons, e.progress_pct, e.status::text, e.time_spent_s, e.first_activity_at,
                   e.last_activity_at, e.risk_at, e.missions_to_correct, e.observations_pending
            from enrollments e where ${where}),
          -- The triggers applied the recomputation's changes to the stored counters: a counter that had
          -- drifted still differs from a count of the (now right) enrollments.
          counted as (
            select e.course_id, e.type, e.status, count(*)::int as learners,
                   sum(e.missions_to_correct)::int as missions_to_correct,
                   (count(*) filter (where e.observations_pending > 0))::int as observations_to_do
            from enrollments e where ${where} group by 1, 2, 3),
          kept as (
            select cc.* from course_counters cc
            where cc.course_id in (select e.course_id from enrollments e where ${where})
              and (cc.learners, cc.missions_to_correct, cc.observations_to_do) <> (0, 0, 0)),
          now_stats as (
            select ls.enrollment_id, ls.lesson_id, ls.status::text, ls.status_at, ls.score, ls.avg_score,
                   ls.attempts_count, ls.time_spent_s, ls.first_activity_at, ls.last_activity_at
            from lesson_stats ls join enrollments e on e.id = ls.enrollment_id where ${where})
          select 'enrollments' as "table", n.id::text as id, kv.key as column, kv.s as stored, kv.r as recomputed
          from now_enrollments n join stored_enrollments s on s.id = n.id
          cross join lateral (values
            ('completed_lessons', s.completed_lessons::text, n.completed_lessons::text),
            ('progress_pct', s.progress_pct::text, n.progress_pct::text),
            ('status', s.status, n.status),
            ('time_spent_s', s.time_spent_s::text, n.time_spent_s::text),
            ('first_activity_at', s.first_activity_at::text, n.first_activity_at::text),
            ('last_activity_at', s.last_activity_at::text, n.last_activity_at::text),
            ('risk_at', s.risk_at::text, n.risk_at::text),
            ('missions_to_correct', s.missions_to_correct::text, n.missions_to_correct::text),
            ('observations_pending', s.observations_pending::text, n.observations_pending::text)) kv(key, s, r)
          where kv.s is distinct from kv.r
          union all
          select 'lesson_stats', coalesce(n.enrollment_id, s.enrollment_id)::text || '/' || coalesce(n.lesson_id, s.lesson_id)::text,
                 kv.key, kv.s, kv.r
          from now_stats n full join stored_stats s on s.enrollment_id = n.enrollment_id and s.lesson_id = n.lesson_id
          cross join lateral (values
            ('row', case when s.enrollment_id is null then null else 'present' end,
                    case when n.enrollment_id is null then null else 'present' end),
            ('status', s.status, n.status),
            ('status_at', s.status_at::text, n.status_at::text),
            ('score', s.score::text, n.score::text),
            ('avg_score', round(s.avg_score::numeric, 6)::text, round(n.avg_score::numeric, 6)::text),
            ('attempts_count', s.attempts_count::text, n.attempts_count::text),
            ('time_spent_s', s.time_spent_s::text, n.time_spent_s::text),
            ('first_activity_at', s.first_activity_at::text, n.first_activity_at::text),
            ('last_activity_at', s.last_activity_at::text, n.last_activity_at::text)) kv(key, s, r)
          where kv.s is distinct from kv.r
          union all
          select 'attempts', a.id::text, 'time_spent_s', s.time_spent_s::text, a.time_spent_s::text
          from attempts a join stored_attempts s on s.id = a.id
          where a.time_spent_s is distinct from s.time_spent_s
          union all
          select 'course_counters', concat_ws('/', coalesce(k.course_id, c.course_id), coalesce(k.type, c.type),
                 coalesce(k.status, c.status)), kv.key, kv.s, kv.r
          from kept k full join counted c on c.course_id = k.course_id and c.type = k.type and c.status = k.status
          cross join lateral (values
            ('learners', coalesce(k.learners, 0)::text, coalesce(c.learners, 0)::text),
            ('missions_to_correct', coalesce(k.missions_to_correct, 0)::text, coalesce(c.missions_to_correct, 0)::text),
            ('observations_to_do', coalesce(k.observations_to_do, 0)::text, coalesce(c.observations_to_do, 0)::text)) kv(key, s, r)
          where kv.s is distinct from kv.r
          union all
          -- The copy of the course's name that pages a tutor's courses (migration 0010).
          select 'tutor_assignments', ta.id::text, 'course_sort_name', ta.course_sort_name, c.search_name
          from tutor_assignments ta join courses c on c.id = ta.course_id
          where ta.course_sort_name is distinct from c.search_name
            and (${options.courseId ?? null}::uuid is null or c.id = ${options.courseId ?? null}::uuid)
          order by 1, 2, 3`);
        differences = result.rows;
        // Nothing the check did may stay: it only looked.
        throw new Inconsistent("rollback");
      },
      { isolationLevel: "repeatable read" },
    )
    .catch((error) => {
      if (!(error instanceof Inconsistent)) throw error;
    });
  return differences;
}

async function main() {
  const { values } = parseArgs({ options: { course: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) {
    console.log("Usage: npm run check:consistency [-- --course <courseId>]");
    return;
  }
  const target = await connectTarget();
  const database = openDatabase(target.url, 1);
  try {
    const differences = await checkConsistency(database.db, { courseId: values.course });
    if (differences.length === 0) {
      console.log("Consistent: every summary is what the facts give.");
      return;
    }
    for (const d of differences.slice(0, 200)) {
      console.log(`${d.table} ${d.id} ${d.column}: stored ${d.stored ?? "null"}, facts give ${d.recomputed ?? "null"}`);
    }
    if (differences.length > 200) console.log(`… and ${differences.length - 200} more`);
    console.log(`${differences.length} differences between the summaries and the facts.`);
    process.exitCode = 1;
  } finally {
    await database.close();
    await target.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`Consistency check failed: ${error instanceof Error ? error.message : error}`);
    process.exit(2);
  });
}
