import path from "node:path";
import { sql } from "drizzle-orm";
import type { CurrentUser } from "../../../common/api/auth.js";
import type {
  CatalogueCourse,
  CourseDetail,
  CourseStats,
  FolderTree,
  TutoredCoursesPage,
  TutoredCoursesQuery,
} from "../../../common/api/courses.js";
import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { courseScope, isAdmin, learnersInScope, tutoredCoursesCondition } from "../access/policy.js";
import * as q from "./queries.js";

const splitLists = (everyone: boolean, label: string) => (everyone || !label ? [] : label.split(", "));
// The stored file's name is new at each upload: a new URL, so no browser shows a replaced thumbnail from its cache.
const thumbnailUrl = (courseId: string, stored: string | null) =>
  stored
    ? `/api/courses/${courseId}/thumbnail?v=${encodeURIComponent(path.basename(stored, path.extname(stored)))}`
    : null;

/** `Tutorat > Formations`: the courses the user tutors, paged, sorted and filtered in SQL. */
export async function listTutoredCourses(
  db: Db,
  user: CurrentUser,
  query: TutoredCoursesQuery,
): Promise<TutoredCoursesPage> {
  const { rows, total } = await q.listCourses(db, tutoredCoursesCondition(user), query, isAdmin(user) ? null : user.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      everyone: r.everyone,
      lists: splitLists(r.everyone, r.listLabel),
      folderId: r.folderId,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The folder tree of the user's tutored courses (C1). */
export function folderTree(db: Db, user: CurrentUser): Promise<FolderTree> {
  return q.folderTree(db, tutoredCoursesCondition(user));
}

/** A tutored course's general information; 404 outside the scope. */
export async function getCourse(db: Db, user: CurrentUser, courseId: string): Promise<CourseDetail> {
  await courseScope(db, user, courseId);
  const [course, categories, competencies] = await Promise.all([
    q.findCourse(db, courseId),
    q.courseCategories(db, courseId),
    q.courseCompetencies(db, courseId),
  ]);
  if (!course) throw notFound("Course");
  return {
    id: course.id,
    code: course.code,
    name: course.name,
    description: course.description,
    everyone: course.everyone,
    lists: splitLists(course.everyone, course.listLabel),
    categories,
    competencies,
    thumbnailUrl: thumbnailUrl(course.id, course.thumbnailPath),
  };
}

/** A tutored course's `Stats rapides` over the tutor's learners (C6); 404 outside the scope. */
export async function getCourseStats(db: Db, user: CurrentUser, courseId: string): Promise<CourseStats> {
  const scope = await courseScope(db, user, courseId);
  return q.courseStats(db, learnersInScope(scope));
}

/** The catalogue page of a course, as learners see it; 404 when the user can't see it there. */
export async function catalogueCourse(db: Db, user: CurrentUser, courseId: string): Promise<CatalogueCourse> {
  const tutorScope =
    user.roles.includes("tutor") || user.roles.includes("admin") ? tutoredCoursesCondition(user) : sql`false`;
  if (!(await q.canSeeInCatalogue(db, courseId, user.id, tutorScope))) throw notFound("Course");
  const course = await q.findCourse(db, courseId);
  if (!course) throw notFound("Course");
  const [categories, competencies, lessons] = await Promise.all([
    q.courseCategories(db, courseId),
    q.courseCompetencies(db, courseId),
    q.catalogueLessons(db, courseId),
  ]);
  return {
    id: course.id,
    code: course.code,
    name: course.name,
    description: course.description,
    thumbnailUrl: thumbnailUrl(course.id, course.thumbnailPath),
    categories,
    competencies,
    lessons,
    durationSeconds: lessons.reduce((sum, l) => sum + (l.durationSeconds ?? 0), 0),
  };
}

const IMAGE_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
};

/** The stored thumbnail of a course the user may see: absolute file path and content type; 404 otherwise. */
export async function thumbnailFile(db: Db, user: CurrentUser, courseId: string, filesDir: string) {
  await catalogueCourse(db, user, courseId);
  const stored = await q.findThumbnail(db, courseId);
  if (!stored) throw notFound("Thumbnail");
  const file = path.resolve(filesDir, stored);
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  // Stored paths are written by the app; still, never serve outside the files folder.
  if (!type || !file.startsWith(path.resolve(filesDir) + path.sep)) throw notFound("Thumbnail");
  return { file, type };
}
