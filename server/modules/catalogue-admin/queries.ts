import { type SQL, sql } from "drizzle-orm";
import type { AdminCoursesQuery, CourseInput } from "../../../common/api/catalogue-admin.js";
import type { LessonType } from "../../../common/enums.js";
import { normalizeForSearch } from "../../../common/format.js";
import type { Tx } from "../../db/client.js";

const uuidArray = (ids: string[]): SQL =>
  ids.length === 0
    ? sql`array[]::uuid[]`
    : sql`array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`;

/** How many of `ids` exist in `table` (a fixed identifier, never user input). */
export async function countExisting(
  tx: Tx,
  table: "folders" | "categories" | "competencies" | "learner_lists",
  ids: string[],
) {
  if (ids.length === 0) return 0;
  const result = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where id = any(${uuidArray(ids)})`,
  );
  return result.rows[0]?.n ?? 0;
}

// ---- Folders ----

export async function listFolders(tx: Tx) {
  const result = await tx.execute<{
    id: string;
    parentId: string | null;
    name: string;
    position: number;
    courseCount: number;
    childCount: number;
  }>(sql`
    select f.id, f.parent_id as "parentId", f.name, f.position,
      (select count(*) from courses c where c.folder_id = f.id)::int as "courseCount",
      (select count(*) from folders ch where ch.parent_id = f.id)::int as "childCount"
    from folders f order by f.path`);
  return result.rows;
}

/** Serialises folder moves (transaction-scoped lock), so two crossing moves can't build a cycle together. */
export async function lockFolderTree(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tutora.folders.move'))`);
}

export async function findFolder(tx: Tx, folderId: string, lock = false) {
  const result = await tx.execute<{
    id: string;
    parentId: string | null;
    name: string;
    path: string;
    position: number;
  }>(
    sql`select id, parent_id as "parentId", name, path, position from folders where id = ${folderId} ${lock ? sql`for update` : sql``}`,
  );
  return result.rows[0];
}

export async function nextFolderPosition(tx: Tx, parentId: string | null) {
  const result = await tx.execute<{ n: number }>(sql`
    select coalesce(max(position) + 1, 0)::int as n from folders
    where ${parentId ? sql`parent_id = ${parentId}` : sql`parent_id is null`}`);
  return result.rows[0]?.n ?? 0;
}

export async function insertFolder(
  tx: Tx,
  values: { id: string; parentId: string | null; name: string; path: string; position: number },
) {
  await tx.execute(sql`
    insert into folders (id, parent_id, name, path, position)
    values (${values.id}, ${values.parentId}, ${values.name}, ${values.path}, ${values.position})`);
}

export async function renameFolder(tx: Tx, folderId: string, name: string) {
  await tx.execute(sql`update folders set name = ${name} where id = ${folderId}`);
}

/** Moves a folder and its whole subtree: every path under the old prefix gets the new one. */
export async function moveFolder(
  tx: Tx,
  folderId: string,
  parentId: string | null,
  oldPath: string,
  newPath: string,
  position: number,
) {
  await tx.execute(sql`update folders set parent_id = ${parentId}, position = ${position} where id = ${folderId}`);
  await tx.execute(sql`
    update folders set path = ${newPath} || substr(path, ${oldPath.length + 1})
    where path like ${`${oldPath}%`}`);
}

export async function folderContents(tx: Tx, folderId: string) {
  const result = await tx.execute<{ courses: number; children: number }>(sql`
    select (select count(*) from courses where folder_id = ${folderId})::int as courses,
      (select count(*) from folders where parent_id = ${folderId})::int as children`);
  return result.rows[0] ?? { courses: 0, children: 0 };
}

export async function deleteFolder(tx: Tx, folderId: string) {
  await tx.execute(sql`delete from folders where id = ${folderId}`);
}

// ---- Categories ----

export async function listCategories(tx: Tx) {
  const result = await tx.execute<{ id: string; name: string; courseCount: number }>(sql`
    select cat.id, cat.name, (select count(*) from course_categories cc where cc.category_id = cat.id)::int as "courseCount"
    from categories cat order by lower(cat.name), cat.id`);
  return result.rows;
}

