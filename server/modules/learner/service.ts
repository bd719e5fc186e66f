import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { CurrentUser } from "../../../common/api/auth.js";
import {
  type EvaluationRequest,
  type LearnerComments,
  type LearnerCourse,
  type LearnerLesson,
  type MyCourses,
  SHEET_HEARTBEAT_SECONDS,
} from "../../../common/api/learner.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { AppError, badRequest, conflict, notFound } from "../../errors.js";
import { writeAudit } from "../audit/audit.js";
import { recomputeEnrollment } from "../tracking/summaries.js";
import { lockEnrollment, nextAttemptNumber } from "../tracking/writers.js";
import * as q from "./queries.js";

const iso = (value: string | Date) => new Date(value).toISOString();
const isoOrNull = (value: string | Date | null) => (value ? iso(value) : null);

/** A session whose last beat is older than this went stale (tab hidden, laptop asleep): it no longer grows. */
const STALE_SECONDS = SHEET_HEARTBEAT_SECONDS * 3;

/** `Mes formations`: the learner's courses and the catalogue courses open to them. */
export async function myCourses(db: Db, user: CurrentUser): Promise<MyCourses> {
  const [rows, open] = await Promise.all([q.findMyCourses(db, user.id), q.findOpenCourses(db, user.id)]);
  return {
    items: rows.map((r) => ({ ...r, objectiveAt: isoOrNull(r.objectiveAt) })),
    catalogue: open,
  };
}

/** The course as the learner may see it: enrolled, or open to them in the catalogue; 404 otherwise. */
async function visibleCourse(tx: Tx, user: CurrentUser, courseId: string) {
  const course = await q.findCourseForLearner(tx, courseId, user.id);
  if (!course || (!course.enrollmentId && !course.open)) throw notFound("Course");
  return course;
}

/** The learner's enrollment in the course, or 404 (lessons, comments and answers need one). */
async function enrollmentOf(tx: Tx, user: CurrentUser, courseId: string) {
  const course = await q.findCourseForLearner(tx, courseId, user.id);
  if (!course?.enrollmentId) throw notFound("Course");
  return { ...course, enrollmentId: course.enrollmentId };
}

async function lessonOf(tx: Tx, user: CurrentUser, courseId: string, lessonId: string) {
  const course = await enrollmentOf(tx, user, courseId);
  const lessons = await q.courseLessons(tx, courseId, course.enrollmentId);
  const index = lessons.findIndex((l) => l.id === lessonId);
  const lesson = lessons[index];
  if (!lesson) throw notFound("Lesson");
  return { course, lesson, lessons, index };
}

function presentLesson(l: q.LessonRow) {
  return {
    id: l.id,
    position: l.position,
    type: l.type,
    title: l.title,
    description: l.description,
    durationSeconds: l.durationSeconds,
    passingScore: l.passingScore,
    status: l.status ?? "not_attempted",
    score: l.score,
    attempts: l.attempts ?? 0,
    timeSpentSeconds: l.timeSpentSeconds ?? 0,
  };
}

/** Enrolls the learner in a catalogue course open to them (free enrollment), with its lesson statistics. */
export async function enroll(db: Db, user: CurrentUser, courseId: string) {
  return db.transaction(async (tx) => {
    const course = await visibleCourse(tx, user, courseId);
    if (course.enrollmentId) throw conflict("already_enrolled", "You are already enrolled in this course");
    const inserted = await q.insertEnrollment(tx, courseId, user.id);
    if (!inserted) throw conflict("already_enrolled", "You are already enrolled in this course");
    await recomputeEnrollment(tx, inserted.id);
    await writeAudit(tx, {
      actorId: user.id,
      action: "enrollment.self",
      entityType: "enrollment",
      entityId: inserted.id,
      courseId,
      learnerId: user.id,
      after: { type: "free" },
    });
    return { courseId, enrolledAt: iso(inserted.enrolledAt) };
  });
}

