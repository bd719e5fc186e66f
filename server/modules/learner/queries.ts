import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import * as lessonsQueries from "../lessons/queries.js";

type LessonType = "elearning" | "sheet" | "quiz" | "webinar" | "mission" | "observation";
type LessonStatus = "not_attempted" | "in_progress" | "completed" | "passed" | "failed";

/** SQL condition on a `courses c`: the catalogue shows the course to the user (everyone, or one of their lists). */
const openTo = (userId: string) => sql`c.catalogue_visible and (c.audience_everyone or exists (
  select 1 from course_audience_lists cal join learner_list_members m on m.list_id = cal.list_id
  where cal.course_id = c.id and m.user_id = ${userId}))`;

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

/** Catalogue courses open to the user that they are not enrolled in, by name. */
export async function findOpenCourses(tx: Tx, userId: string) {
  const result = await tx.execute<{
    courseId: string;
    code: string;
    name: string;
    description: string;
    lessons: number;
    durationSeconds: number;
  }>(sql`
    select c.id as "courseId", c.code, c.name, c.description,
      (select count(*) from lessons l where l.course_id = c.id)::int as lessons,
      (select coalesce(sum(l.duration_s), 0) from lessons l where l.course_id = c.id)::int as "durationSeconds"
    from courses c
    where ${openTo(userId)}
      and not exists (select 1 from enrollments e where e.course_id = c.id and e.user_id = ${userId})
    order by c.search_name`);
  return result.rows;
}

/** The course with the user's enrollment (if any) and whether the catalogue shows it to them. */
export async function findCourseForLearner(tx: Tx, courseId: string, userId: string) {
  const result = await tx.execute<{
    id: string;
    code: string;
    name: string;
    description: string;
    open: boolean;
    enrollmentId: string | null;
    status: "not_started" | "in_progress" | "completed" | null;
    progressPct: number | null;
    timeSpentSeconds: number | null;
    enrolledAt: string | null;
    objectiveAt: string | null;
  }>(sql`
    select c.id, c.code, c.name, c.description, (${openTo(userId)}) as open,
      e.id as "enrollmentId", e.status, e.progress_pct as "progressPct", e.time_spent_s as "timeSpentSeconds",
      e.enrolled_at as "enrolledAt", e.objective_at as "objectiveAt"
    from courses c left join enrollments e on e.course_id = c.id and e.user_id = ${userId}
    where c.id = ${courseId}`);
  return result.rows[0];
}

export type LessonRow = {
  id: string;
  position: number;
  type: LessonType;
  title: string;
  description: string;
  durationSeconds: number | null;
  passingScore: number | null;
  status: LessonStatus | null;
  score: number | null;
  attempts: number | null;
  timeSpentSeconds: number | null;
};

/** The course's lessons in order, with the enrollment's statistics (lesson_stats) when there is one. */
export async function courseLessons(tx: Tx, courseId: string, enrollmentId: string | null) {
  const result = await tx.execute<LessonRow>(sql`
    select l.id, l.position, l.type, l.title, l.description, l.duration_s as "durationSeconds",
      l.passing_score as "passingScore", ls.status, ls.score, ls.attempts_count as attempts,
      ls.time_spent_s as "timeSpentSeconds"
    from lessons l
    left join lesson_stats ls on ls.lesson_id = l.id and ls.enrollment_id = ${enrollmentId}
    where l.course_id = ${courseId}
    order by l.position`);
  return result.rows;
}

export async function lessonSettings(tx: Tx, lessonId: string) {
  const result = await tx.execute<{ settings: Record<string, unknown> }>(
    sql`select settings from lessons where id = ${lessonId}`,
  );
  return result.rows[0]?.settings ?? {};
}

/** Enrolls the user (free enrollment); nothing when already enrolled. */
export async function insertEnrollment(tx: Tx, courseId: string, userId: string) {
  const result = await tx.execute<{ id: string; enrolledAt: string }>(sql`
    insert into enrollments (course_id, user_id, type, learner_sort_name)
    select ${courseId}, u.id, 'free', u.sort_name from users u where u.id = ${userId}
    on conflict (course_id, user_id) do nothing
    returning id, enrolled_at as "enrolledAt"`);
  return result.rows[0];
}

export async function findReview(tx: Tx, courseId: string, userId: string) {
  const result = await tx.execute<{ rating: number; comment: string; updatedAt: string }>(sql`
    select rating, comment, updated_at as "updatedAt" from reviews where course_id = ${courseId} and user_id = ${userId}`);
  return result.rows[0];
}

