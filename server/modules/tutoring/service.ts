import type { CurrentUser } from "../../../common/api/auth.js";
import type { IndicatorsQuery, TutoredLearnersQuery } from "../../../common/api/tutoring.js";
import type { Db } from "../../db/client.js";
import { courseScope, learnersInScope } from "../access/policy.js";
import * as q from "./queries.js";

/** The learners of a tutored course that the tutor follows, paged in SQL. */
export async function listLearners(db: Db, user: CurrentUser, courseId: string, query: TutoredLearnersQuery) {
  const scope = await courseScope(db, user, courseId);
  const { rows, total } = await q.listLearners(db, learnersInScope(scope), query);
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/** The tutoring center's indicators over the learners the tutor follows. */
export async function indicators(db: Db, user: CurrentUser, courseId: string, query: IndicatorsQuery) {
  const scope = await courseScope(db, user, courseId);
  return q.indicators(db, learnersInScope(scope), query.enrollmentType);
}