export async function findCategory(tx: Tx, categoryId: string) {
  const result = await tx.execute<{ id: string; name: string }>(
    sql`select id, name from categories where id = ${categoryId}`,
  );
  return result.rows[0];
}

/** Inserts a category unless its name is taken (case-insensitive); undefined then. */
export async function insertCategory(tx: Tx, name: string) {
  const result = await tx.execute<{ id: string }>(sql`
    insert into categories (name) select ${name}
    where not exists (select 1 from categories where lower(name) = lower(${name}))
    on conflict (name) do nothing returning id`);
  return result.rows[0]?.id;
}

export async function categoryNameTaken(tx: Tx, name: string, exceptId: string) {
  const result = await tx.execute(
    sql`select 1 from categories where lower(name) = lower(${name}) and id <> ${exceptId}`,
  );
  return result.rows.length > 0;
}

export async function updateCategory(tx: Tx, categoryId: string, name: string) {
  await tx.execute(sql`update categories set name = ${name} where id = ${categoryId}`);
}

export async function deleteCategory(tx: Tx, categoryId: string) {
  await tx.execute(sql`delete from categories where id = ${categoryId}`);
}

// ---- Competencies ----

export async function listFrameworks(tx: Tx) {
  const frameworks = await tx.execute<{ id: string; name: string; description: string }>(
    sql`select id, name, description from competency_frameworks order by lower(name), id`,
  );
  const competencies = await tx.execute<{
    id: string;
    frameworkId: string;
    code: string;
    label: string;
    description: string;
    courseCount: number;
  }>(sql`
    select comp.id, comp.framework_id as "frameworkId", comp.code, comp.label, comp.description,
      (select count(*) from course_competencies cc where cc.competency_id = comp.id)::int as "courseCount"
    from competencies comp order by comp.code, comp.id`);
  return { frameworks: frameworks.rows, competencies: competencies.rows };
}

export async function findFramework(tx: Tx, frameworkId: string) {
  const result = await tx.execute<{ id: string; name: string; description: string }>(
    sql`select id, name, description from competency_frameworks where id = ${frameworkId}`,
  );
  return result.rows[0];
}

export async function frameworkNameTaken(tx: Tx, name: string, exceptId: string | null) {
  const result = await tx.execute(sql`
    select 1 from competency_frameworks where lower(name) = lower(${name}) ${exceptId ? sql`and id <> ${exceptId}` : sql``}`);
  return result.rows.length > 0;
}

export async function insertFramework(tx: Tx, name: string, description: string) {
  const result = await tx.execute<{ id: string }>(sql`
    insert into competency_frameworks (name, description) values (${name}, ${description})
    on conflict (name) do nothing returning id`);
  return result.rows[0]?.id;
}

export async function updateFramework(tx: Tx, frameworkId: string, name: string, description: string) {
  await tx.execute(
    sql`update competency_frameworks set name = ${name}, description = ${description} where id = ${frameworkId}`,
  );
}

export async function deleteFramework(tx: Tx, frameworkId: string) {
  await tx.execute(sql`delete from competency_frameworks where id = ${frameworkId}`);
}

export async function findCompetency(tx: Tx, competencyId: string) {
  const result = await tx.execute<{
    id: string;
    frameworkId: string;
    code: string;
    label: string;
    description: string;
  }>(
    sql`select id, framework_id as "frameworkId", code, label, description from competencies where id = ${competencyId}`,
  );
  return result.rows[0];
}

export async function competencyCodeTaken(tx: Tx, frameworkId: string, code: string, exceptId: string | null) {
  const result = await tx.execute(sql`
    select 1 from competencies where framework_id = ${frameworkId} and lower(code) = lower(${code})
      ${exceptId ? sql`and id <> ${exceptId}` : sql``}`);
  return result.rows.length > 0;
}

export async function insertCompetency(
  tx: Tx,
  values: { frameworkId: string; code: string; label: string; description: string },
) {
  const result = await tx.execute<{ id: string }>(sql`
    insert into competencies (framework_id, code, label, description)
    values (${values.frameworkId}, ${values.code}, ${values.label}, ${values.description})
    on conflict (framework_id, code) do nothing returning id`);
  return result.rows[0]?.id;
}

