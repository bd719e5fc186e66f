import { sql } from "drizzle-orm";
import type { CurrentUser } from "../../../common/api/auth.js";
import type { AuditEntry, LessonStatsEdit, LessonStatsForm } from "../../../common/api/statistics.js";
import { ALLOWED_STATUSES, SCORM_LIMITS } from "../../../common/statuses.js";
import type { Db, Tx } from "../../db/client.js";
import { AppError, badRequest, notFound } from "../../errors.js";
import { courseScope, learnerEnrollment } from "../access/policy.js";
import { writeAudit } from "../audit/audit.js";
import { recomputeEnrollment } from "../tracking/summaries.js";
import * as q from "./queries.js";

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());
const round2 = (value: number) => Math.round(value * 100) / 100;

const stale = () =>
  new AppError(
    409,
    "stale",
    "The learner's data changed after the form was opened (new activity or another tutor's edit); nothing was saved. Reload and try again.",
  );

async function context(tx: Db | Tx, user: CurrentUser, courseId: string, learnerId: string, lessonId: string) {
  const scope = await courseScope(tx, user, courseId);
  const enrollmentId = await learnerEnrollment(tx, scope, learnerId);
  const lesson = await q.lessonOfCourse(tx, courseId, lessonId);
  if (!lesson) throw notFound("Lesson");
  return { enrollmentId, lesson };
}

/** What `Modifier les statistiques` opens with. */
export async function form(
  db: Db,
  user: CurrentUser,
  courseId: string,
  learnerId: string,
  lessonId: string,
): Promise<LessonStatsForm> {
  const { enrollmentId, lesson } = await context(db, user, courseId, learnerId, lessonId);
  const [stats, enrollment] = await Promise.all([
    q.lessonStats(db, enrollmentId, lessonId),
    q.enrollmentVersion(db, enrollmentId),
  ]);
  if (!stats || !enrollment) throw notFound("Lesson");
  const limits = SCORM_LIMITS[lesson.scormVersion ?? "2004"];
  return {
    status: stats.status,
    statusAt: iso(stats.statusAt),
    score: stats.score,
    timeSpentSeconds: stats.timeSpentSeconds,
    attemptsCount: stats.attemptsCount,
    location: stats.location,
    suspendData: stats.suspendData,
    allowedStatuses: ALLOWED_STATUSES[lesson.type],
    scormVersion: lesson.type === "elearning" ? (lesson.scormVersion ?? "2004") : null,
    limits: { location: limits.location, suspendData: limits.suspendData },
    version: enrollment.version,
    enrolledAt: new Date(enrollment.enrolledAt).toISOString(),
  };
}

/**
 * Saves a statistics edit (R6) in one transaction: refused if the learner's data changed since
 * the form opened; each changed value becomes the tutor's override; the lesson, the learner's
 * summary and the course indicators are recomputed; the audit entry keeps before and after.
 */
