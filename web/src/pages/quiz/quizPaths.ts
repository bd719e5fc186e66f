import { myCoursesRoute } from "../../app/landing.js";

/** `/mes-formations/:courseId`: the learner's course page (learner space). */
export function learnerCoursePath(courseId: string): string {
  return `${myCoursesRoute}/${encodeURIComponent(courseId)}`;
}

/** `/mes-formations/:courseId/lecons/:lessonId`: the learner's lesson page. */
export function learnerLessonPath(courseId: string, lessonId: string): string {
  return `${learnerCoursePath(courseId)}/lecons/${encodeURIComponent(lessonId)}`;
}

/** `/mes-formations/:courseId/lecons/:lessonId/quiz`: taking a native quiz. */
export function quizPath(courseId: string, lessonId: string): string {
  return `${learnerLessonPath(courseId, lessonId)}/quiz`;
}

/** `/admin/formations/:courseId/lecons/:lessonId/quiz`: the admin's question editor. */
export function adminQuizPath(courseId: string, lessonId: string): string {
  return `/admin/formations/${encodeURIComponent(courseId)}/lecons/${encodeURIComponent(lessonId)}/quiz`;
}