export async function updateCompetency(
  tx: Tx,
  competencyId: string,
  values: { code: string; label: string; description: string },
) {
  await tx.execute(sql`
    update competencies set code = ${values.code}, label = ${values.label}, description = ${values.description}
    where id = ${competencyId}`);
}

export async function deleteCompetency(tx: Tx, competencyId: string) {
  await tx.execute(sql`delete from competencies where id = ${competencyId}`);
}

// ---- Courses ----

/** One page of courses, filtered and ordered in SQL (accent-insensitive name order, then id). */
export async function listCourses(tx: Tx, query: AdminCoursesQuery) {
  const conditions: SQL[] = [sql`true`];
  const search = query.q ? normalizeForSearch(query.q) : "";
  if (search) {
    conditions.push(sql`(c.search_name like ${`%${search}%`} or lower(c.code) like ${`%${query.q?.toLowerCase()}%`})`);
  }
  if (query.folderId) {
    conditions.push(sql`c.folder_id in (
      select f.id from folders f where f.path like (select root.path from folders root where root.id = ${query.folderId}) || '%')`);
  }
  const where = sql.join(conditions, sql` and `);
  const offset = (query.page - 1) * query.pageSize;
  const [rows, counted] = await Promise.all([
    tx.execute<{
      id: string;
      code: string;
      name: string;
      folderId: string | null;
      folderName: string | null;
      catalogueVisible: boolean;
      everyone: boolean;
      thumbnailPath: string | null;
      lessonCount: number;
      enrollmentCount: number;
    }>(sql`
      select c.id, c.code, c.name, c.folder_id as "folderId", f.name as "folderName",
        c.catalogue_visible as "catalogueVisible", c.audience_everyone as everyone, c.thumbnail_path as "thumbnailPath",
        (select count(*) from lessons l where l.course_id = c.id)::int as "lessonCount",
        (select count(*) from enrollments e where e.course_id = c.id)::int as "enrollmentCount"
      from courses c left join folders f on f.id = c.folder_id
      where ${where}
      order by c.search_name, c.id
      limit ${query.pageSize} offset ${offset}`),
    tx.execute<{ total: number }>(sql`select count(*)::int as total from courses c where ${where}`),
  ]);
  return { rows: rows.rows, total: counted.rows[0]?.total ?? 0 };
}

export type CourseRow = {
  id: string;
  code: string;
  name: string;
  folderId: string | null;
  description: string;
  catalogueVisible: boolean;
  everyone: boolean;
  inactivityDays: number;
  thumbnailPath: string | null;
  updatedAt: string;
  listIds: string[];
  categoryIds: string[];
  competencyIds: string[];
  enrollmentCount: number;
};

export async function findCourse(tx: Tx, courseId: string, lock = false) {
  const result = await tx.execute<CourseRow>(sql`
    select c.id, c.code, c.name, c.folder_id as "folderId", c.description, c.catalogue_visible as "catalogueVisible",
      c.audience_everyone as everyone, c.inactivity_days as "inactivityDays", c.thumbnail_path as "thumbnailPath",
      c.updated_at as "updatedAt",
      array(select cal.list_id from course_audience_lists cal join learner_lists ll on ll.id = cal.list_id
        where cal.course_id = c.id order by ll.name) as "listIds",
      array(select cc.category_id from course_categories cc where cc.course_id = c.id order by cc.position) as "categoryIds",
      array(select comp.id from course_competencies cc join competencies comp on comp.id = cc.competency_id
        where cc.course_id = c.id order by comp.code) as "competencyIds",
      (select count(*) from enrollments e where e.course_id = c.id)::int as "enrollmentCount"
    from courses c where c.id = ${courseId} ${lock ? sql`for update of c` : sql``}`);
  return result.rows[0];
}

export async function courseCodeTaken(tx: Tx, code: string, exceptId: string | null) {
  const result = await tx.execute(
    sql`select 1 from courses where lower(code) = lower(${code}) ${exceptId ? sql`and id <> ${exceptId}` : sql``}`,
  );
  return result.rows.length > 0;
}

