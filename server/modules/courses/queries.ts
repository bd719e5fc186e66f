import { type SQL, sql } from "drizzle-orm";
import type { TutoredCoursesQuery } from "../../../common/api/courses.js";
import { normalizeForSearch } from "../../../common/format.js";
import type { Tx } from "../../db/client.js";

/** The name shown in the `Liste` column for a course open to all users. */
export const EVERYONE = "Everyone";

// Names of the lists a course is open to, in one string for sorting and filtering.
const listLabel = sql`case when c.audience_everyone then ${EVERYONE} else coalesce((
  select string_agg(ll.name, ', ' order by ll.name) from course_audience_lists cal
  join learner_lists ll on ll.id = cal.list_id where cal.course_id = c.id), '') end`;

/** One page of the courses that `scope` (a condition on `courses c`) lets the user see. */
export async function listCourses(tx: Tx, scope: SQL, query: TutoredCoursesQuery) {
  const conditions: SQL[] = [scope];
  const search = query.q ? normalizeForSearch(query.q) : "";
  if (search) conditions.push(sql`c.search_name like ${`%${search}%`}`);
  if (query.list) conditions.push(sql`position(lower(${query.list}) in lower(${listLabel})) > 0`);
  if (query.folderId) {
    conditions.push(sql`c.folder_id in (
      select f.id from folders f where f.path like (select root.path from folders root where root.id = ${query.folderId}) || '%')`);
  }
  const where = sql.join(conditions, sql` and `);
  const direction = query.order === "desc" ? sql`desc` : sql`asc`;
  const orderBy =
    query.sort === "list"
      ? sql`list_label ${direction}, c.search_name ${direction}, c.id`
      : sql`c.search_name ${direction}, c.id`;
  const offset = (query.page - 1) * query.pageSize;
  const result = await tx.execute<{
    id: string;
    code: string;
    name: string;
    everyone: boolean;
    listLabel: string;
    folderId: string | null;
    total: number;
  }>(sql`
    select c.id, c.code, c.name, c.audience_everyone as everyone, ${listLabel} as "listLabel", c.folder_id as "folderId",
      count(*) over ()::int as total, ${listLabel} as list_label
    from courses c
    where ${where}
    order by ${orderBy}
    limit ${query.pageSize} offset ${offset}`);
  let total = result.rows[0]?.total ?? 0;
  if (result.rows.length === 0 && offset > 0) {
    const counted = await tx.execute<{ total: number }>(
      sql`select count(*)::int as total from courses c where ${where}`,
    );
    total = counted.rows[0]?.total ?? 0;
  }
  return { rows: result.rows, total };
}

export async function findCourse(tx: Tx, courseId: string) {
  const result = await tx.execute<{
    id: string;
    code: string;
    name: string;
    description: string;
    everyone: boolean;
    listLabel: string;
  }>(sql`
    select c.id, c.code, c.name, c.description, c.audience_everyone as everyone, ${listLabel} as "listLabel"
    from courses c where c.id = ${courseId}`);
  return result.rows[0];
}

export async function courseCategories(tx: Tx, courseId: string) {
  const result = await tx.execute<{ name: string }>(sql`
    select cat.name from course_categories cc join categories cat on cat.id = cc.category_id
    where cc.course_id = ${courseId} order by cc.position, cat.name`);
  return result.rows.map((r) => r.name);
}

export async function courseCompetencies(tx: Tx, courseId: string) {
  const result = await tx.execute<{ code: string; label: string; framework: string; description: string }>(sql`
    select comp.code, comp.label, fw.name as framework, comp.description
    from course_competencies cc
    join competencies comp on comp.id = cc.competency_id
    join competency_frameworks fw on fw.id = comp.framework_id
    where cc.course_id = ${courseId} order by comp.code`);
  return result.rows;
}