/** Creates or replaces the user's review of the course; returns it and the previous one. */
export async function upsertReview(tx: Tx, courseId: string, userId: string, rating: number, comment: string) {
  const before = await findReview(tx, courseId, userId);
  const result = await tx.execute<{ id: string; rating: number; comment: string; updatedAt: string }>(sql`
    insert into reviews (course_id, user_id, rating, comment) values (${courseId}, ${userId}, ${rating}, ${comment})
    on conflict (course_id, user_id) do update set rating = excluded.rating, comment = excluded.comment, updated_at = now()
    returning id, rating, comment, updated_at as "updatedAt"`);
  const row = result.rows[0];
  if (!row) throw new Error("review upsert failed");
  return { row, before };
}

export async function evaluationQuestions(tx: Tx, courseId: string) {
  const result = await tx.execute<{
    id: string;
    kind: "rating" | "choice" | "text";
    label: string;
    options: unknown;
  }>(sql`select id, kind, label, options from evaluation_questions where course_id = ${courseId} order by position`);
  return result.rows;
}

export async function evaluationResponse(tx: Tx, courseId: string, userId: string) {
  const response = await tx.execute<{ id: string; submittedAt: string }>(sql`
    select id, submitted_at as "submittedAt" from evaluation_responses where course_id = ${courseId} and user_id = ${userId}`);
  const row = response.rows[0];
  if (!row) return undefined;
  const answers = await tx.execute<{
    questionId: string;
    rating: number | null;
    choice: string | null;
    text: string | null;
  }>(
    sql`select question_id as "questionId", rating, choice, text from evaluation_answers where response_id = ${row.id}`,
  );
  return { ...row, answers: answers.rows };
}

/** Inserts the response unless the user already answered (the unique key decides). */
export async function insertEvaluationResponse(tx: Tx, courseId: string, userId: string) {
  const result = await tx.execute<{ id: string; submittedAt: string }>(sql`
    insert into evaluation_responses (course_id, user_id) values (${courseId}, ${userId})
    on conflict (course_id, user_id) do nothing
    returning id, submitted_at as "submittedAt"`);
  return result.rows[0];
}

export async function insertEvaluationAnswer(
  tx: Tx,
  responseId: string,
  answer: { questionId: string; rating: number | null; choice: string | null; text: string | null },
) {
  await tx.execute(sql`
    insert into evaluation_answers (response_id, question_id, rating, choice, text)
    values (${responseId}, ${answer.questionId}, ${answer.rating}, ${answer.choice}, ${answer.text})`);
}

export async function hasActivePackage(tx: Tx, lessonId: string) {
  const result = await tx.execute<{ ok: boolean }>(sql`
    select exists (select 1 from scorm_packages where lesson_id = ${lessonId} and active) as ok`);
  return result.rows[0]?.ok ?? false;
}

export async function quizFacts(tx: Tx, enrollmentId: string, lessonId: string) {
  const result = await tx.execute<{ questions: number; used: number }>(sql`
    select (select count(*) from quiz_questions where lesson_id = ${lessonId})::int as questions,
      (select count(*) from attempts a
        where a.enrollment_id = ${enrollmentId} and a.lesson_id = ${lessonId}
          and a.number > coalesce((select attempts_reset_after from lesson_stats
            where enrollment_id = ${enrollmentId} and lesson_id = ${lessonId}), 0))::int as used`);
  return result.rows[0] ?? { questions: 0, used: 0 };
}

export type SubmissionRow = {
  id: string;
  attemptNumber: number;
  text: string;
  declaredTimeSeconds: number;
  submittedAt: string;
  verdict: "passed" | "failed" | null;
  score: number | null;
  feedback: string | null;
  correctedAt: string | null;
  tutorFirstName: string | null;
  tutorLastName: string | null;
};

/** The enrollment's submissions of a mission, newest first, with their corrections. */
export async function submissions(tx: Tx, enrollmentId: string, lessonId: string) {
  const result = await tx.execute<SubmissionRow>(sql`
    select ms.id, a.number as "attemptNumber", ms.text, ms.declared_time_s as "declaredTimeSeconds",
      ms.submitted_at as "submittedAt", mc.verdict, mc.score, mc.feedback, mc.corrected_at as "correctedAt",
      tu.first_name as "tutorFirstName", tu.last_name as "tutorLastName"
    from mission_submissions ms
    join attempts a on a.id = ms.attempt_id
    left join mission_corrections mc on mc.submission_id = ms.id
    left join users tu on tu.id = mc.tutor_id
    where ms.enrollment_id = ${enrollmentId} and ms.lesson_id = ${lessonId}
    order by a.number desc`);
  return result.rows;
}

