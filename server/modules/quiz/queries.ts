import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import type { SnapshotQuestion } from "./scoring.js";

export type QuizLessonRow = {
  lessonId: string;
  title: string;
  description: string;
  passingScore: number | null;
  settings: Record<string, unknown>;
  courseId: string;
  courseName: string;
};

const lessonColumns = sql`l.id as "lessonId", l.title, l.description, l.passing_score as "passingScore", l.settings,
  c.id as "courseId", c.name as "courseName"`;

/** A quiz lesson, whoever asks (the admin editor). */
export async function findQuizLesson(tx: Tx, lessonId: string) {
  const result = await tx.execute<QuizLessonRow>(sql`
    select ${lessonColumns}
    from lessons l join courses c on c.id = l.course_id
    where l.id = ${lessonId} and l.type = 'quiz'`);
  return result.rows[0];
}

/** A quiz lesson with the user's enrollment in its course; nothing when the user isn't enrolled. */
export async function findLearnerQuiz(tx: Tx, userId: string, lessonId: string, lock = false) {
  const result = await tx.execute<QuizLessonRow & { enrollmentId: string }>(sql`
    select ${lessonColumns}, e.id as "enrollmentId"
    from lessons l join courses c on c.id = l.course_id
    join enrollments e on e.course_id = l.course_id and e.user_id = ${userId}
    where l.id = ${lessonId} and l.type = 'quiz'
    ${lock ? sql`for update of e` : sql``}`);
  return result.rows[0];
}

export async function questions(tx: Tx, lessonId: string) {
  const result = await tx.execute<SnapshotQuestion & { position: number }>(sql`
    select id, position, text, multiple, points, choices
    from quiz_questions where lesson_id = ${lessonId} order by position, id`);
  return result.rows;
}

export type AttemptRow = {
  id: number;
  number: number;
  startedAt: string;
  endedAt: string | null;
  status: "in_progress" | "completed" | "passed" | "failed";
  score: number | null;
  data: { quiz?: QuizAttemptData };
};

/** What a native quiz attempt keeps in attempts.data. */
export type QuizAttemptData = {
  questions: SnapshotQuestion[];
  answers?: { questionId: string; choices: number[] }[];
  earnedPoints?: number;
  totalPoints?: number;
  passingScore?: number | null;
};

/** Attempts of the learner on the lesson, newest first, with the number after which they count. */
export async function attempts(tx: Tx, enrollmentId: string, lessonId: string) {
  const [rows, reset] = await Promise.all([
    tx.execute<AttemptRow>(sql`
      select id, number, started_at as "startedAt", ended_at as "endedAt", status, score, data
      from attempts where enrollment_id = ${enrollmentId} and lesson_id = ${lessonId}
      order by number desc`),
    tx.execute<{ resetAfter: number; status: AttemptRow["status"] | "not_attempted"; score: number | null }>(sql`
      select attempts_reset_after as "resetAfter", status, score from lesson_stats
      where enrollment_id = ${enrollmentId} and lesson_id = ${lessonId}`),
  ]);
  const stats = reset.rows[0];
  return {
    rows: rows.rows,
    resetAfter: stats?.resetAfter ?? 0,
    status: stats?.status ?? "not_attempted",
    score: stats?.score ?? null,
  };
}

export async function insertAttempt(
  tx: Tx,
  values: { enrollmentId: string; lessonId: string; number: number; data: { quiz: QuizAttemptData } },
) {
  const result = await tx.execute<{ id: number; startedAt: string }>(sql`
    insert into attempts (enrollment_id, lesson_id, number, started_at, status, data)
    values (${values.enrollmentId}, ${values.lessonId}, ${values.number}, now(), 'in_progress', ${JSON.stringify(values.data)}::jsonb)
    returning id, started_at as "startedAt"`);
  const row = result.rows[0];
  if (!row) throw new Error("attempt insert returned nothing");
  return row;
}

