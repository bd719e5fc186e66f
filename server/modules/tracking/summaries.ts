import { type SQL, sql } from "drizzle-orm";
import { RISK_OBJECTIVE_DAYS, RISK_PROGRESS_PCT } from "../../../common/risk.js";
import type { Tx } from "../../db/client.js";
import { PROGRESS_CHANNEL } from "../live/hub.js";

/** The columns of a lesson_stats row a recomputation writes (`insert into lesson_stats as ls ...`). */
export const lessonStatsColumns = sql`(enrollment_id, lesson_id, course_id, status, status_at, score, avg_score,
  attempts_count, time_spent_s, first_activity_at, last_activity_at, updated_at)`;

/**
 * An attempt's status (alias `a`) as a rank, so that the best status reached wins: Réussi (4) >
 * Terminé (3) > Échoué (2) > En cours (1). lessonStatsValues turns the rank back into a status.
 */
export const attemptStatusRank = sql`case a.status when 'passed' then 4 when 'completed' then 3 when 'failed' then 2 when 'in_progress' then 1 else 0 end`;

/**
 * A lesson's figures over its attempts (alias `a`), the select list of an aggregate: attempts_count
 * (only the attempts numbered after `resetAfter`, the tutor's reset of the count, R6), time_s,
 * best_score, avg_score (over scored attempts), rank (attemptStatusRank), status_at (when the best
 * status was first reached), first_at, last_at. One definition for the full recomputation below
 * and a SCORM commit's incremental update (player/queries.ts).
 */
export function attemptAggregates(resetAfter: SQL): SQL {
  return sql`
        count(*) filter (where a.number > coalesce(${resetAfter}, 0))::int as attempts_count,
        sum(a.time_spent_s)::int as time_s,
        max(a.score) as best_score,
        avg(a.score) as avg_score,
        max(${attemptStatusRank}) as rank,
        (array_agg(coalesce(a.status_at, a.ended_at, a.started_at)
           order by ${attemptStatusRank} desc, coalesce(a.status_at, a.ended_at, a.started_at) asc))[1] as status_at,
        min(a.started_at) as first_at,
        max(greatest(a.started_at, a.ended_at, a.status_at)) as last_at`;
}

/**
 * A lesson's figures from virtual classes attended (aliases `vc`, `va`), the select list of an
 * aggregate: time_s, status_at (the end of the first class attended: attending completes the
 * lesson), first_at, last_at.
 */
export const attendanceAggregates = sql`
        (sum(va.minutes) * 60)::int as time_s,
        min(vc.starts_at + make_interval(mins => vc.duration_min)) as status_at,
        min(vc.starts_at) as first_at,
        max(vc.starts_at + make_interval(mins => vc.duration_min)) as last_at`;

/**
 * A lesson's figures from its attempts' (alias `tr`, attemptAggregates) and its attendance's (alias
 * `att`, attendanceAggregates; `attended` says whether there was any): the best status reached and
 * when, scores, the attempts counted, the time of both, first and last activity. These are the
 * columns lessonStatsValues reads (alias `c`).
 */
export function lessonFigures(attended: SQL): SQL {
  return sql`
        greatest(coalesce(tr.rank, 0), case when ${attended} then 3 else 0 end) as rank,
        case
          when not (${attended}) then tr.status_at
          when coalesce(tr.rank, 0) > 3 then tr.status_at
          when coalesce(tr.rank, 0) = 3 then least(tr.status_at, att.status_at)
          else att.status_at
        end as status_at,
        tr.best_score, tr.avg_score,
        coalesce(tr.attempts_count, 0) as attempts_count,
        coalesce(tr.time_s, 0) + coalesce(att.time_s, 0) as time_s,
        least(tr.first_at, att.first_at) as first_at,
        greatest(tr.last_at, att.last_at) as last_at`;
}

/**
 * A lesson_stats row's values after its enrollment, lesson and course: the figures computed from the
 * facts (alias `c`: rank, status_at, best_score, avg_score, attempts_count, time_s, first_at, last_at)
 * with the tutor's overrides of the stored row (alias `p`) on top. One definition for the full
 * recomputation below and a SCORM commit's incremental update (player/queries.ts).
 */