export async function submissionFiles(tx: Tx, enrollmentId: string, lessonId: string) {
  const result = await tx.execute<{
    id: string;
    submissionId: string;
    fileName: string;
    mimeType: string;
    sizeBytes: number;
    storagePath: string;
  }>(sql`
    select mf.id, mf.submission_id as "submissionId", mf.file_name as "fileName", mf.mime_type as "mimeType",
      mf.size_bytes as "sizeBytes", mf.storage_path as "storagePath"
    from mission_files mf join mission_submissions ms on ms.id = mf.submission_id
    where ms.enrollment_id = ${enrollmentId} and ms.lesson_id = ${lessonId}
    order by mf.file_name`);
  return result.rows;
}

export async function insertSubmission(
  tx: Tx,
  values: { enrollmentId: string; lessonId: string; number: number; text: string; declaredTimeSeconds: number },
) {
  const attempt = await tx.execute<{ id: number }>(sql`
    insert into attempts (enrollment_id, lesson_id, number, started_at, ended_at, status, time_spent_s, data)
    values (${values.enrollmentId}, ${values.lessonId}, ${values.number}, now(), now(), 'in_progress',
      ${values.declaredTimeSeconds}, ${JSON.stringify({ declaredTimeSeconds: values.declaredTimeSeconds })}::jsonb)
    returning id`);
  const attemptId = attempt.rows[0]?.id;
  const submission = await tx.execute<{ id: string; submittedAt: string }>(sql`
    insert into mission_submissions (attempt_id, enrollment_id, lesson_id, text, declared_time_s)
    values (${attemptId}, ${values.enrollmentId}, ${values.lessonId}, ${values.text}, ${values.declaredTimeSeconds})
    returning id, submitted_at as "submittedAt"`);
  const row = submission.rows[0];
  if (!row) throw new Error("submission insert failed");
  return row;
}

export async function insertMissionFile(
  tx: Tx,
  values: {
    id: string;
    submissionId: string;
    fileName: string;
    mimeType: string;
    sizeBytes: number;
    storagePath: string;
  },
) {
  await tx.execute(sql`
    insert into mission_files (id, submission_id, file_name, mime_type, size_bytes, storage_path)
    values (${values.id}, ${values.submissionId}, ${values.fileName}, ${values.mimeType}, ${values.sizeBytes},
      ${values.storagePath})`);
}

export async function lessonClasses(tx: Tx, lessonId: string, userId: string) {
  const result = await tx.execute<{
    id: string;
    title: string;
    startsAt: string;
    durationMinutes: number;
    timeZone: string;
    description: string;
    joinUrl: string;
    cancelled: boolean;
    over: boolean;
    attended: boolean | null;
  }>(sql`
    select vc.id, vc.title, vc.starts_at as "startsAt", vc.duration_min as "durationMinutes", vc.time_zone as "timeZone",
      vc.description, vc.join_url as "joinUrl", vc.cancelled_at is not null as cancelled,
      vc.starts_at + make_interval(mins => vc.duration_min) < now() as over,
      (select va.present from virtual_class_attendance va where va.class_id = vc.id and va.user_id = ${userId}) as attended
    from virtual_classes vc where vc.lesson_id = ${lessonId}
    order by vc.starts_at`);
  return result.rows;
}

export async function observations(tx: Tx, enrollmentId: string, lessonId: string) {
  const rows = await tx.execute<{
    id: string;
    number: number;
    observedAt: string;
    durationSeconds: number;
    score: number;
    passed: boolean;
    comment: string;
    tutorFirstName: string;
    tutorLastName: string;
    levels: { label: string; value: number }[];
  }>(sql`
    select o.id, a.number, o.observed_at as "observedAt", o.duration_s as "durationSeconds", o.score, o.passed,
      o.comment, tu.first_name as "tutorFirstName", tu.last_name as "tutorLastName", g.levels
    from observations o
    join attempts a on a.id = o.attempt_id
    join observation_grids g on g.id = o.grid_id
    join users tu on tu.id = o.tutor_id
    where o.enrollment_id = ${enrollmentId} and a.lesson_id = ${lessonId}
    order by o.observed_at desc`);
  if (rows.rows.length === 0) return [];
  const ratings = await tx.execute<{ observationId: string; criterion: string; levelIndex: number; comment: string }>(
    sql`
    select r.observation_id as "observationId", c.label as criterion, r.level_index as "levelIndex", r.comment
    from observation_ratings r join observation_criteria c on c.id = r.criterion_id
    where r.observation_id in (${sql.join(
      rows.rows.map((r) => sql`${r.id}`),
      sql`, `,
    )})
    order by c.position`,
  );
  return rows.rows.map((o) => ({
    ...o,
    ratings: ratings.rows
      .filter((r) => r.observationId === o.id)
      .map((r) => ({ criterion: r.criterion, level: o.levels[r.levelIndex]?.label ?? "", comment: r.comment })),
  }));
}

