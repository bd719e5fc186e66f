import { tutoredCoursesRoute } from "./landing.js";

/**
 * Leaves the single-page app for `path` with a full page load. Used after sign-out so nothing the
 * previous user loaded (query cache, component state) survives in memory.
 */
export function hardNavigate(path: string): void {
  window.location.assign(path);
}

/** `Tutorat > Formations > [Cours]`: the course detail, optionally on a tab (`infos`, `lecons`, `avis`). */
export function courseDetailPath(courseId: string, tab?: "infos" | "lecons" | "avis"): string {
  const path = `${tutoredCoursesRoute}/${encodeURIComponent(courseId)}`;
  return tab && tab !== "infos" ? `${path}?onglet=${tab}` : path;
}

/** `… > [Cours] > Centre de tutorat`. */
export function courseCenterPath(courseId: string): string {
  return `${tutoredCoursesRoute}/${encodeURIComponent(courseId)}/centre`;
}

/** `… > Centre de tutorat > [Rapport apprenant]`: a learner's follow-up report in a course (R1). */
export function learnerReportPath(courseId: string, learnerId: string): string {
  return `${courseCenterPath(courseId)}/apprenants/${encodeURIComponent(learnerId)}`;
}

/** `Administration > Journal d'audit` (B4, admins). */
export const adminAuditRoute = "/admin/audit";

/** `Tutorat > Modèles de mail`: the mail templates of reminders (A1). */
export const mailTemplatesRoute = "/tutorat/modeles-de-mail";

/** `Administration > Messages`: every outgoing message with its state (admins). */
export const adminMessagesRoute = "/admin/messages";

/** `… > [Cours] > Classes virtuelles`: a course's virtual classes, invitees and attendance (A2). */
export function courseClassesPath(courseId: string): string {
  return `${tutoredCoursesRoute}/${encodeURIComponent(courseId)}/classes`;
}

/** `… > [Cours] > Relances automatiques`: a course's automatic reminder rules (B2). */
export function courseReminderRulesPath(courseId: string): string {
  return `${tutoredCoursesRoute}/${encodeURIComponent(courseId)}/relances-automatiques`;
}

/** `Tutorat > Missions à corriger`: the submissions to correct across all the tutor's courses (T7). */
export const allMissionsRoute = "/tutorat/missions";

/** `… > [Cours] > Évaluation formation`. */
export function courseEvaluationPath(courseId: string): string {
  return `${tutoredCoursesRoute}/${encodeURIComponent(courseId)}/evaluation`;
}

/** The course's catalogue page, as learners see it (stable URL, any signed-in user who may see the course). */
export function cataloguePath(courseId: string): string {
  return `/catalogue/${encodeURIComponent(courseId)}`;
}

const coursesListSearchKey = "tutora.coursesListSearch";

/** Remembers the `Formations` list's view (folder, filters, sort, page) so crumbs back to it restore it. */
export function rememberCoursesListSearch(search: string): void {
  try {
    window.sessionStorage.setItem(coursesListSearchKey, search);
  } catch {
    // Storage may be disabled (private mode): the crumb then opens the plain list.
  }
}

/** `/tutorat/formations` with the view the user last left it in; for the `Formations` crumb of deeper screens. */
export function coursesListPath(): string {
  let search = "";
  try {
    search = window.sessionStorage.getItem(coursesListSearchKey) ?? "";
  } catch {
    search = "";
  }
  return search.startsWith("?") ? `${tutoredCoursesRoute}${search}` : tutoredCoursesRoute;
}

/** `Administration > Formations`: every course, to create and edit them (S3). */
export const adminCoursesRoute = "/admin/formations";

/** `Administration > Formations > [Cours]`: the course editor with its lessons. */
export function adminCoursePath(courseId: string): string {
  return `${adminCoursesRoute}/${encodeURIComponent(courseId)}`;
}

/** The e-learning lesson's SCORM package page (package upload). */
export function adminLessonScormPath(courseId: string, lessonId: string): string {
  return `${adminCoursePath(courseId)}/lecons/${encodeURIComponent(lessonId)}/scorm`;
}

/** The quiz lesson's question editor. */
export function adminLessonQuizPath(courseId: string, lessonId: string): string {
  return `${adminCoursePath(courseId)}/lecons/${encodeURIComponent(lessonId)}/quiz`;
}

/** `Administration > Répertoires`: the folder tree. */
export const adminFoldersRoute = "/admin/repertoires";

/** `Administration > Catégories`. */
export const adminCategoriesRoute = "/admin/categories";

/** `Administration > Compétences`: competency frameworks and their competencies. */
export const adminCompetenciesRoute = "/admin/competences";

/** `Administration > Utilisateurs`, `Listes d'apprenants`, `Inscriptions`, `Tuteurs`, `Imports`, `Jetons d'API` (S3). */
export const adminPeopleRoutes = {
  users: "/admin/utilisateurs",
  lists: "/admin/listes",
  enrollments: "/admin/inscriptions",
  tutors: "/admin/tuteurs",
  imports: "/admin/imports",
  tokens: "/admin/jetons-api",
} as const;
