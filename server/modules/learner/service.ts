import type { CurrentUser } from "../../../common/api/auth.js";
import type { MyCourse } from "../../../common/api/learner.js";
import type { Db } from "../../db/client.js";
import * as q from "./queries.js";

/** `Mes formations`: the signed-in user's own courses. */
export async function myCourses(db: Db, user: CurrentUser): Promise<{ items: MyCourse[] }> {
  const rows = await q.findMyCourses(db, user.id);
  return {
    items: rows.map((r) => ({ ...r, objectiveAt: r.objectiveAt ? new Date(r.objectiveAt).toISOString() : null })),
  };
}