/** The latest attempt of the enrollment on the lesson (a practical sheet has one reading attempt). */
export async function latestAttempt(tx: Tx, enrollmentId: string, lessonId: string) {
  const result = await tx.execute<{ id: number; number: number; status: LessonStatus }>(sql`
    select id, number, status from attempts where enrollment_id = ${enrollmentId} and lesson_id = ${lessonId}
    order by number desc limit 1`);
  return result.rows[0];
}

export async function insertReadingAttempt(tx: Tx, enrollmentId: string, lessonId: string, number: number) {
  const result = await tx.execute<{ id: number; number: number; status: LessonStatus }>(sql`
    insert into attempts (enrollment_id, lesson_id, number, started_at, status)
    values (${enrollmentId}, ${lessonId}, ${number}, now(), 'in_progress')
    returning id, number, status`);
  const row = result.rows[0];
  if (!row) throw new Error("attempt insert failed");
  return row;
}

export async function markAttemptCompleted(tx: Tx, attemptId: number) {
  await tx.execute(sql`
    update attempts set status = 'completed', status_at = now(), ended_at = greatest(coalesce(ended_at, now()), now()),
      version = version + 1
    where id = ${attemptId} and status = 'in_progress'`);
}

export async function insertSession(tx: Tx, enrollmentId: string, lessonId: string, attemptId: number) {
  const result = await tx.execute<{ id: number }>(sql`
    insert into sessions (enrollment_id, lesson_id, attempt_id, started_at, ended_at, duration_s)
    values (${enrollmentId}, ${lessonId}, ${attemptId}, now(), now(), 0)
    returning id`);
  const id = result.rows[0]?.id;
  if (!id) throw new Error("session insert failed");
  return id;
}

/**
 * Extends a session that is still live: its last beat (ended_at) is at most `staleSeconds` old, so
 * a hidden tab or a sleeping laptop never counts. The duration is the time since it started,
 * capped by the platform's session cap (B3). Returns nothing when the session is not the
 * enrollment's or went stale.
 */
export async function extendSession(
  tx: Tx,
  sessionId: number,
  enrollmentId: string,
  lessonId: string,
  staleSeconds: number,
) {
  const result = await tx.execute<{ durationSeconds: number; attemptId: number | null }>(sql`
    update sessions s set ended_at = now(),
      duration_s = least(extract(epoch from now() - s.started_at)::int,
        coalesce((select session_cap_s from platform_settings where id = 1), 14400))
    where s.id = ${sessionId} and s.enrollment_id = ${enrollmentId} and s.lesson_id = ${lessonId}
      and s.ended_at >= now() - make_interval(secs => ${staleSeconds})
    returning s.duration_s as "durationSeconds", s.attempt_id as "attemptId"`);
  return result.rows[0];
}

export async function findSession(tx: Tx, sessionId: number, enrollmentId: string, lessonId: string) {
  const result = await tx.execute<{ durationSeconds: number }>(sql`
    select duration_s as "durationSeconds" from sessions
    where id = ${sessionId} and enrollment_id = ${enrollmentId} and lesson_id = ${lessonId}`);
  return result.rows[0];
}

/** Keeps a reading attempt's end at its last session beat, so the report shows when reading stopped. */
export async function touchAttemptEnd(tx: Tx, attemptId: number) {
  await tx.execute(sql`update attempts set ended_at = now() where id = ${attemptId}`);
}

type CommentRow = lessonsQueries.CommentRow;

/** A page of the comments on a lesson by the course's learners, newest first, with their answers. */
export function comments(tx: Tx, courseId: string, lessonId: string, page: number, pageSize: number) {
  return lessonsQueries.lessonComments(tx, lessonId, sql`e.course_id = ${courseId}`, page, pageSize);
}

export async function insertComment(tx: Tx, lessonId: string, authorId: string, body: string) {
  const result = await tx.execute<CommentRow>(sql`
    with inserted as (
      insert into lesson_comments (lesson_id, author_id, body) values (${lessonId}, ${authorId}, ${body})
      returning id, parent_id, author_id, body, created_at)
    select i.id, i.parent_id as "parentId", u.id as "authorId", u.first_name as "firstName", u.last_name as "lastName",
      i.body, i.created_at as "createdAt"
    from inserted i join users u on u.id = i.author_id`);
  const row = result.rows[0];
  if (!row) throw new Error("comment insert failed");
  return row;
}
