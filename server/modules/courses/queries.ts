import { type SQL, sql } from "drizzle-orm";
import type { CourseStats, TutoredCoursesQuery } from "../../../common/api/courses.js";
import { normalizeForSearch } from "../../../common/format.js";
import { executeCached, type Tx } from "../../db/client.js";

/** The name shown in the `Liste` column for a course open to all users. */
export const EVERYONE = "Everyone";

// Names of the lists a course is open to, in one string for sorting and filtering.
const listLabel = sql`case when c.audience_everyone then ${EVERYONE} else coalesce((
  select string_agg(ll.name, ', ' order by ll.name) from course_audience_lists cal
  join learner_lists ll on ll.id = cal.list_id where cal.course_id = c.id), '') end`;

/**
 * One page of the courses that `scope` (a condition on `courses c`) lets the user see. The list
 * label (a subquery per course) is computed for the page's rows only, unless it is the sort key:
 * for all 2,000 courses of a tutor it was most of the request (BENCHMARKS.md). A tutor's courses
 * by name with no filter, the screen's first view and its pages, come from the index of their
 * assignments by course name instead (`tutorId`: the user when not an admin).
 */
export async function listCourses(tx: Tx, scope: SQL, query: TutoredCoursesQuery, tutorId: string | null) {
  const conditions: SQL[] = [scope];
  const search = query.q ? normalizeForSearch(query.q) : "";
  if (search) conditions.push(sql`c.search_name like ${`%${search}%`}`);
  const courseFilter = query.course ? normalizeForSearch(query.course) : "";
  if (courseFilter) conditions.push(sql`c.search_name like ${`%${courseFilter}%`}`);
  if (query.list) conditions.push(sql`position(lower(${query.list}) in lower(${listLabel})) > 0`);
  if (query.folderId) {
    conditions.push(sql`c.folder_id in (
      select f.id from folders f where f.path like (select root.path from folders root where root.id = ${query.folderId}) || '%')`);
  }
  const where = sql.join(conditions, sql` and `);
  const direction = query.order === "desc" ? sql`desc` : sql`asc`;
  const offset = (query.page - 1) * query.pageSize;
  // The scope and the search alone: the tutor's assignments hold the course's search name.
  const byAssignments = tutorId && conditions.length === (search ? 2 : 1) && query.sort === "name";
  const result = byAssignments
    ? await tutorCoursesByName(tx, tutorId, search, direction, query.pageSize, offset)
    : await coursesPage(tx, where, query.sort, direction, query.pageSize, offset);
  let total = result.rows[0]?.total ?? 0;
  if (result.rows.length === 0 && offset > 0) {
    const counted = await tx.execute<{ total: number }>(
      sql`select count(*)::int as total from courses c where ${where}`,
    );
    total = counted.rows[0]?.total ?? 0;
  }
  return { rows: result.rows, total };
}

interface CourseRow extends Record<string, unknown> {
  id: string;
  code: string;
  name: string;
  everyone: boolean;
  listLabel: string;
  folderId: string | null;
  total: number;
}

const courseColumns = sql`c.id, c.code, c.name, c.audience_everyone as everyone, ${listLabel} as "listLabel",
  c.folder_id as "folderId"`;

// Both are prepared (planned once per connection and text): a tutor's courses are at most a few
// thousand rows, so one plan serves every tutor, and planning cost as much as running (issue #8).

/** A page of the courses matching `where`, by name (ties by id, the same way) or by list. */
function coursesPage(
  tx: Tx,
  where: SQL,
  sort: TutoredCoursesQuery["sort"],
  direction: SQL,
  limit: number,
  offset: number,
) {
  const orderBy =
    sort === "list"
      ? sql`list_label ${direction}, c.search_name ${direction}, c.id`
      : sql`c.search_name ${direction}, c.id ${direction}`;
  return executeCached<CourseRow>(
    tx,
    sql`
    with page as (
      select c.id, count(*) over ()::int as total${sort === "list" ? sql`, ${listLabel} as list_label` : sql``}
      from courses c
      where ${where}
      order by ${orderBy}
      limit ${limit} offset ${offset})
    select ${courseColumns}, page.total, ${listLabel} as list_label
    from page join courses c on c.id = page.id
    order by ${orderBy}`,
  );
}

/**
 * A page of a tutor's courses by name from tutor_assignments (tutor, course_sort_name, course):
 * only the page's entries of the index are read past, and counted from it (migration 0010). A
 * search (normalised, as courses.search_name) is tested on the index's names too, so courses
 * that don't match are never read (from courses, a search of 2,000 courses took p95 8.7 ms).
 */