export async function edit(
  db: Db,
  user: CurrentUser,
  courseId: string,
  learnerId: string,
  lessonId: string,
  input: LessonStatsEdit,
) {
  return db.transaction(async (tx) => {
    const { enrollmentId, lesson } = await context(tx, user, courseId, learnerId, lessonId);
    const enrollment = await q.lockEnrollment(tx, enrollmentId);
    if (enrollment.version !== input.expectedVersion) throw stale();
    if (!ALLOWED_STATUSES[lesson.type].includes(input.status)) {
      throw badRequest("body.status", "not_allowed", `A ${lesson.type} lesson can't have the status ${input.status}`);
    }
    if (input.statusAt) {
      const at = new Date(input.statusAt).getTime();
      if (at > Date.now() + 60_000)
        throw badRequest("body.statusAt", "not_in_future", "The date can't be in the future");
      if (at < new Date(enrollment.enrolledAt).getTime()) {
        throw badRequest("body.statusAt", "after_enrollment", "The date can't precede the enrollment");
      }
    }
    const limits = SCORM_LIMITS[lesson.scormVersion ?? "2004"];
    if (lesson.type !== "elearning" && (input.location || input.suspendData)) {
      const field = input.location ? "body.location" : "body.suspendData";
      throw badRequest(field, "not_applicable", "Location and suspend data exist only for e-learning lessons");
    }
    if (input.location.length > limits.location) {
      throw badRequest(
        "body.location",
        "too_big",
        `At most ${limits.location} characters (SCORM ${lesson.scormVersion ?? "2004"})`,
      );
    }
    if (input.suspendData.length > limits.suspendData) {
      throw badRequest(
        "body.suspendData",
        "too_big",
        `At most ${limits.suspendData} characters (SCORM ${lesson.scormVersion ?? "2004"})`,
      );
    }
    const current = await q.lessonStats(tx, enrollmentId, lessonId);
    if (!current) throw notFound("Lesson");
    const cmiChanged = input.location !== current.location || input.suspendData !== current.suspendData;
    if (cmiChanged && !current.lastAttemptId) {
      throw badRequest(
        "body.location",
        "no_attempt",
        "The learner has no attempt whose location or suspend data could be set",
      );
    }
    const score = input.score === null ? null : round2(input.score);
    const statusAt = input.statusAt ? new Date(input.statusAt).toISOString() : null;
    // A value the tutor left as it was keeps following the learner's activity.
    const before: q.Overrides = {
      overrideStatus: current.overrideStatus,
      overrideStatusAt: iso(current.overrideStatusAt),
      overrideScore: current.overrideScore,
      overrideTimeSeconds: current.overrideTimeSeconds,
      attemptsResetAfter: current.attemptsResetAfter,
    };
    const after: q.Overrides = {
      overrideStatus: input.status !== current.status ? input.status : before.overrideStatus,
      overrideStatusAt: statusAt !== iso(current.statusAt) ? statusAt : before.overrideStatusAt,
      overrideScore: score !== current.score ? score : before.overrideScore,
      overrideTimeSeconds:
        input.timeSpentSeconds !== current.timeSpentSeconds ? input.timeSpentSeconds : before.overrideTimeSeconds,
      attemptsResetAfter: input.clearAttempts ? current.lastAttemptNumber : before.attemptsResetAfter,
    };
    await q.setOverrides(tx, enrollmentId, lessonId, after);
    if (cmiChanged && current.lastAttemptId) {
      await q.setCmiText(tx, current.lastAttemptId, input.location, input.suspendData);
    }
    await recomputeEnrollment(tx, enrollmentId);
    const updated = await q.lessonStats(tx, enrollmentId, lessonId);
    const version = await q.currentVersion(tx, enrollmentId);
    const shown = (s: typeof current) => ({
      status: s?.status,
      statusAt: iso(s?.statusAt ?? null),
      score: s?.score,
      timeSpentSeconds: s?.timeSpentSeconds,
      attemptsCount: s?.attemptsCount,
      location: s?.location,
      suspendData: s?.suspendData,
    });
    const auditId = await writeAudit(tx, {
      actorId: user.id,
      action: "lesson_stats.edit",
      entityType: "lesson_stats",
      entityId: `${enrollmentId}:${lessonId}`,
      courseId,
      learnerId,
      lessonId,
      before: { ...shown(current), overrides: before },
      after: { ...shown(updated ?? current), overrides: after, version },
      reason: input.reason || null,
    });
    return { version, auditId };
  });
}

/** Deletes one attempt (and its sessions), recomputes, and keeps it in the audit trail. */
export async function deleteAttempt(
  db: Db,
  user: CurrentUser,
  courseId: string,
  learnerId: string,
  lessonId: string,
  number: number,
  expectedVersion: number,
) {
  return db.transaction(async (tx) => {
    const { enrollmentId } = await context(tx, user, courseId, learnerId, lessonId);
    const enrollment = await q.lockEnrollment(tx, enrollmentId);
    if (enrollment.version !== expectedVersion) throw stale();
    const attempt = await q.findAttempt(tx, enrollmentId, lessonId, number);
    if (!attempt) throw notFound("Attempt");
    const sessions = await q.attemptSessions(tx, attempt.id);
    await q.deleteAttempt(tx, attempt.id);
    await recomputeEnrollment(tx, enrollmentId);
    const version = await q.currentVersion(tx, enrollmentId);
    const auditId = await writeAudit(tx, {
      actorId: user.id,
      action: "attempt.delete",
      entityType: "attempt",
      entityId: String(attempt.id),
      courseId,
      learnerId,
      lessonId,
      before: { attempt, sessions },
      after: { version },
    });
    return { version, auditId };
  });
}

