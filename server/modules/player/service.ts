import { createHash } from "node:crypto";
import type { CurrentUser } from "../../../common/api/auth.js";
import type { CommitCmi, CommitRequest, CommitResult, Launch, PreviewLaunch } from "../../../common/api/player.js";
import { lessonStatusFromCmi } from "../../../common/scorm-status.js";
import { SCORM_LIMITS } from "../../../common/statuses.js";
import type { Db, Tx } from "../../db/client.js";
import { AppError, badRequest, notFound } from "../../errors.js";
import { courseScope } from "../access/policy.js";
import * as scormQ from "../scorm/queries.js";
import { recomputeEnrollment } from "../tracking/summaries.js";
import { type KnownAttempt, KnownAttempts } from "./knownAttempts.js";
import * as q from "./queries.js";

const contentUrl = (pkg: scormQ.PackageRow) =>
  `/content/scorm/${pkg.id}/${pkg.launchPath
    .split("/")
    .map((segment, i, all) => (i === all.length - 1 ? segment : encodeURIComponent(segment)))
    .join("/")}`;

/** SCORM 1.2 writes the learner's name "Last, First". */
const learnerName = (user: CurrentUser) => `${user.lastName}, ${user.firstName}`;

async function elearningLesson(db: Db, lessonId: string) {
  const lesson = await scormQ.findLesson(db, lessonId);
  if (lesson?.type !== "elearning") throw notFound("Lesson");
  const pkg = await scormQ.activePackage(db, lessonId);
  if (!pkg) throw new AppError(404, "no_content", "This e-learning lesson has no SCORM package yet");
  return { lesson, pkg };
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * A learner launches an e-learning lesson: a new attempt and its first session. When the previous
 * attempt was left unfinished, the new one starts from its location and suspend data (entry
 * "resume"); an attempt left open by a closed browser is ended when its last session ended.
 */
export async function launch(db: Db, user: CurrentUser, lessonId: string): Promise<Launch> {
  const { lesson, pkg } = await elearningLesson(db, lessonId);
  return db.transaction(async (tx) => {
    const enrollment = await q.lockEnrollment(tx, lesson.courseId, user.id);
    if (!enrollment) throw notFound("Lesson");
    const last = await q.lastAttempt(tx, enrollment.id, lessonId);
    if (last && !last.endedAt) await q.closeOpenAttempt(tx, Number(last.id));
    const resume =
      last?.status === "in_progress" && (text(last.cmi.location) !== "" || text(last.cmi.suspend_data) !== "");
    const location = resume ? text(last?.cmi.location) : "";
    const suspendData = resume ? text(last?.cmi.suspend_data) : "";
    const entry = resume ? "resume" : "ab-initio";
    const number = (last?.number ?? 0) + 1;
    const attemptId = await q.insertAttempt(tx, {
      enrollmentId: enrollment.id,
      lessonId,
      number,
      cmi: { version: pkg.version, entry, location, suspend_data: suspendData },
      data: { packageId: pkg.id, version: pkg.version, masteryScore: pkg.masteryScore },
    });
    const sessionId = await q.insertSession(tx, { enrollmentId: enrollment.id, lessonId, attemptId });
    await recomputeEnrollment(tx, enrollment.id);
    return {
      attemptId,
      sessionId,
      attemptNumber: number,
      version: pkg.version,
      contentUrl: contentUrl(pkg),
      cmi: {
        entry,
        location,
        suspendData,
        learnerId: user.id,
        learnerName: learnerName(user),
        mode: "normal",
        credit: "credit",
        masteryScore: pkg.masteryScore,
      },
      lesson: { id: lesson.id, title: lesson.title, courseId: lesson.courseId, courseName: lesson.courseName },
    };
  });
}

/** `Lancer le contenu` for a tutor of the course or an admin: the same content, nothing recorded. */
export async function preview(db: Db, user: CurrentUser, lessonId: string): Promise<PreviewLaunch> {
  const lesson = await scormQ.findLesson(db, lessonId);
  if (lesson?.type !== "elearning") throw notFound("Lesson");
  await courseScope(db, user, lesson.courseId);
  const { pkg } = await elearningLesson(db, lessonId);
  return {
    version: pkg.version,
    contentUrl: contentUrl(pkg),
    cmi: {
      entry: "ab-initio",
      location: "",
      suspendData: "",
      learnerId: user.id,
      learnerName: learnerName(user),
      mode: "normal",
      credit: "no-credit",
      masteryScore: pkg.masteryScore,
    },
    lesson: { id: lesson.id, title: lesson.title, courseId: lesson.courseId, courseName: lesson.courseName },
  };
}

/** What an attempt stores of a commit (snake_case, as the SCORM data model and the R6 edit name them). */
function storedCmi(version: "1.2" | "2004", entry: unknown, cmi: CommitCmi): Record<string, unknown> {
  return {
    version,
    entry: text(entry),
    lesson_status: cmi.lessonStatus,
    completion_status: cmi.completionStatus,
    success_status: cmi.successStatus,
    score: cmi.score,
    progress_measure: cmi.progressMeasure,
    session_time: cmi.sessionTime,
    location: cmi.location,
    suspend_data: cmi.suspendData,
    exit: cmi.exit,
    interactions: cmi.interactions,
    objectives: cmi.objectives,
  };
}

/** Compares CMI data without keeping it: sha-256 of its canonical JSON. */
const digest = (cmi: unknown) => createHash("sha256").update(canonical(cmi)).digest("base64");

/** JSON with sorted keys, so a stored jsonb (keys reordered) compares with a new commit. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The 400 a commit's CMI data gets for breaking the version's limits, or null. */
function limitsError(version: "1.2" | "2004", cmi: CommitCmi): AppError | null {
  const limits = SCORM_LIMITS[version];
  if (cmi.location.length > limits.location) {
    return badRequest(
      "body.cmi.location",
      "max_length",
      `body.cmi.location: at most ${limits.location} characters in SCORM ${version}`,
    );
  }
  if (cmi.suspendData.length > limits.suspendData) {
    return badRequest(
      "body.cmi.suspendData",
      "max_length",
      `body.cmi.suspendData: at most ${limits.suspendData} characters in SCORM ${version}`,
    );
  }
  if (version === "1.2" && (cmi.completionStatus !== null || cmi.successStatus !== null)) {
    const field = cmi.completionStatus !== null ? "completionStatus" : "successStatus";
    return badRequest(`body.cmi.${field}`, "version", `body.cmi.${field}: not part of SCORM 1.2 (use lessonStatus)`);
  }
  if (version === "2004" && cmi.lessonStatus !== null) {
    return badRequest("body.cmi.lessonStatus", "version", "body.cmi.lessonStatus: not part of SCORM 2004");
  }
  return null;
}

/**
 * Stores a commit (or the terminating one). The commit route must take 2,000 commits a second
 * (issue #8), so a commit takes one or two round trips and no transaction of its own: the attempt
 * as this instance's last commit of it left it (knownAttempts.ts), or else as it stands
 * (findAttempt); then, from it, the attempt's CMI data, status and score, the session's duration,
 * and the learner's statistics and summary, updated incrementally in one statement (applyCommit),
 * written only if neither the attempt nor the enrollment changed since. When the known state was
 * out of date, the commit is done from a fresh read; when that changed too (a tutor's edit, the
 * same learner's other request), it is done again in a transaction that first locks them, so it
 * waits its turn instead of retrying. Someone else's attempt is 404, a finished one 409, both
 * changing nothing; the same commit twice writes once.
 */
export async function commit(
  db: Db,
  user: CurrentUser,
  attemptId: number,
  input: CommitRequest,
  terminate: boolean,
): Promise<CommitResult> {
  const known = knownAttempts.get(attemptId);
  if (
    known &&
    known.userId === user.id &&
    known.sessionId === input.sessionId &&
    !limitsError(known.scormVersion, input.cmi)
  ) {
    const written = await write(db, attemptId, known, input, terminate, true);
    if (written) return remember(attemptId, written);
    knownAttempts.delete(attemptId);
  }
  const written = await tryCommit(db, user, attemptId, input, terminate);
  if (written) return remember(attemptId, written);
  const locked = await db.transaction(async (tx) => {
    await q.lockEnrollmentOfAttempt(tx, attemptId);
    const result = await tryCommit(tx, user, attemptId, input, terminate);
    if (!result) throw new Error(`Commit of attempt ${attemptId} not applied under its locks`);
    return result;
  });
  return remember(attemptId, locked);
}

/** The attempts this instance last wrote, for their next commit (knownAttempts.ts). */
const knownAttempts = new KnownAttempts(10_000);

/** Keeps the attempt as the commit left it (once its transaction, if any, is over), or forgets it. */
function remember(attemptId: number, written: Written): CommitResult {
  if (written.next) knownAttempts.set(attemptId, written.next);
  else knownAttempts.delete(attemptId);
  return written.result;
}

/** A commit's answer, and the attempt as it left it (null when it ended it or wrote nothing new). */
interface Written {
  result: CommitResult;
  next: KnownAttempt | null;
}

/** One try at a commit from the attempt as read now; null when it changed meanwhile. */
async function tryCommit(
  tx: Tx,
  user: CurrentUser,
  attemptId: number,
  input: CommitRequest,
  terminate: boolean,
): Promise<Written | null> {
  const attempt = await q.findAttempt(tx, attemptId, input.sessionId);
  if (!attempt || attempt.userId !== user.id) throw notFound("Attempt");
  if (!attempt.sessionFound) throw notFound("Session");
  if (attempt.endedAt) {
    throw new AppError(409, "attempt_finished", "This attempt has ended; launch the lesson again to continue");
  }
  const scormVersion = attempt.data.version === "1.2" ? "1.2" : "2004";
  const error = limitsError(scormVersion, input.cmi);
  if (error) throw error;
  const state: KnownAttempt = {
    userId: attempt.userId,
    sessionId: input.sessionId,
    enrollmentId: attempt.enrollmentId,
    lessonId: attempt.lessonId,
    courseId: attempt.courseId,
    scormVersion,
    entry: attempt.cmi.entry,
    masteryScore: typeof attempt.data.masteryScore === "number" ? attempt.data.masteryScore : null,
    passingScore: attempt.passingScore,
    status: attempt.status,
    statusAt: attempt.statusAt,
    attemptVersion: attempt.version,
    enrollmentVersion: attempt.enrollmentVersion,
    cmiDigest: digest(attempt.cmi),
  };
  return write(tx, attemptId, state, input, terminate, false);
}

/**
 * The commit written from the attempt's state: read just now, or `known` (as this instance last
 * wrote it, then the write also checks the passing score, and a commit that changes nothing is
 * left to a fresh read to confirm). Null when the attempt or the enrollment changed meanwhile.
 */
async function write(
  tx: Tx,
  attemptId: number,
  state: KnownAttempt,
  input: CommitRequest,
  terminate: boolean,
  known: boolean,
): Promise<Written | null> {
  const { status, scorePct } = lessonStatusFromCmi({
    version: state.scormVersion,
    lessonStatus: input.cmi.lessonStatus,
    completionStatus: input.cmi.completionStatus,
    successStatus: input.cmi.successStatus,
    score: input.cmi.score,
    masteryScore: state.masteryScore,
    passingScore: state.passingScore,
  });
  const result: CommitResult = { result: true, errorCode: 0, status, score: scorePct };
  const cmi = storedCmi(state.scormVersion, state.entry, input.cmi);
  const cmiDigest = digest(cmi);
  if (cmiDigest === state.cmiDigest && !terminate) return known ? null : { result, next: state };

  const statusAt =
    status === "in_progress"
      ? null
      : status === state.status && state.statusAt
        ? new Date(state.statusAt).toISOString()
        : new Date().toISOString();
  const applied = await q.applyCommit(tx, {
    attemptId,
    attemptVersion: state.attemptVersion,
    enrollmentVersion: state.enrollmentVersion,
    sessionId: input.sessionId,
    enrollmentId: state.enrollmentId,
    lessonId: state.lessonId,
    courseId: state.courseId,
    userId: state.userId,
    ...(known ? { knownPassingScore: state.passingScore } : {}),
    cmi,
    status,
    statusAt,
    score: scorePct,
    end: terminate,
  });
  if (!applied) return null;
  return { result, next: terminate ? null : { ...state, status, statusAt, cmiDigest, ...applied } };
}
