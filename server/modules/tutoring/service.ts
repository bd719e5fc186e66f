import type { CurrentUser } from "../../../common/api/auth.js";
import type { TutoredLearnersQuery } from "../../../common/api/tutoring.js";
import type { Db } from "../../db/client.js";
import { courseScope, learnersInScope } from "../access/policy.js";
import * as q from "./queries.js";

/** The learners of a tutored course that the tutor follows, paged in SQL. */
export async function listLearners(db: Db, user: CurrentUser, courseId: string, query: TutoredLearnersQuery) {
  const scope = await courseScope(db, user, courseId);
  const { rows, total } = await q.listLearners(db, learnersInScope(scope), query);
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}
