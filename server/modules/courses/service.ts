import type { CurrentUser } from "../../../common/api/auth.js";
import type { CourseDetail, TutoredCoursesPage, TutoredCoursesQuery } from "../../../common/api/courses.js";
import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { courseScope, tutoredCoursesCondition } from "../access/policy.js";
import * as q from "./queries.js";

const splitLists = (everyone: boolean, label: string) => (everyone || !label ? [] : label.split(", "));

/** `Tutorat > Formations`: the courses the user tutors, paged, sorted and filtered in SQL. */
export async function listTutoredCourses(
  db: Db,
  user: CurrentUser,
  query: TutoredCoursesQuery,
): Promise<TutoredCoursesPage> {
  const { rows, total } = await q.listCourses(db, tutoredCoursesCondition(user), query);
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

/** A tutored course's general information; 404 outside the user's scope. */
export async function getCourse(db: Db, user: CurrentUser, courseId: string): Promise<CourseDetail> {
  await courseScope(db, user, courseId);
  const course = await q.findCourse(db, courseId);
  if (!course) throw notFound("Course");
  const [categories, competencies] = await Promise.all([
    q.courseCategories(db, courseId),
    q.courseCompetencies(db, courseId),
  ]);
  return {
    id: course.id,
    code: course.code,
    name: course.name,
    description: course.description,
    everyone: course.everyone,
    lists: splitLists(course.everyone, course.listLabel),
    categories,
    competencies,
  };
}
