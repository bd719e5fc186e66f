import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

type LessonType = "elearning" | "sheet" | "quiz" | "webinar" | "mission" | "observation";

/** The course's lessons with completion, comments and pending corrections over `learners` (a condition on `enrollments e`). */
export async function courseLessons(tx: Tx, courseId: string, learners: SQL) {
  const result = await tx.execute<{
    id: string;
    position: number;
    type: LessonType;
    title: string;
    description: string;
    points: number;
    durationSeconds: number | null;
    passingScore: number | null;
    completed: number;
    learners: number;
    comments: number;
    pendingCorrections: number;
  }>(sql`
    with scoped as (select e.id, e.user_id from enrollments e where ${learners})
    select l.id, l.position, l.type, l.title, l.description, l.points, l.duration_s as "durationSeconds",
      l.passing_score as "passingScore",
      (select count(*) from lesson_stats ls join scoped on scoped.id = ls.enrollment_id
        where ls.lesson_id = l.id and ls.status in ('completed', 'passed'))::int as completed,
      (select count(*) from scoped)::int as learners,
      (select count(*) from lesson_comments lc
        where lc.lesson_id = l.id and lc.parent_id is null
          and exists (select 1 from scoped where scoped.user_id = lc.author_id))::int as comments,
      (select count(*) from mission_submissions ms join scoped on scoped.id = ms.enrollment_id
        where ms.lesson_id = l.id
          and not exists (select 1 from mission_corrections mc where mc.submission_id = ms.id))::int as "pendingCorrections"
    from lessons l where l.course_id = ${courseId}
    order by l.position`);
  return result.rows;
}

export async function findLesson(tx: Tx, courseId: string, lessonId: string) {
  const result = await tx.execute<{
    id: string;
    type: LessonType;
    title: string;
    description: string;
    durationSeconds: number | null;
    passingScore: number | null;
    settings: Record<string, unknown>;
  }>(sql`
    select id, type, title, description, duration_s as "durationSeconds", passing_score as "passingScore", settings
    from lessons where id = ${lessonId} and course_id = ${courseId}`);
  return result.rows[0];
}

export type CommentRow = {
  id: string;
  parentId: string | null;
  authorId: string;
  firstName: string;
  lastName: string;
  body: string;
  createdAt: string;
};

/** A page of the learners' comments on a lesson (authors within `learners`), newest first, with their answers. */
export async function lessonComments(tx: Tx, lessonId: string, learners: SQL, page: number, pageSize: number) {
  const visible = sql`lc.lesson_id = ${lessonId} and lc.parent_id is null
    and exists (select 1 from enrollments e where ${learners} and e.user_id = lc.author_id)`;
  const [top, counted] = await Promise.all([
    tx.execute<CommentRow>(sql`
      select lc.id, lc.parent_id as "parentId", u.id as "authorId", u.first_name as "firstName", u.last_name as "lastName",
        lc.body, lc.created_at as "createdAt"
      from lesson_comments lc join users u on u.id = lc.author_id
      where ${visible}
      order by lc.created_at desc, lc.id
      limit ${pageSize} offset ${(page - 1) * pageSize}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total from lesson_comments lc where ${visible}`),
  ]);
  const ids = top.rows.map((r) => r.id);
  const answers = ids.length
    ? await tx.execute<CommentRow>(sql`
        select lc.id, lc.parent_id as "parentId", u.id as "authorId", u.first_name as "firstName", u.last_name as "lastName",
          lc.body, lc.created_at as "createdAt"
        from lesson_comments lc join users u on u.id = lc.author_id
        where lc.parent_id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
        order by lc.created_at, lc.id`)
    : { rows: [] as CommentRow[] };
  return { top: top.rows, answers: answers.rows, total: counted.rows[0]?.total ?? 0 };
}

/** A learner's top-level comment on the lesson, within `learners`. */
export async function findVisibleComment(tx: Tx, lessonId: string, commentId: string, learners: SQL) {
  const result = await tx.execute<{ id: string }>(sql`
    select lc.id from lesson_comments lc
    where lc.id = ${commentId} and lc.lesson_id = ${lessonId} and lc.parent_id is null
      and exists (select 1 from enrollments e where ${learners} and e.user_id = lc.author_id)`);
  return result.rows[0];
}

export async function insertAnswer(tx: Tx, lessonId: string, parentId: string, authorId: string, body: string) {
  const result = await tx.execute<CommentRow>(sql`
    with inserted as (
      insert into lesson_comments (lesson_id, author_id, parent_id, body) values (${lessonId}, ${authorId}, ${parentId}, ${body})
      returning id, parent_id, author_id, body, created_at)
    select i.id, i.parent_id as "parentId", u.id as "authorId", u.first_name as "firstName", u.last_name as "lastName",
      i.body, i.created_at as "createdAt"
    from inserted i join users u on u.id = i.author_id`);
  const row = result.rows[0];
  if (!row) throw new Error("answer insert failed");
  return row;
}

export async function quizQuestions(tx: Tx, lessonId: string) {
  const result = await tx.execute<{
    text: string;
    multiple: boolean;
    choices: { label: string; correct: boolean }[];
  }>(sql`
    select text, multiple, choices from quiz_questions where lesson_id = ${lessonId} order by position`);
  return result.rows;
}

export async function lessonClasses(tx: Tx, lessonId: string) {
  const result = await tx.execute<{
    title: string;
    startsAt: string;
    durationMinutes: number;
    joinUrl: string;
    cancelled: boolean;
  }>(sql`
    select title, starts_at as "startsAt", duration_min as "durationMinutes", join_url as "joinUrl",
      cancelled_at is not null as cancelled
    from virtual_classes where lesson_id = ${lessonId} order by starts_at desc`);
  return result.rows;
}

export async function observationGrid(tx: Tx, lessonId: string) {
  const grid = await tx.execute<{ id: string; levels: { label: string; value: number }[] }>(
    sql`select id, levels from observation_grids where lesson_id = ${lessonId}`,
  );
  const row = grid.rows[0];
  if (!row) return null;
  const criteria = await tx.execute<{ label: string; description: string; weight: number; required: boolean }>(sql`
    select label, description, weight, required from observation_criteria where grid_id = ${row.id} order by position`);
  return { levels: row.levels, criteria: criteria.rows };
}
