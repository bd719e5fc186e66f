import type { CurrentUser } from "../../../common/api/auth.js";
import type { Grid, ObservationRequest, ObservationResult } from "../../../common/api/observations.js";
import type { Db } from "../../db/client.js";
import { badRequest, notFound } from "../../errors.js";
import { courseScope, learnerEnrollment, learnersInScope } from "../access/policy.js";
import { writeAudit } from "../audit/audit.js";
import { recomputeEnrollment } from "../tracking/summaries.js";
import { nextAttemptNumber } from "../tracking/writers.js";
import * as q from "./queries.js";
import { scoreObservation } from "./scoring.js";

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/** `Observations à faire`: learners of the tutor whose observation lesson is not passed. */
export async function todos(
  db: Db,
  user: CurrentUser,
  courseId: string,
  query: { page: number; pageSize: number; q?: string },
) {
  const scope = await courseScope(db, user, courseId);
  const { rows, total } = await q.todos(db, courseId, learnersInScope(scope), query.q, query.page, query.pageSize);
  return {
    items: rows.map((r) => ({
      learner: { id: r.learnerId, firstName: r.firstName, lastName: r.lastName },
      lesson: { id: r.lessonId, title: r.lessonTitle },
      status: r.status,
      attempts: r.attempts,
      lastScore: r.lastScore,
      lastObservedAt: iso(r.lastObservedAt),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The grid of an observation lesson of a tutored course. */
export async function grid(db: Db, user: CurrentUser, courseId: string, lessonId: string): Promise<Grid> {
  await courseScope(db, user, courseId);
  const found = await q.findGrid(db, courseId, lessonId);
  if (!found) throw notFound("Observation grid");
  return {
    lessonId,
    lessonTitle: found.lessonTitle,
    passingScore: found.passingScore,
    levels: found.levels,
    criteria: found.criteria,
  };
}

/**
 * Records a filled grid (T8) in one transaction: a new attempt scored by the grid, the
 * observation and its ratings, the learner's statistics, and the audit entry.
 */
export async function observe(
  db: Db,
  user: CurrentUser,
  courseId: string,
  input: ObservationRequest,
): Promise<ObservationResult> {
  return db.transaction(async (tx) => {
    const scope = await courseScope(tx, user, courseId);
    const enrollmentId = await learnerEnrollment(tx, scope, input.learnerId);
    const found = await q.findGrid(tx, courseId, input.lessonId);
    if (!found) throw notFound("Observation grid");

    const known = new Set(found.criteria.map((c) => c.id));
    const ratings = new Map<string, number>();
    for (const [i, rating] of input.ratings.entries()) {
      if (!known.has(rating.criterionId)) {
        throw badRequest(`body.ratings.${i}.criterionId`, "unknown", "This criterion is not in the lesson's grid");
      }
      if (ratings.has(rating.criterionId)) {
        throw badRequest(`body.ratings.${i}.criterionId`, "duplicate", "Each criterion is rated once");
      }
      if (rating.levelIndex >= found.levels.length) {
        throw badRequest(
          `body.ratings.${i}.levelIndex`,
          "too_big",
          `The grid has ${found.levels.length} levels (0 to ${found.levels.length - 1})`,
        );
      }
      ratings.set(rating.criterionId, rating.levelIndex);
    }
    const missing = found.criteria.find((c) => !ratings.has(c.id));
    if (missing) throw badRequest("body.ratings", "incomplete", `The criterion "${missing.label}" has no level`);
    const observedAt = new Date(input.observedAt);
    if (observedAt.getTime() > Date.now() + 60_000) {
      throw badRequest("body.observedAt", "not_in_future", "The observation date can't be in the future");
    }
    const enrolledAt = await q.enrolledAt(tx, enrollmentId);
    if (enrolledAt && observedAt.getTime() < new Date(enrolledAt).getTime()) {
      throw badRequest("body.observedAt", "after_enrollment", "The observation date can't precede the enrollment");
    }

    const result = scoreObservation(
      found.levels,
      found.criteria.map((c) => ({ id: c.id, weight: c.weight, required: c.required })),
      ratings,
      found.passingScore,
    );
    const number = await nextAttemptNumber(tx, enrollmentId, input.lessonId);
    const id = await q.insertObservation(tx, {
      enrollmentId,
      lessonId: input.lessonId,
      gridId: found.id,
      tutorId: user.id,
      number,
      observedAt: observedAt.toISOString(),
      durationSeconds: input.durationSeconds,
      score: result.score,
      passed: result.passed,
      comment: input.comment,
      ratings: input.ratings,
    });
    await recomputeEnrollment(tx, enrollmentId);
    await writeAudit(tx, {
      actorId: user.id,
      action: "observation.record",
      entityType: "observation",
      entityId: id,
      courseId,
      learnerId: input.learnerId,
      lessonId: input.lessonId,
      after: { score: result.score, passed: result.passed, attempt: number, ratings: input.ratings },
    });
    const labels = new Map(found.criteria.map((c) => [c.id, c.label]));
    return {
      id,
      score: result.score,
      passed: result.passed,
      failedRequired: result.failedRequired.map((c) => labels.get(c) ?? c),
      attemptNumber: number,
    };
  });
}
