import { type SQL, sql } from "drizzle-orm";
import type { CurrentUser } from "../../../common/api/auth.js";
import type {
  IndicatorsQuery,
  Selection,
  SelectionResponse,
  TutoredLearnersPage,
  TutoredLearnersQuery,
} from "../../../common/api/tutoring.js";
import { riskReasons } from "../../../common/risk.js";
import type { Db, Tx } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { type CourseScope, courseScope, learnersInScope } from "../access/policy.js";
import * as q from "./queries.js";

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/** The learners of a tutored course that the tutor follows, filtered, sorted and paged in SQL. */
export async function listLearners(
  db: Db,
  user: CurrentUser,
  courseId: string,
  query: TutoredLearnersQuery,
): Promise<TutoredLearnersPage> {
  const scope = await courseScope(db, user, courseId);
  const [{ rows, total }, inactivityDays] = await Promise.all([
    q.listLearners(db, learnersInScope(scope), query, scope.restrictedAssignmentId ? null : courseId),
    q.inactivityDays(db, courseId),
  ]);
  const now = new Date();
  return {
    items: rows.map((r) => ({
      userId: r.userId,
      enrollmentId: r.enrollmentId,
      lastName: r.lastName,
      firstName: r.firstName,
      enrollmentType: r.enrollmentType,
      status: r.status,
      progressPct: r.progressPct,
      timeSpentSeconds: r.timeSpentSeconds,
      objectiveAt: iso(r.objectiveAt),
      lastActivityAt: iso(r.lastActivityAt),
      riskReasons: riskReasons(
        {
          status: r.status,
          progressPct: r.progressPct,
          objectiveAt: iso(r.objectiveAt),
          activitySince: iso(r.activitySince) ?? now.toISOString(),
          inactivityDays,
        },
        now,
      ),
      certificate: r.certificateId && r.certificateKind ? { id: r.certificateId, kind: r.certificateKind } : null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    inactivityDays,
  };
}

/**
 * The enrollments a selection designates, always within the tutor's scope: posted ids of learners
 * outside it simply match nothing. Bulk actions take this condition (on `enrollments e`).
 */
export function selectionCondition(scope: CourseScope, selection: Selection): SQL {
  const inScope = learnersInScope(scope);
  if (selection.mode === "ids") {
    const ids = sql.join(
      selection.learnerIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    return sql`${inScope} and e.user_id in (${ids})`;
  }
  const conditions = [inScope, ...q.learnerFilterConditions(selection.filters)];
  if (selection.excludedLearnerIds.length) {
    const excluded = sql.join(
      selection.excludedLearnerIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    conditions.push(sql`e.user_id not in (${excluded})`);
  }
  return sql.join(conditions, sql` and `);
}

/** Resolves a selection to its learners: how many, and the first ones by name. */
export async function resolveSelection(
  db: Db | Tx,
  user: CurrentUser,
  courseId: string,
  selection: Selection,
): Promise<SelectionResponse> {
  const scope = await courseScope(db, user, courseId);
  return q.selectionSummary(db, selectionCondition(scope, selection));
}

/** The tutoring center's indicators over the learners the tutor follows. */
export async function indicators(db: Db, user: CurrentUser, courseId: string, query: IndicatorsQuery) {
  const scope = await courseScope(db, user, courseId);
  if (!scope.restrictedAssignmentId) return q.courseIndicators(db, courseId, query.enrollmentType);
  return q.indicators(db, learnersInScope(scope), query.enrollmentType);
}

/**
 * The enrollments an action (reminder, invitation, certificate, export) applies to. Unlike the
 * resolver, posted ids of learners outside the tutor's scope are an error: 404, nothing done.
 */
export async function actionSelection(
  db: Db | Tx,
  user: CurrentUser,
  courseId: string,
  selection: Selection,
): Promise<SQL> {
  const scope = await courseScope(db, user, courseId);
  const where = selectionCondition(scope, selection);
  if (selection.mode === "ids") {
    const found = await q.selectionSummary(db, where);
    if (found.count !== new Set(selection.learnerIds).size) throw notFound("Learner");
  }
  return where;
}
