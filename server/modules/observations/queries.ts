import { type SQL, sql } from "drizzle-orm";
import { normalizeForSearch } from "../../../common/format.js";
import type { Tx } from "../../db/client.js";

/** Learners within `learners` whose observation lesson of the course is not passed, by name. */
export async function todos(
  tx: Tx,
  courseId: string,
  learners: SQL,
  q: string | undefined,
  page: number,
  pageSize: number,
) {
  const search = q ? normalizeForSearch(q) : "";
  const where = sql`l.course_id = ${courseId} and l.type = 'observation' and ls.status <> 'passed' and ${learners}
    ${search ? sql`and e.learner_sort_name like ${`%${search}%`}` : sql``}`;
  const from = sql`lesson_stats ls join lessons l on l.id = ls.lesson_id join enrollments e on e.id = ls.enrollment_id`;
  const [rows, counted] = await Promise.all([
    tx.execute<{
      learnerId: string;
      firstName: string;
      lastName: string;
      lessonId: string;
      lessonTitle: string;
      status: "not_attempted" | "in_progress" | "completed" | "passed" | "failed";
      attempts: number;
      lastScore: number | null;
      lastObservedAt: string | null;
    }>(sql`
      select u.id as "learnerId", u.first_name as "firstName", u.last_name as "lastName", l.id as "lessonId",
        l.title as "lessonTitle", ls.status, ls.attempts_count as attempts, last.score as "lastScore",
        last.observed_at as "lastObservedAt"
      from ${from}
      join users u on u.id = e.user_id
      left join lateral (
        select o.score, o.observed_at from observations o join attempts a on a.id = o.attempt_id
        where a.enrollment_id = e.id and a.lesson_id = l.id order by o.observed_at desc limit 1) last on true
      where ${where}
      order by e.learner_sort_name, l.position, e.id
      limit ${pageSize} offset ${(page - 1) * pageSize}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total from ${from} where ${where}`),
  ]);
  return { rows: rows.rows, total: counted.rows[0]?.total ?? 0 };
}

export async function findGrid(tx: Tx, courseId: string, lessonId: string) {
  const grid = await tx.execute<{
    id: string;
    lessonTitle: string;
    passingScore: number | null;
    levels: { label: string; value: number }[];
  }>(sql`
    select g.id, l.title as "lessonTitle", l.passing_score as "passingScore", g.levels
    from observation_grids g join lessons l on l.id = g.lesson_id
    where g.lesson_id = ${lessonId} and l.course_id = ${courseId} and l.type = 'observation'`);
  const row = grid.rows[0];
  if (!row) return undefined;
  const criteria = await tx.execute<{
    id: string;
    label: string;
    description: string;
    weight: number;
    required: boolean;
  }>(sql`
    select id, label, description, weight, required from observation_criteria where grid_id = ${row.id} order by position`);
  return { ...row, criteria: criteria.rows };
}

export async function enrolledAt(tx: Tx, enrollmentId: string) {
  const result = await tx.execute<{ at: string }>(
    sql`select enrolled_at as at from enrollments where id = ${enrollmentId}`,
  );
  return result.rows[0]?.at;
}

export async function insertObservation(
  tx: Tx,
  values: {
    enrollmentId: string;
    lessonId: string;
    gridId: string;
    tutorId: string;
    number: number;
    observedAt: string;
    durationSeconds: number;
    score: number;
    passed: boolean;
    comment: string;
    ratings: { criterionId: string; levelIndex: number; comment: string }[];
  },
) {
  const status = values.passed ? "passed" : "failed";
  const attempt = await tx.execute<{ id: number }>(sql`
    insert into attempts (enrollment_id, lesson_id, number, started_at, ended_at, status, status_at, score, time_spent_s)
    values (${values.enrollmentId}, ${values.lessonId}, ${values.number},
      ${values.observedAt}::timestamptz - make_interval(secs => ${values.durationSeconds}), ${values.observedAt},
      ${status}, ${values.observedAt}, ${values.score}, ${values.durationSeconds})
    returning id`);
  const attemptId = attempt.rows[0]?.id;
  const observation = await tx.execute<{ id: string }>(sql`
    insert into observations (attempt_id, grid_id, enrollment_id, tutor_id, observed_at, duration_s, comment, score, passed)
    values (${attemptId}, ${values.gridId}, ${values.enrollmentId}, ${values.tutorId}, ${values.observedAt},
      ${values.durationSeconds}, ${values.comment}, ${values.score}, ${values.passed})
    returning id`);
  const id = observation.rows[0]?.id;
  if (!id) throw new Error("observation insert failed");
  for (const rating of values.ratings) {
    await tx.execute(sql`
      insert into observation_ratings (observation_id, criterion_id, level_index, comment)
      values (${id}, ${rating.criterionId}, ${rating.levelIndex}, ${rating.comment})`);
  }
  return id;
}
