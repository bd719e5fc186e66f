import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

const correctionColumns = sql`mc.score as "corrScore", mc.verdict as "corrVerdict", mc.feedback as "corrFeedback",
  mc.corrected_at as "correctedAt", tu.id as "tutorId", tu.first_name as "tutorFirstName", tu.last_name as "tutorLastName"`;

export type CorrectionColumns = {
  corrScore: number | null;
  corrVerdict: "passed" | "failed" | null;
  corrFeedback: string | null;
  correctedAt: string | null;
  tutorId: string | null;
  tutorFirstName: string | null;
  tutorLastName: string | null;
};

export type QueueRow = CorrectionColumns & {
  submissionId: string;
  courseId: string;
  courseName: string;
  lessonId: string;
  lessonTitle: string;
  learnerId: string;
  firstName: string;
  lastName: string;
  attemptNumber: number;
  submittedAt: string;
  files: number;
};

/** Submissions of the enrollments `learners` selects (condition on `enrollments e`); pending ones oldest first. */
export async function queue(
  tx: Tx,
  learners: SQL,
  status: "pending" | "corrected" | "all",
  page: number,
  pageSize: number,
) {
  const statusCondition =
    status === "pending" ? sql`mc.id is null` : status === "corrected" ? sql`mc.id is not null` : sql`true`;
  const order = status === "pending" ? sql`ms.submitted_at asc, ms.id` : sql`ms.submitted_at desc, ms.id`;
  const from = sql`mission_submissions ms
    join enrollments e on e.id = ms.enrollment_id
    left join mission_corrections mc on mc.submission_id = ms.id
    where ${learners} and ${statusCondition}`;
  const [rows, counted] = await Promise.all([
    tx.execute<QueueRow>(sql`
      select ms.id as "submissionId", c.id as "courseId", c.name as "courseName", l.id as "lessonId", l.title as "lessonTitle",
        u.id as "learnerId", u.first_name as "firstName", u.last_name as "lastName", a.number as "attemptNumber",
        ms.submitted_at as "submittedAt",
        (select count(*) from mission_files mf where mf.submission_id = ms.id)::int as files,
        ${correctionColumns}
      from mission_submissions ms
      join enrollments e on e.id = ms.enrollment_id
      join courses c on c.id = e.course_id
      join lessons l on l.id = ms.lesson_id
      join users u on u.id = e.user_id
      join attempts a on a.id = ms.attempt_id
      left join mission_corrections mc on mc.submission_id = ms.id
      left join users tu on tu.id = mc.tutor_id
      where ${learners} and ${statusCondition}
      order by ${order}
      limit ${pageSize} offset ${(page - 1) * pageSize}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total from ${from}`),
  ]);
  return { rows: rows.rows, total: counted.rows[0]?.total ?? 0 };
}

export type SubmissionRow = CorrectionColumns & {
  id: string;
  attemptId: number;
  enrollmentId: string;
  lessonId: string;
  attemptNumber: number;
  text: string;
  submittedAt: string;
  declaredTimeSeconds: number;
};

const submissionSelect = sql`
  select ms.id, ms.attempt_id as "attemptId", ms.enrollment_id as "enrollmentId", ms.lesson_id as "lessonId",
    a.number as "attemptNumber", ms.text, ms.submitted_at as "submittedAt", ms.declared_time_s as "declaredTimeSeconds",
    ${correctionColumns}
  from mission_submissions ms
  join attempts a on a.id = ms.attempt_id
  left join mission_corrections mc on mc.submission_id = ms.id
  left join users tu on tu.id = mc.tutor_id`;

/** A submission of the course within `learners`, or nothing. */
export async function findSubmission(tx: Tx, courseId: string, submissionId: string, learners: SQL) {
  const result = await tx.execute<SubmissionRow>(sql`${submissionSelect}
    where ms.id = ${submissionId}
      and exists (select 1 from enrollments e where e.id = ms.enrollment_id and e.course_id = ${courseId} and ${learners})`);
  return result.rows[0];
}

export async function otherSubmissions(tx: Tx, enrollmentId: string, lessonId: string, exceptId: string) {
  const result = await tx.execute<SubmissionRow>(sql`${submissionSelect}
    where ms.enrollment_id = ${enrollmentId} and ms.lesson_id = ${lessonId} and ms.id <> ${exceptId}
    order by a.number desc`);
  return result.rows;
}

export async function submissionFiles(tx: Tx, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  const result = await tx.execute<{
    id: string;
    submissionId: string;
    fileName: string;
    mimeType: string;
    sizeBytes: number;
    storagePath: string;
  }>(sql`
    select id, submission_id as "submissionId", file_name as "fileName", mime_type as "mimeType", size_bytes as "sizeBytes",
      storage_path as "storagePath"
    from mission_files where submission_id in (${sql.join(
      submissionIds.map((id) => sql`${id}`),
      sql`, `,
    )}) order by file_name`);
  return result.rows;
}

export async function submissionContext(tx: Tx, enrollmentId: string, lessonId: string) {
  const result = await tx.execute<{
    courseId: string;
    courseName: string;
    lessonTitle: string;
    lessonDescription: string;
    passingScore: number | null;
    learnerId: string;
    firstName: string;
    lastName: string;
    email: string;
    locale: "fr" | "en";
  }>(sql`
    select c.id as "courseId", c.name as "courseName", l.title as "lessonTitle", l.description as "lessonDescription",
      l.passing_score as "passingScore", u.id as "learnerId", u.first_name as "firstName", u.last_name as "lastName",
      u.email, u.locale
    from enrollments e join courses c on c.id = e.course_id join users u on u.id = e.user_id
    join lessons l on l.id = ${lessonId}
    where e.id = ${enrollmentId}`);
  return result.rows[0];
}

/** Inserts the correction unless one exists (the unique submission_id decides between two tutors). */
export async function insertCorrection(
  tx: Tx,
  values: {
    submissionId: string;
    tutorId: string;
    score: number | null;
    verdict: "passed" | "failed";
    feedback: string;
  },
) {
  const result = await tx.execute<{ id: string; correctedAt: string }>(sql`
    insert into mission_corrections (submission_id, tutor_id, score, verdict, feedback)
    values (${values.submissionId}, ${values.tutorId}, ${values.score}, ${values.verdict}, ${values.feedback})
    on conflict (submission_id) do nothing
    returning id, corrected_at as "correctedAt"`);
  return result.rows[0];
}

export async function markAttemptCorrected(
  tx: Tx,
  attemptId: number,
  values: { status: "passed" | "failed"; score: number | null; at: string },
) {
  await tx.execute(sql`
    update attempts set status = ${values.status}, score = ${values.score}, status_at = ${values.at},
      version = version + 1
    where id = ${attemptId}`);
}