type CourseColumns = Omit<CourseInput, "listIds" | "categoryIds" | "competencyIds">;

/** Inserts a course; undefined when the code is already taken (the unique index decides a race). */
export async function insertCourse(tx: Tx, values: CourseColumns) {
  const result = await tx.execute<{ id: string }>(sql`
    insert into courses (code, name, search_name, folder_id, description, catalogue_visible, audience_everyone, inactivity_days)
    values (${values.code}, ${values.name}, ${normalizeForSearch(values.name)}, ${values.folderId}, ${values.description},
      ${values.catalogueVisible}, ${values.everyone}, ${values.inactivityDays})
    on conflict (code) do nothing returning id`);
  return result.rows[0]?.id;
}

export async function updateCourse(tx: Tx, courseId: string, values: CourseColumns) {
  await tx.execute(sql`
    update courses set code = ${values.code}, name = ${values.name}, search_name = ${normalizeForSearch(values.name)},
      folder_id = ${values.folderId}, description = ${values.description}, catalogue_visible = ${values.catalogueVisible},
      audience_everyone = ${values.everyone}, inactivity_days = ${values.inactivityDays}, updated_at = now()
    where id = ${courseId}`);
}

/** Replaces the course's lists, categories (in the given order) and competencies. */
export async function replaceCourseLinks(
  tx: Tx,
  courseId: string,
  links: { listIds: string[]; categoryIds: string[]; competencyIds: string[] },
) {
  await tx.execute(sql`delete from course_audience_lists where course_id = ${courseId}`);
  await tx.execute(sql`delete from course_categories where course_id = ${courseId}`);
  await tx.execute(sql`delete from course_competencies where course_id = ${courseId}`);
  if (links.listIds.length > 0) {
    await tx.execute(sql`insert into course_audience_lists (course_id, list_id)
      select ${courseId}, id from unnest(${uuidArray(links.listIds)}) as id on conflict do nothing`);
  }
  if (links.categoryIds.length > 0) {
    await tx.execute(sql`insert into course_categories (course_id, category_id, position)
      select ${courseId}, v.id, (v.n - 1)::int from unnest(${uuidArray(links.categoryIds)}) with ordinality as v(id, n)
      on conflict do nothing`);
  }
  if (links.competencyIds.length > 0) {
    await tx.execute(sql`insert into course_competencies (course_id, competency_id)
      select ${courseId}, id from unnest(${uuidArray(links.competencyIds)}) as id on conflict do nothing`);
  }
}

export async function setThumbnail(tx: Tx, courseId: string, thumbnailPath: string | null) {
  await tx.execute(
    sql`update courses set thumbnail_path = ${thumbnailPath}, updated_at = now() where id = ${courseId}`,
  );
}

export async function formOptions(tx: Tx) {
  const [folders, categories, competencies, lists] = await Promise.all([
    tx.execute<{ id: string; path: string; name: string }>(sql`select id, path, name from folders order by path`),
    tx.execute<{ id: string; name: string }>(sql`select id, name from categories order by lower(name), id`),
    tx.execute<{ id: string; code: string; label: string; framework: string }>(sql`
      select comp.id, comp.code, comp.label, fw.name as framework
      from competencies comp join competency_frameworks fw on fw.id = comp.framework_id
      order by lower(fw.name), comp.code`),
    tx.execute<{ id: string; name: string }>(sql`select id, name from learner_lists order by lower(name), id`),
  ]);
  return { folders: folders.rows, categories: categories.rows, competencies: competencies.rows, lists: lists.rows };
}

// ---- Lessons ----

export type LessonRow = {
  id: string;
  courseId: string;
  position: number;
  type: LessonType;
  title: string;
  description: string;
  points: number;
  passingScore: number | null;
  minTimeSeconds: number | null;
  durationSeconds: number | null;
  settings: Record<string, unknown>;
  learnersWithActivity: number;
};