export const lessonStatsValues = sql`
  coalesce(p.override_status,
    (case c.rank when 4 then 'passed' when 3 then 'completed' when 2 then 'failed' when 1 then 'in_progress' else 'not_attempted' end)::lesson_status),
  case when p.override_status is not null then coalesce(p.override_status_at, c.status_at) else c.status_at end,
  coalesce(p.override_score, c.best_score),
  c.avg_score,
  c.attempts_count,
  coalesce(p.override_time_s, c.time_s),
  c.first_at,
  c.last_at,
  now()`;

/** The upsert of a recomputed lesson_stats row: every computed column replaced, the overrides kept. */
export const lessonStatsUpsert = sql`on conflict (enrollment_id, lesson_id) do update set
  status = excluded.status, status_at = excluded.status_at, score = excluded.score,
  avg_score = excluded.avg_score, attempts_count = excluded.attempts_count,
  time_spent_s = excluded.time_spent_s, first_activity_at = excluded.first_activity_at,
  last_activity_at = excluded.last_activity_at, updated_at = now()`;

/**
 * The enrollment summary's figures over its lesson_stats rows (alias `ls`, each lesson as `l`):
 * the one definition for the full recomputation below and a SCORM commit's incremental update
 * (player/queries.ts).
 */
export const summaryAggregates = sql`
  count(ls.lesson_id)::int as total,
  (count(*) filter (where ls.status in ('completed', 'passed')))::int as completed,
  coalesce(bool_or(ls.status <> 'not_attempted'), false) as active,
  coalesce(sum(ls.time_spent_s), 0)::int as time_s,
  min(ls.first_activity_at) as first_at,
  max(ls.last_activity_at) as last_at,
  (count(*) filter (where l.type = 'observation' and ls.status <> 'passed'))::int as observations_pending`;

/**
 * The enrollment summary's columns (`update enrollments e set ...`) from those figures (alias `s`,
 * with the course's `inactivity_days`): progress, status, time, activity, the at-risk date
 * (common/risk.ts), observations to do.
 */
export const summaryAssignments = sql`
  completed_lessons = s.completed,
  progress_pct = case when s.total = 0 then 0 else round(100.0 * s.completed / s.total)::int end,
  status = (case
    when s.total > 0 and s.completed = s.total then 'completed'
    when s.active then 'in_progress'
    else 'not_started' end)::enrollment_status,
  time_spent_s = s.time_s,
  first_activity_at = s.first_at,
  last_activity_at = s.last_at,
  risk_at = case when s.total > 0 and s.completed = s.total then null else least(
    e.objective_at,
    case when round(100.0 * s.completed / greatest(s.total, 1)) < ${RISK_PROGRESS_PCT}
      then e.objective_at - make_interval(days => ${RISK_OBJECTIVE_DAYS}) end,
    coalesce(s.last_at, e.start_at, e.enrolled_at) + make_interval(days => s.inactivity_days)) end,
  observations_pending = s.observations_pending`;

/**
 * Recomputes, from the facts, the statistics of the enrollments that `where` selects (a condition
 * on `enrollments e`), in the caller's transaction:
 *  1. each attempt's time from its sessions (SPEC §6: time is the sum of session durations), each
 *     session counted for at most the platform's session cap (B3: idle sessions inflate time);
 *  2. one lesson_stats row per lesson of the course: status (best reached: Réussi > Terminé >
 *     Échoué > En cours), the date it was first reached, best score, mean over scored attempts,
 *     attempts count, time (attempts + attended virtual classes), with the tutor's overrides on top;
 *  3. the enrollment summary: progress = completed or passed lessons / lessons, status, time,
 *     when the learner becomes at risk (common/risk.ts), and what the tutoring center's indicators
 *     count: submissions awaiting a correction, observation lessons not passed (the course's
 *     totals follow in course_counters, kept by triggers on enrollments).
 * Set-based, so the same code serves one learner after a commit and 100,000 after a bulk load.
 */
