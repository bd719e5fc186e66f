import type { CurrentUser } from "../../../common/api/auth.js";
import type { CorrectionRequest, MissionDetail, MissionQueueQuery } from "../../../common/api/missions.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import { allLearnersInScope, courseScope, learnersInScope } from "../access/policy.js";
import { writeAudit } from "../audit/audit.js";
import { missionCorrectedMail } from "../mail/messages.js";
import { enqueueMail } from "../mail/outbox.js";
import { recomputeEnrollment } from "../tracking/summaries.js";
import { lockEnrollment } from "../tracking/writers.js";
import * as q from "./queries.js";

const iso = (value: string | Date) => new Date(value).toISOString();

function presentCorrection(row: q.CorrectionColumns) {
  if (!row.corrVerdict || !row.correctedAt || !row.tutorId) return null;
  return {
    score: row.corrScore,
    verdict: row.corrVerdict,
    feedback: row.corrFeedback ?? "",
    correctedAt: iso(row.correctedAt),
    tutor: { id: row.tutorId, firstName: row.tutorFirstName ?? "", lastName: row.tutorLastName ?? "" },
  };
}

function presentQueue(rows: q.QueueRow[]) {
  return rows.map((r) => ({
    submissionId: r.submissionId,
    course: { id: r.courseId, name: r.courseName },
    lesson: { id: r.lessonId, title: r.lessonTitle },
    learner: { id: r.learnerId, firstName: r.firstName, lastName: r.lastName },
    attemptNumber: r.attemptNumber,
    submittedAt: iso(r.submittedAt),
    files: r.files,
    correction: presentCorrection(r),
  }));
}

/** `Missions à corriger` of a course, over the tutor's learners. */
export async function courseQueue(db: Db, user: CurrentUser, courseId: string, query: MissionQueueQuery) {
  const scope = await courseScope(db, user, courseId);
  const { rows, total } = await q.queue(db, learnersInScope(scope), query.status, query.page, query.pageSize);
  return { items: presentQueue(rows), total, page: query.page, pageSize: query.pageSize };
}

/** The same queue across every course the tutor tutors. */
export async function globalQueue(db: Db, user: CurrentUser, query: MissionQueueQuery) {
  const { rows, total } = await q.queue(db, allLearnersInScope(user), query.status, query.page, query.pageSize);
  return { items: presentQueue(rows), total, page: query.page, pageSize: query.pageSize };
}

async function loadSubmission(db: Db, user: CurrentUser, courseId: string, submissionId: string) {
  const scope = await courseScope(db, user, courseId);
  const submission = await q.findSubmission(db, courseId, submissionId, learnersInScope(scope));
  if (!submission) throw notFound("Submission");
  return submission;
}

/** A submission with its files, the learner's earlier submissions and their corrections. */
export async function detail(
  db: Db,
  user: CurrentUser,
  courseId: string,
  submissionId: string,
): Promise<MissionDetail> {
  const submission = await loadSubmission(db, user, courseId, submissionId);
  const [context, history] = await Promise.all([
    q.submissionContext(db, submission.enrollmentId, submission.lessonId),
    q.otherSubmissions(db, submission.enrollmentId, submission.lessonId, submission.id),
  ]);
  if (!context) throw notFound("Submission");
  const files = await q.submissionFiles(db, [submission.id, ...history.map((h) => h.id)]);
  const present = (s: q.SubmissionRow) => ({
    id: s.id,
    attemptNumber: s.attemptNumber,
    text: s.text,
    submittedAt: iso(s.submittedAt),
    declaredTimeSeconds: s.declaredTimeSeconds,
    files: files
      .filter((f) => f.submissionId === s.id)
      .map((f) => ({ id: f.id, fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes })),
    correction: presentCorrection(s),
  });
  return {
    course: { id: context.courseId, name: context.courseName },
    lesson: {
      id: submission.lessonId,
      title: context.lessonTitle,
      description: context.lessonDescription,
      passingScore: context.passingScore,
    },
    learner: { id: context.learnerId, firstName: context.firstName, lastName: context.lastName },
    submission: present(submission),
    history: history.map(present),
  };
}

/** A stored file of a submission the tutor may read. */
export async function file(db: Db, user: CurrentUser, courseId: string, submissionId: string, fileId: string) {
  const submission = await loadSubmission(db, user, courseId, submissionId);
  const found = (await q.submissionFiles(db, [submission.id])).find((f) => f.id === fileId);
  if (!found) throw notFound("File");
  return found;
}

/**
 * Corrects a submission in one transaction: the correction (refused if another tutor saved one
 * first), the attempt's status and score, the learner's statistics and summary, the audit entry,
 * and the mail to the learner in the outbox.
 */
export async function correct(
  db: Db,
  config: Config,
  user: CurrentUser,
  courseId: string,
  submissionId: string,
  input: CorrectionRequest,
) {
  const submission = await loadSubmission(db, user, courseId, submissionId);
  return db.transaction(async (tx) => {
    // The learner first, as every writer of their facts (tracking/writers.ts).
    await lockEnrollment(tx, submission.enrollmentId);
    const inserted = await q.insertCorrection(tx, {
      submissionId,
      tutorId: user.id,
      score: input.score,
      verdict: input.verdict,
      feedback: input.feedback,
    });
    if (!inserted) {
      throw new AppError(
        409,
        "already_corrected",
        "This submission has already been corrected by another tutor; nothing was changed.",
      );
    }
    const correctedAt = iso(inserted.correctedAt);
    await q.markAttemptCorrected(tx, submission.attemptId, {
      status: input.verdict,
      score: input.score,
      at: correctedAt,
    });
    await recomputeEnrollment(tx, submission.enrollmentId);
    const context = await q.submissionContext(tx, submission.enrollmentId, submission.lessonId);
    if (!context) throw notFound("Submission");
    await writeAudit(tx, {
      actorId: user.id,
      action: "mission.correct",
      entityType: "mission_submission",
      entityId: submissionId,
      courseId,
      learnerId: context.learnerId,
      lessonId: submission.lessonId,
      before: { status: "in_progress", score: null },
      after: { verdict: input.verdict, score: input.score, feedback: input.feedback },
    });
    const mail = missionCorrectedMail(context.locale, {
      firstName: context.firstName,
      courseName: context.courseName,
      lessonTitle: context.lessonTitle,
      verdict: input.verdict,
      score: input.score,
      feedback: input.feedback,
      link: `${config.publicUrl}/mes-formations`,
    });
    await enqueueMail(tx, {
      toEmail: context.email,
      toName: `${context.firstName} ${context.lastName}`,
      subject: mail.subject,
      text: mail.text,
      idempotencyKey: `mission-corrected:${submissionId}`,
    });
    return {
      score: input.score,
      verdict: input.verdict,
      feedback: input.feedback,
      correctedAt,
      tutor: { id: user.id, firstName: user.firstName, lastName: user.lastName },
    };
  });
}