/** The learner's course page: lessons in order with their statistics, the review and the evaluation. */
export async function course(db: Db, user: CurrentUser, courseId: string): Promise<LearnerCourse> {
  const found = await visibleCourse(db, user, courseId);
  const [lessons, review, questions, response] = await Promise.all([
    q.courseLessons(db, courseId, found.enrollmentId),
    q.findReview(db, courseId, user.id),
    q.evaluationQuestions(db, courseId),
    q.evaluationResponse(db, courseId, user.id),
  ]);
  return {
    id: found.id,
    code: found.code,
    name: found.name,
    description: found.description,
    enrollment:
      found.enrollmentId && found.status && found.enrolledAt
        ? {
            status: found.status,
            progressPct: found.progressPct ?? 0,
            timeSpentSeconds: found.timeSpentSeconds ?? 0,
            enrolledAt: iso(found.enrolledAt),
            objectiveAt: isoOrNull(found.objectiveAt),
          }
        : null,
    lessons: lessons.map(presentLesson),
    review: review ? { rating: review.rating, comment: review.comment, updatedAt: iso(review.updatedAt) } : null,
    evaluation: {
      questions: questions.map((question) => ({
        id: question.id,
        kind: question.kind,
        label: question.label,
        options: Array.isArray(question.options) ? question.options.map(String) : [],
      })),
      submittedAt: response ? iso(response.submittedAt) : null,
      answers: response?.answers ?? [],
    },
  };
}

function sheetParagraphs(settings: Record<string, unknown>): string[] {
  const body = typeof settings.body === "string" ? settings.body : "";
  return body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
}

type SheetDocument = { fileName: string; mimeType: string; sizeBytes: number; storagePath: string };

function sheetDocument(settings: Record<string, unknown>): SheetDocument | null {
  const doc = settings.document as Partial<SheetDocument> | undefined;
  if (!doc || typeof doc.storagePath !== "string" || typeof doc.fileName !== "string") return null;
  return {
    fileName: doc.fileName,
    mimeType: typeof doc.mimeType === "string" ? doc.mimeType : "application/octet-stream",
    sizeBytes: typeof doc.sizeBytes === "number" ? doc.sizeBytes : 0,
    storagePath: doc.storagePath,
  };
}

const tutorName = (first: string | null, last: string | null) => `${first ?? ""} ${last ?? ""}`.trim();

/** One lesson for the learner, with what its type shows. */
export async function lesson(db: Db, user: CurrentUser, courseId: string, lessonId: string): Promise<LearnerLesson> {
  const { course, lesson: row, lessons, index } = await lessonOf(db, user, courseId, lessonId);
  const enrollmentId = course.enrollmentId;
  const settings = await q.lessonSettings(db, lessonId);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  const result: LearnerLesson = {
    course: { id: course.id, name: course.name },
    lesson: presentLesson(row),
    previous: previous ? { id: previous.id, title: previous.title } : null,
    next: next ? { id: next.id, title: next.title } : null,
    elearning: null,
    sheet: null,
    quiz: null,
    mission: null,
    webinar: null,
    observation: null,
  };
  switch (row.type) {
    case "elearning":
      result.elearning = { contentAvailable: await q.hasActivePackage(db, lessonId) };
      break;
    case "sheet": {
      const document = sheetDocument(settings);
      result.sheet = {
        paragraphs: sheetParagraphs(settings),
        document: document
          ? { fileName: document.fileName, mimeType: document.mimeType, sizeBytes: document.sizeBytes }
          : null,
        read: ["completed", "passed"].includes(row.status ?? ""),
      };
      break;
    }
    case "quiz": {
      const facts = await q.quizFacts(db, enrollmentId, lessonId);
      const quiz = settings.quiz as { attemptsLimit?: unknown } | undefined;
      const limit = typeof quiz?.attemptsLimit === "number" ? quiz.attemptsLimit : null;
      result.quiz = {
        questions: facts.questions,
        attemptsLimit: limit,
        attemptsUsed: facts.used,
        attemptsLeft: limit === null ? null : Math.max(0, limit - facts.used),
      };
      break;
    }
    case "mission": {
      const [subs, files] = await Promise.all([
        q.submissions(db, enrollmentId, lessonId),
        q.submissionFiles(db, enrollmentId, lessonId),
      ]);
      result.mission = {
        submissions: subs.map((s) => ({
          id: s.id,
          attemptNumber: s.attemptNumber,
          text: s.text,
          declaredTimeSeconds: s.declaredTimeSeconds,
          submittedAt: iso(s.submittedAt),
          files: files
            .filter((f) => f.submissionId === s.id)
            .map((f) => ({ id: f.id, fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes })),
          correction:
            s.verdict && s.correctedAt
              ? {
                  verdict: s.verdict,
                  score: s.score,
                  feedback: s.feedback ?? "",
                  correctedAt: iso(s.correctedAt),
                  tutorName: tutorName(s.tutorFirstName, s.tutorLastName),
                }
              : null,
        })),
        blockedBy: missionBlock(subs),
      };
      break;
    }
    case "webinar": {
      const classes = await q.lessonClasses(db, lessonId, user.id);
      result.webinar = {
        classes: classes.map((c) => ({
          id: c.id,
          title: c.title,
          startsAt: iso(c.startsAt),
          durationMinutes: c.durationMinutes,
          timeZone: c.timeZone,
          description: c.description,
          cancelled: c.cancelled,
          joinUrl: c.cancelled || c.over ? null : c.joinUrl,
          attended: c.attended,
        })),
      };
      break;
    }
    case "observation": {
      const found = await q.observations(db, enrollmentId, lessonId);
      result.observation = {
        observations: found.map((o) => ({
          number: o.number,
          observedAt: iso(o.observedAt),
          durationSeconds: o.durationSeconds,
          score: o.score,
          passed: o.passed,
          comment: o.comment,
          tutorName: tutorName(o.tutorFirstName, o.tutorLastName),
          ratings: o.ratings,
        })),
      };
      break;
    }
  }
  return result;
}