function tutorCoursesByName(tx: Tx, tutorId: string, search: string, direction: SQL, limit: number, offset: number) {
  const matching = search ? sql` and ta.course_sort_name like ${`%${search}%`}` : sql``;
  return executeCached<CourseRow>(
    tx,
    sql`
    with page as (
      select ta.course_id, ta.course_sort_name from tutor_assignments ta
      where ta.tutor_id = ${tutorId}${matching}
      order by ta.course_sort_name ${direction}, ta.course_id ${direction}
      limit ${limit} offset ${offset})
    select ${courseColumns}, (select count(*) from tutor_assignments ta where ta.tutor_id = ${tutorId}${matching})::int as total
    from page join courses c on c.id = page.course_id
    order by page.course_sort_name ${direction}, c.id ${direction}`,
  );
}

export async function findCourse(tx: Tx, courseId: string) {
  const result = await tx.execute<{
    id: string;
    code: string;
    name: string;
    description: string;
    everyone: boolean;
    listLabel: string;
    thumbnailPath: string | null;
  }>(sql`
    select c.id, c.code, c.name, c.description, c.audience_everyone as everyone, ${listLabel} as "listLabel",
      c.thumbnail_path as "thumbnailPath"
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

/** Folders holding at least one course of `scope` (a condition on `courses c`), with recursive counts. */
export async function folderTree(tx: Tx, scope: SQL) {
  const result = await tx.execute<{ id: string; parentId: string | null; name: string; courseCount: number }>(sql`
    with tutored as (select c.folder_id from courses c where ${scope} and c.folder_id is not null)
    select f.id, f.parent_id as "parentId", f.name, count(*)::int as "courseCount"
    from folders f
    join folders sub on sub.path like f.path || '%'
    join tutored t on t.folder_id = sub.id
    group by f.id, f.parent_id, f.name, f.position
    order by f.position, f.name`);
  const total = await tx.execute<{ n: number }>(sql`select count(*)::int as n from courses c where ${scope}`);
  return { folders: result.rows, totalCourses: total.rows[0]?.n ?? 0 };
}

/** `Stats rapides` over the learners in `learners` (a condition on `enrollments e`). */
export async function courseStats(tx: Tx, learners: SQL): Promise<CourseStats> {
  const result = await tx.execute<{
    learners: number;
    notStarted: number;
    inProgress: number;
    completed: number;
    averageProgress: number | null;
    averageTimeSeconds: number | null;
    averageRating: number | null;
    ratings: number;
  }>(sql`
    select count(*)::int as learners,
      (count(*) filter (where e.status = 'not_started'))::int as "notStarted",
      (count(*) filter (where e.status = 'in_progress'))::int as "inProgress",
      (count(*) filter (where e.status = 'completed'))::int as completed,
      round(avg(e.progress_pct), 1)::float8 as "averageProgress",
      round(avg(e.time_spent_s))::float8 as "averageTimeSeconds",
      round(avg(r.rating), 1)::float8 as "averageRating",
      count(r.id)::int as ratings
    from enrollments e
    left join reviews r on r.course_id = e.course_id and r.user_id = e.user_id
    where ${learners}`);
  // An aggregate without grouping: one row, zeros and nulls when the course has no learner in scope.
  const row = result.rows[0];
  if (!row) throw new Error("courseStats: the aggregate returned no row");
  return row;
}

export async function findThumbnail(tx: Tx, courseId: string) {
  const result = await tx.execute<{ thumbnailPath: string | null }>(
    sql`select thumbnail_path as "thumbnailPath" from courses where id = ${courseId}`,
  );
  return result.rows[0]?.thumbnailPath ?? null;
}

/** The course as the catalogue shows it, when the user may see it there. */
export async function catalogueLessons(tx: Tx, courseId: string) {
  const result = await tx.execute<{
    type: "elearning" | "sheet" | "quiz" | "webinar" | "mission" | "observation";
    title: string;
    description: string;
    durationSeconds: number | null;
  }>(sql`
    select type, title, description, duration_s as "durationSeconds" from lessons where course_id = ${courseId} order by position`);
  return result.rows;
}

/** True when the user may open the course's catalogue page: visible in the catalogue, enrolled, or tutoring it. */
export async function canSeeInCatalogue(tx: Tx, courseId: string, userId: string, tutorScope: SQL) {
  const result = await tx.execute<{ ok: boolean }>(sql`
    select (c.catalogue_visible and (c.audience_everyone or exists (
        select 1 from course_audience_lists cal join learner_list_members m on m.list_id = cal.list_id
        where cal.course_id = c.id and m.user_id = ${userId})))
      or exists (select 1 from enrollments e where e.course_id = c.id and e.user_id = ${userId})
      or (${tutorScope}) as ok
    from courses c where c.id = ${courseId}`);
  return result.rows[0]?.ok ?? false;
}