function presentAudit(row: q.AuditRow): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: row.actorId
      ? { id: row.actorId, firstName: row.actorFirstName ?? "", lastName: row.actorLastName ?? "" }
      : null,
    action: row.action,
    course: row.courseId ? { id: row.courseId, name: row.courseName ?? "" } : null,
    learner: row.learnerId
      ? { id: row.learnerId, firstName: row.learnerFirstName ?? "", lastName: row.learnerLastName ?? "" }
      : null,
    lesson: row.lessonId ? { id: row.lessonId, title: row.lessonTitle ?? "" } : null,
    before: row.before,
    after: row.after,
    reason: row.reason,
    undoable: row.undoable,
  };
}

/** The `Modifications` of a learner in a course (B4). */
export async function learnerAudit(
  db: Db,
  user: CurrentUser,
  courseId: string,
  learnerId: string,
  page: { page: number; pageSize: number },
) {
  const scope = await courseScope(db, user, courseId);
  await learnerEnrollment(db, scope, learnerId);
  const { rows, total } = await q.auditEntries(
    db,
    sql`al.course_id = ${courseId} and al.learner_id = ${learnerId}`,
    page.page,
    page.pageSize,
  );
  return { items: rows.map(presentAudit), total, page: page.page, pageSize: page.pageSize };
}

/** Every audit entry, for admins, with filters. */
export async function adminAudit(
  db: Db,
  query: {
    page: number;
    pageSize: number;
    action?: string;
    courseId?: string;
    learnerId?: string;
    actorId?: string;
    from?: string;
    to?: string;
  },
) {
  const conditions = [sql`true`];
  if (query.action) conditions.push(sql`al.action = ${query.action}`);
  if (query.courseId) conditions.push(sql`al.course_id = ${query.courseId}`);
  if (query.learnerId) conditions.push(sql`al.learner_id = ${query.learnerId}`);
  if (query.actorId) conditions.push(sql`al.actor_id = ${query.actorId}`);
  if (query.from) conditions.push(sql`al.at >= ${query.from}`);
  if (query.to) conditions.push(sql`al.at <= ${query.to}`);
  const { rows, total } = await q.auditEntries(db, sql.join(conditions, sql` and `), query.page, query.pageSize);
  return { items: rows.map(presentAudit), total, page: query.page, pageSize: query.pageSize };
}

/** Undoes a statistics edit: restores the overrides it replaced, unless newer data came in since. */
export async function undo(db: Db, user: CurrentUser, auditId: number) {
  return db.transaction(async (tx) => {
    const entry = await q.findAuditEntry(tx, auditId);
    if (!entry?.courseId || !entry.learnerId || !entry.lessonId) throw notFound("Audit entry");
    // Scope first: an entry about a learner the user doesn't follow is answered 404 like any other object.
    const { enrollmentId, lesson } = await context(tx, user, entry.courseId, entry.learnerId, entry.lessonId);
    if (entry.action !== "lesson_stats.edit") {
      throw new AppError(409, "not_undoable", "Only a statistics edit can be undone");
    }
    if (entry.undone) throw new AppError(409, "already_undone", "This edit has already been undone");
    const enrollment = await q.lockEnrollment(tx, enrollmentId);
    if (enrollment.version !== entry.after?.version) {
      throw new AppError(
        409,
        "newer_data",
        "The learner's data changed after this edit (new activity or another edit); undoing it would overwrite them.",
      );
    }
    const restore = entry.before?.overrides;
    if (!restore) throw new AppError(409, "not_undoable", "This edit has no values to restore");
    const current = await q.lessonStats(tx, enrollmentId, lesson.id);
    await q.setOverrides(tx, enrollmentId, lesson.id, restore);
    if (
      current?.lastAttemptId &&
      entry.before?.location !== undefined &&
      (entry.before.location !== current.location || entry.before.suspendData !== current.suspendData)
    ) {
      await q.setCmiText(tx, current.lastAttemptId, entry.before.location, entry.before.suspendData ?? "");
    }
    await recomputeEnrollment(tx, enrollmentId);
    const version = await q.currentVersion(tx, enrollmentId);
    const id = await writeAudit(tx, {
      actorId: user.id,
      action: "lesson_stats.undo",
      entityType: "lesson_stats",
      entityId: `${enrollmentId}:${lesson.id}`,
      courseId: entry.courseId,
      learnerId: entry.learnerId,
      lessonId: lesson.id,
      before: entry.after,
      after: { overrides: restore, undoOf: auditId, version },
    });
    return { version, auditId: id };
  });
}