/** A new submission is refused while the last one waits for its correction, and once one passed. */
function missionBlock(subs: { verdict: "passed" | "failed" | null }[]): "waiting_correction" | "passed" | null {
  if (subs.some((s) => s.verdict === "passed")) return "passed";
  if (subs[0] && subs[0].verdict === null) return "waiting_correction";
  return null;
}

/** The practical sheet's PDF (or other document) of a lesson the learner is enrolled in. */
export async function sheetFile(db: Db, config: Config, user: CurrentUser, courseId: string, lessonId: string) {
  const { lesson: row } = await lessonOf(db, user, courseId, lessonId);
  if (row.type !== "sheet") throw notFound("Document");
  const document = sheetDocument(await q.lessonSettings(db, lessonId));
  if (!document) throw notFound("Document");
  const root = path.resolve(config.dataDir);
  const absolute = path.resolve(root, document.storagePath);
  if (!absolute.startsWith(root + path.sep)) throw notFound("Document");
  try {
    await fs.access(absolute);
  } catch {
    throw notFound("Document");
  }
  const isPdf = document.mimeType === "application/pdf" && document.fileName.toLowerCase().endsWith(".pdf");
  return { absolute, fileName: document.fileName, isPdf };
}

async function sheetLesson(tx: Tx, user: CurrentUser, courseId: string, lessonId: string) {
  const found = await lessonOf(tx, user, courseId, lessonId);
  if (found.lesson.type !== "sheet") {
    throw new AppError(409, "not_a_sheet", "Only a practical sheet counts reading time and can be marked as read");
  }
  return found;
}

/** The sheet's reading attempt: the latest one, or a first one created now. */
async function readingAttempt(tx: Tx, enrollmentId: string, lessonId: string) {
  const latest = await q.latestAttempt(tx, enrollmentId, lessonId);
  if (latest) return latest;
  const number = await nextAttemptNumber(tx, enrollmentId, lessonId);
  return q.insertReadingAttempt(tx, enrollmentId, lessonId, number);
}

/** Opens a reading session on a practical sheet (the page is shown); its time grows with heartbeats. */
export async function openSession(db: Db, user: CurrentUser, courseId: string, lessonId: string) {
  return db.transaction(async (tx) => {
    const { course } = await sheetLesson(tx, user, courseId, lessonId);
    await lockEnrollment(tx, course.enrollmentId);
    const attempt = await readingAttempt(tx, course.enrollmentId, lessonId);
    const sessionId = await q.insertSession(tx, course.enrollmentId, lessonId, attempt.id);
    await recomputeEnrollment(tx, course.enrollmentId);
    return { sessionId, heartbeatSeconds: SHEET_HEARTBEAT_SECONDS };
  });
}

/**
 * A heartbeat (or the closing beacon) of an open sheet: the session now lasts until now, capped by
 * the platform's session cap. A stale session (no beat for STALE_SECONDS) is not extended: 409 on
 * a heartbeat, so the page opens a new one; the beacon just leaves it as it was.
 */
export async function beat(
  db: Db,
  user: CurrentUser,
  courseId: string,
  lessonId: string,
  sessionId: number,
  closing: boolean,
) {
  return db.transaction(async (tx) => {
    const { course } = await sheetLesson(tx, user, courseId, lessonId);
    await lockEnrollment(tx, course.enrollmentId);
    const extended = await q.extendSession(tx, sessionId, course.enrollmentId, lessonId, STALE_SECONDS);
    if (!extended) {
      const existing = await q.findSession(tx, sessionId, course.enrollmentId, lessonId);
      if (!existing) throw notFound("Session");
      if (closing) return { durationSeconds: existing.durationSeconds };
      throw conflict("session_stale", "This reading session ended; open a new one");
    }
    if (extended.attemptId) await q.touchAttemptEnd(tx, extended.attemptId);
    await recomputeEnrollment(tx, course.enrollmentId);
    return { durationSeconds: extended.durationSeconds };
  });
}