export async function recomputeEnrollments(tx: Tx, where: SQL): Promise<void> {
  // The enrollments first, in id order, as a tutor's statistics edit does (`for update` before its
  // overrides): a learner's commit recomputing the same enrollment then waits instead of deadlocking
  // (40P01 seen by the soak of issue #9 with tutors editing and learners reading concurrently).
  await tx.execute(sql`select 1 from enrollments e where ${where} order by e.id for update`);
  await tx.execute(sql`
    update attempts a set time_spent_s = s.total
    from (
      select se.attempt_id,
        sum(least(se.duration_s, coalesce((select session_cap_s from platform_settings where id = 1), 14400)))::int as total
      from sessions se join enrollments e on e.id = se.enrollment_id
      where ${where} and se.attempt_id is not null
      group by se.attempt_id
    ) s
    where a.id = s.attempt_id and a.time_spent_s <> s.total`);

  await tx.execute(sql`
    with target as (
      select e.id as enrollment_id, e.course_id, e.user_id from enrollments e where ${where}
    ),
    pairs as (
      select t.enrollment_id, t.user_id, l.id as lesson_id, l.course_id
      from target t join lessons l on l.course_id = t.course_id
    ),
    tried as (
      select a.enrollment_id, a.lesson_id, ${attemptAggregates(sql`p.attempts_reset_after`)}
      from attempts a
      join target t on t.enrollment_id = a.enrollment_id
      left join lesson_stats p on p.enrollment_id = a.enrollment_id and p.lesson_id = a.lesson_id
      group by a.enrollment_id, a.lesson_id
    ),
    attended as (
      select t.enrollment_id, vc.lesson_id, ${attendanceAggregates}
      from target t
      join virtual_classes vc on vc.course_id = t.course_id and vc.lesson_id is not null and vc.cancelled_at is null
      join virtual_class_attendance va on va.class_id = vc.id and va.user_id = t.user_id and va.present
      group by t.enrollment_id, vc.lesson_id
    ),
    computed as (
      select pr.enrollment_id, pr.lesson_id, pr.course_id, ${lessonFigures(sql`att.lesson_id is not null`)}
      from pairs pr
      left join tried tr on tr.enrollment_id = pr.enrollment_id and tr.lesson_id = pr.lesson_id
      left join attended att on att.enrollment_id = pr.enrollment_id and att.lesson_id = pr.lesson_id
    )
    insert into lesson_stats as ls ${lessonStatsColumns}
    select c.enrollment_id, c.lesson_id, c.course_id, ${lessonStatsValues}
    from computed c
    left join lesson_stats p on p.enrollment_id = c.enrollment_id and p.lesson_id = c.lesson_id
    ${lessonStatsUpsert}`);

  await tx.execute(sql`
    update enrollments e set
      ${summaryAssignments},
      missions_to_correct = (select count(*) from mission_submissions ms
        where ms.enrollment_id = e.id
          and not exists (select 1 from mission_corrections mc where mc.submission_id = ms.id)),
      version = e.version + 1,
      updated_at = now()
    from (
      select t.id as enrollment_id, c.inactivity_days, ${summaryAggregates}
      from enrollments t
      join courses c on c.id = t.course_id
      left join lesson_stats ls on ls.enrollment_id = t.id
      left join lessons l on l.id = ls.lesson_id
      where t.id in (select e.id from enrollments e where ${where})
      group by t.id, c.inactivity_days
    ) s
    where e.id = s.enrollment_id`);

  // Open tutoring centers refresh when this commits (B5): one notification per course.
  await tx.execute(sql`
    select pg_notify(${PROGRESS_CHANNEL}, x.course_id::text)
    from (select distinct e.course_id from enrollments e where ${where}) x`);
}

/** Recomputes one enrollment (after a learner's commit or a tutor's edit). */
export function recomputeEnrollment(tx: Tx, enrollmentId: string): Promise<void> {
  return recomputeEnrollments(tx, sql`e.id = ${enrollmentId}`);
}

/** Recomputes every enrollment of a course (after a lesson is added or removed). */
export function recomputeCourse(tx: Tx, courseId: string): Promise<void> {
  return recomputeEnrollments(tx, sql`e.course_id = ${courseId}`);
}