/** The attempt, locked, when it belongs to the enrollment and lesson. */
export async function lockAttempt(tx: Tx, enrollmentId: string, lessonId: string, attemptId: number) {
  const result = await tx.execute<AttemptRow>(sql`
    select id, number, started_at as "startedAt", ended_at as "endedAt", status, score, data
    from attempts where id = ${attemptId} and enrollment_id = ${enrollmentId} and lesson_id = ${lessonId}
    for update`);
  return result.rows[0];
}

/** Ends the attempt with its outcome and records its time as a session (SPEC §6: time comes from sessions). */
export async function finishAttempt(
  tx: Tx,
  values: {
    attemptId: number;
    enrollmentId: string;
    lessonId: string;
    status: "passed" | "failed" | "completed";
    score: number;
    data: { quiz: QuizAttemptData };
  },
) {
  const result = await tx.execute<{ endedAt: string; startedAt: string; durationSeconds: number }>(sql`
    update attempts set ended_at = now(), status = ${values.status}, status_at = now(), score = ${values.score},
      data = ${JSON.stringify(values.data)}::jsonb, version = version + 1
    where id = ${values.attemptId}
    returning ended_at as "endedAt", started_at as "startedAt",
      greatest(0, floor(extract(epoch from (ended_at - started_at))))::int as "durationSeconds"`);
  const row = result.rows[0];
  if (!row) throw new Error("attempt update returned nothing");
  await tx.execute(sql`
    insert into sessions (enrollment_id, lesson_id, attempt_id, started_at, duration_s, ended_at)
    values (${values.enrollmentId}, ${values.lessonId}, ${values.attemptId}, ${row.startedAt}, ${row.durationSeconds}, ${row.endedAt})`);
  return row;
}

// ---- Admin editor ----

export async function countInProgress(tx: Tx, lessonId: string) {
  const result = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from attempts
    where lesson_id = ${lessonId} and status = 'in_progress' and data ? 'quiz'`);
  return result.rows[0]?.n ?? 0;
}

/** Locks the lesson row so two admins editing its questions apply one after the other. */
export async function lockLesson(tx: Tx, lessonId: string) {
  await tx.execute(sql`select id from lessons where id = ${lessonId} for update`);
}

export async function updateSettings(
  tx: Tx,
  lessonId: string,
  quiz: { order: string; attemptsLimit: number | null },
  passingScore: number | null,
) {
  await tx.execute(sql`
    update lessons set passing_score = ${passingScore},
      settings = jsonb_set(settings, '{quiz}', ${JSON.stringify(quiz)}::jsonb, true)
    where id = ${lessonId}`);
}

export async function insertQuestion(
  tx: Tx,
  lessonId: string,
  values: { text: string; multiple: boolean; points: number; choices: { label: string; correct: boolean }[] },
) {
  const result = await tx.execute<{ id: string; position: number }>(sql`
    insert into quiz_questions (lesson_id, position, multiple, text, choices, points)
    values (${lessonId},
      (select coalesce(max(position), 0) + 1 from quiz_questions where lesson_id = ${lessonId}),
      ${values.multiple}, ${values.text}, ${JSON.stringify(values.choices)}::jsonb, ${values.points})
    returning id, position`);
  const row = result.rows[0];
  if (!row) throw new Error("question insert returned nothing");
  return row;
}

export async function updateQuestion(
  tx: Tx,
  questionId: string,
  values: { text: string; multiple: boolean; points: number; choices: { label: string; correct: boolean }[] },
) {
  await tx.execute(sql`
    update quiz_questions set text = ${values.text}, multiple = ${values.multiple}, points = ${values.points},
      choices = ${JSON.stringify(values.choices)}::jsonb
    where id = ${questionId}`);
}

export async function deleteQuestion(tx: Tx, questionId: string) {
  await tx.execute(sql`delete from quiz_questions where id = ${questionId}`);
}

/** Sets the questions' positions to 1..n in the given order. */
export async function setPositions(tx: Tx, lessonId: string, orderedIds: string[]) {
  if (orderedIds.length === 0) return;
  await tx.execute(sql`
    update quiz_questions q set position = o.position
    from unnest(${sql.raw("ARRAY[")}${sql.join(
      orderedIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}${sql.raw("]")}) with ordinality as o(id, position)
    where q.id = o.id and q.lesson_id = ${lessonId}`);
}