/** `Marquer comme lu`: the sheet's reading attempt becomes completed. */
export async function markRead(db: Db, user: CurrentUser, courseId: string, lessonId: string) {
  return db.transaction(async (tx) => {
    const { course } = await sheetLesson(tx, user, courseId, lessonId);
    await lockEnrollment(tx, course.enrollmentId);
    const attempt = await readingAttempt(tx, course.enrollmentId, lessonId);
    await q.markAttemptCompleted(tx, attempt.id);
    await recomputeEnrollment(tx, course.enrollmentId);
    const lessons = await q.courseLessons(tx, courseId, course.enrollmentId);
    const row = lessons.find((l) => l.id === lessonId);
    return { status: row?.status ?? "completed" };
  });
}

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  data: Buffer;
}

/**
 * Submits a mission: a new attempt, its submission and files, in one transaction with the
 * statistics, so the tutor's `Missions à corriger` shows it at once. Files are written before the
 * transaction commits and removed if it fails, so nothing is left half-written.
 */
export async function submitMission(
  db: Db,
  config: Config,
  user: CurrentUser,
  courseId: string,
  lessonId: string,
  input: { text: string; declaredMinutes: number; files: UploadedFile[] },
) {
  if (!input.text.trim() && input.files.length === 0) {
    throw badRequest("text", "required", "Write an answer or attach at least one file");
  }
  const folder = randomUUID();
  const root = path.resolve(config.dataDir, "files");
  const written: string[] = [];
  try {
    return await db.transaction(async (tx) => {
      const { course, lesson: row } = await lessonOf(tx, user, courseId, lessonId);
      if (row.type !== "mission") throw new AppError(409, "not_a_mission", "Only a mission takes submissions");
      const number = await nextAttemptNumber(tx, course.enrollmentId, lessonId);
      const block = missionBlock(await q.submissions(tx, course.enrollmentId, lessonId));
      if (block === "waiting_correction") {
        throw conflict("waiting_correction", "Your previous submission is waiting for its correction");
      }
      if (block === "passed") throw conflict("mission_passed", "This mission is already passed");
      const declaredTimeSeconds = input.declaredMinutes * 60;
      const submission = await q.insertSubmission(tx, {
        enrollmentId: course.enrollmentId,
        lessonId,
        number,
        text: input.text.trim(),
        declaredTimeSeconds,
      });
      for (const file of input.files) {
        const id = randomUUID();
        const storagePath = path.posix.join("missions", folder, id);
        const absolute = path.resolve(root, storagePath);
        await fs.mkdir(path.dirname(absolute), { recursive: true });
        await fs.writeFile(absolute, file.data, { flag: "wx" });
        written.push(absolute);
        await q.insertMissionFile(tx, {
          id,
          submissionId: submission.id,
          fileName: file.fileName,
          mimeType: file.mimeType,
          sizeBytes: file.data.length,
          storagePath,
        });
      }
      await recomputeEnrollment(tx, course.enrollmentId);
      return { id: submission.id, attemptNumber: number, submittedAt: iso(submission.submittedAt) };
    });
  } catch (error) {
    await fs.rm(path.resolve(root, "missions", folder), { recursive: true, force: true });
    throw error;
  }
}

/** A file of one of the learner's own submissions. */
export async function missionFile(
  db: Db,
  config: Config,
  user: CurrentUser,
  courseId: string,
  lessonId: string,
  submissionId: string,
  fileId: string,
) {
  const { course } = await lessonOf(db, user, courseId, lessonId);
  const found = (await q.submissionFiles(db, course.enrollmentId, lessonId)).find(
    (f) => f.id === fileId && f.submissionId === submissionId,
  );
  if (!found) throw notFound("File");
  const root = path.resolve(config.dataDir, "files");
  const absolute = path.resolve(root, found.storagePath);
  if (!absolute.startsWith(root + path.sep)) throw notFound("File");
  try {
    await fs.access(absolute);
  } catch {
    throw notFound("File");
  }
  return { absolute, fileName: found.fileName };
}