// A learner's activity on a lesson: attempts, sessions, or a status (attended class, tutor's edit).
const activityCount = sql`(select count(distinct e.id) from enrollments e where e.course_id = l.course_id and (
    exists (select 1 from attempts a where a.enrollment_id = e.id and a.lesson_id = l.id)
    or exists (select 1 from sessions s where s.enrollment_id = e.id and s.lesson_id = l.id)
    or exists (select 1 from lesson_stats ls where ls.enrollment_id = e.id and ls.lesson_id = l.id
      and (ls.status <> 'not_attempted' or ls.override_status is not null or ls.override_score is not null
        or ls.override_time_s is not null))))::int`;

const lessonSelect = sql`
  select l.id, l.course_id as "courseId", l.position, l.type, l.title, l.description, l.points,
    l.passing_score as "passingScore", l.min_time_s as "minTimeSeconds", l.duration_s as "durationSeconds", l.settings,
    ${activityCount} as "learnersWithActivity"
  from lessons l`;

export async function courseLessons(tx: Tx, courseId: string) {
  const result = await tx.execute<LessonRow>(sql`${lessonSelect} where l.course_id = ${courseId} order by l.position`);
  return result.rows;
}

export async function findLesson(tx: Tx, lessonId: string) {
  const result = await tx.execute<LessonRow>(sql`${lessonSelect} where l.id = ${lessonId}`);
  return result.rows[0];
}

/** Locks the course row: lesson additions, deletions and reorders of one course run one at a time. */
export async function lockCourse(tx: Tx, courseId: string) {
  const result = await tx.execute(sql`select id from courses where id = ${courseId} for update`);
  return result.rows.length > 0;
}

export async function insertLesson(
  tx: Tx,
  values: {
    courseId: string;
    type: LessonType;
    title: string;
    description: string;
    points: number;
    passingScore: number | null;
    minTimeSeconds: number | null;
    durationSeconds: number | null;
    settings: Record<string, unknown>;
  },
) {
  const result = await tx.execute<{ id: string }>(sql`
    insert into lessons (course_id, position, type, title, description, points, passing_score, min_time_s, duration_s, settings)
    values (${values.courseId},
      (select coalesce(max(position), 0) + 1 from lessons where course_id = ${values.courseId}),
      ${values.type}, ${values.title}, ${values.description}, ${values.points}, ${values.passingScore},
      ${values.minTimeSeconds}, ${values.durationSeconds}, ${JSON.stringify(values.settings)}::jsonb)
    returning id`);
  return result.rows[0]?.id as string;
}

export async function updateLesson(
  tx: Tx,
  lessonId: string,
  values: {
    title: string;
    description: string;
    points: number;
    passingScore: number | null;
    minTimeSeconds: number | null;
    durationSeconds: number | null;
    settings: Record<string, unknown>;
  },
) {
  await tx.execute(sql`
    update lessons set title = ${values.title}, description = ${values.description}, points = ${values.points},
      passing_score = ${values.passingScore}, min_time_s = ${values.minTimeSeconds}, duration_s = ${values.durationSeconds},
      settings = ${JSON.stringify(values.settings)}::jsonb
    where id = ${lessonId}`);
}

export async function setLessonSettings(tx: Tx, lessonId: string, settings: Record<string, unknown>) {
  await tx.execute(sql`update lessons set settings = ${JSON.stringify(settings)}::jsonb where id = ${lessonId}`);
}

export async function deleteLesson(tx: Tx, lessonId: string) {
  await tx.execute(sql`delete from lessons where id = ${lessonId}`);
}

/**
 * Gives the course's lessons the positions 1..n in `orderedIds` order. The unique (course_id,
 * position) index is checked row by row, so every position first moves to a negative value no
 * lesson holds, then to its final value.
 */
export async function rewritePositions(tx: Tx, courseId: string, orderedIds: string[]) {
  await tx.execute(sql`update lessons set position = -position - 1 where course_id = ${courseId}`);
  if (orderedIds.length === 0) return;
  await tx.execute(sql`
    update lessons l set position = v.n::int
    from unnest(${uuidArray(orderedIds)}) with ordinality as v(id, n)
    where l.id = v.id and l.course_id = ${courseId}`);
}

export async function lessonIdsInOrder(tx: Tx, courseId: string) {
  const result = await tx.execute<{ id: string }>(
    sql`select id from lessons where course_id = ${courseId} order by position`,
  );
  return result.rows.map((r) => r.id);
}