/** The lesson's comments by the course's learners, with the tutors' answers. */
export async function comments(
  db: Db,
  user: CurrentUser,
  courseId: string,
  lessonId: string,
  page: { page: number; pageSize: number },
): Promise<LearnerComments> {
  await lessonOf(db, user, courseId, lessonId);
  const { top, answers, total } = await q.comments(db, courseId, lessonId, page.page, page.pageSize);
  const author = (r: { authorId: string; firstName: string; lastName: string }) => ({
    id: r.authorId,
    firstName: r.firstName,
    lastName: r.lastName,
  });
  return {
    items: top.map((c) => ({
      id: c.id,
      author: author(c),
      mine: c.authorId === user.id,
      body: c.body,
      createdAt: iso(c.createdAt),
      answers: answers
        .filter((a) => a.parentId === c.id)
        .map((a) => ({ id: a.id, author: author(a), body: a.body, createdAt: iso(a.createdAt) })),
    })),
    total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

export async function addComment(db: Db, user: CurrentUser, courseId: string, lessonId: string, body: string) {
  return db.transaction(async (tx) => {
    await lessonOf(tx, user, courseId, lessonId);
    const row = await q.insertComment(tx, lessonId, user.id, body);
    return {
      id: row.id,
      author: { id: row.authorId, firstName: row.firstName, lastName: row.lastName },
      mine: true,
      body: row.body,
      createdAt: iso(row.createdAt),
      answers: [],
    };
  });
}

/** Rates and reviews the course once; later calls edit the same review. */
export async function saveReview(
  db: Db,
  user: CurrentUser,
  courseId: string,
  input: { rating: number; comment: string },
) {
  return db.transaction(async (tx) => {
    await enrollmentOf(tx, user, courseId);
    const { row, before } = await q.upsertReview(tx, courseId, user.id, input.rating, input.comment);
    await writeAudit(tx, {
      actorId: user.id,
      action: before ? "review.update" : "review.create",
      entityType: "review",
      entityId: row.id,
      courseId,
      learnerId: user.id,
      before: before ? { rating: before.rating, comment: before.comment } : undefined,
      after: { rating: row.rating, comment: row.comment },
    });
    return { rating: row.rating, comment: row.comment, updatedAt: iso(row.updatedAt) };
  });
}

/**
 * Answers the satisfaction evaluation, once: every rating and choice question needs an answer
 * (a choice among its options), text answers are optional; 409 when already answered.
 */
export async function answerEvaluation(db: Db, user: CurrentUser, courseId: string, input: EvaluationRequest) {
  return db.transaction(async (tx) => {
    await enrollmentOf(tx, user, courseId);
    const questions = await q.evaluationQuestions(tx, courseId);
    if (questions.length === 0) throw notFound("Evaluation");
    if (await q.evaluationResponse(tx, courseId, user.id)) {
      throw conflict("already_answered", "You have already answered this evaluation");
    }
    const byId = new Map(input.answers.map((a, i) => [a.questionId, { answer: a, index: i }] as const));
    for (const [i, a] of input.answers.entries()) {
      if (!questions.some((question) => question.id === a.questionId)) {
        throw badRequest(`answers.${i}.questionId`, "unknown", "This question is not part of the course's evaluation");
      }
    }
    const rows = questions.map((question) => {
      const given = byId.get(question.id);
      const a = given?.answer;
      // A question left out is named by the list; a question sent without its value by its entry.
      const field = (key: string) => (given ? `answers.${given.index}.${key}` : "answers");
      if (question.kind === "rating") {
        if (!a?.rating) throw badRequest(field("rating"), "required", `Answer: ${question.label}`);
        return { questionId: question.id, rating: a.rating, choice: null, text: null };
      }
      if (question.kind === "choice") {
        const options = Array.isArray(question.options) ? question.options.map(String) : [];
        if (!a?.choice) throw badRequest(field("choice"), "required", `Answer: ${question.label}`);
        if (!options.includes(a.choice)) {
          throw badRequest(field("choice"), "one_of", `Choose one of: ${options.join(", ")}`);
        }
        return { questionId: question.id, rating: null, choice: a.choice, text: null };
      }
      const text = a?.text?.trim() ?? "";
      return { questionId: question.id, rating: null, choice: null, text: text || null };
    });
    const response = await q.insertEvaluationResponse(tx, courseId, user.id);
    if (!response) throw conflict("already_answered", "You have already answered this evaluation");
    for (const row of rows) await q.insertEvaluationAnswer(tx, response.id, row);
    return { submittedAt: iso(response.submittedAt) };
  });
}
