import { lazy } from "react";
import { loadAllTexts } from "./i18n.js";

// Each screen is its own chunk, so the first screen only downloads what it shows.

/**
 * A screen beyond sign-in, the first one and the 404 page: its code, and the texts that come with the
 * other screens (catalogues.rest.ts), both before it renders.
 */
function withTexts<T>(code: Promise<T>): Promise<T> {
  return Promise.all([code, loadAllTexts()]).then(([module]) => module);
}
export const SignInPage = lazy(() => import("../pages/sign-in/SignInPage.js").then((m) => ({ default: m.SignInPage })));
/** The layout's code; its route starts loading it with the session rather than after it. */
export const loadAppLayout = () => import("./AppLayout.js");
export const AppLayout = lazy(() => loadAppLayout().then((m) => ({ default: m.AppLayout })));
export const TutoredCoursesPage = lazy(() =>
  import("../pages/tutored-courses/TutoredCoursesPage.js").then((m) => ({ default: m.TutoredCoursesPage })),
);
export const MyCoursesPage = lazy(() =>
  withTexts(import("../pages/my-courses/MyCoursesPage.js")).then((m) => ({ default: m.MyCoursesPage })),
);
export const LearnerCoursePage = lazy(() =>
  withTexts(import("../pages/learner-course/LearnerCoursePage.js")).then((m) => ({ default: m.LearnerCoursePage })),
);
export const LearnerLessonPage = lazy(() =>
  withTexts(import("../pages/learner-lesson/LearnerLessonPage.js")).then((m) => ({ default: m.LearnerLessonPage })),
);
export const NotFoundPage = lazy(() =>
  import("../pages/not-found/NotFoundPage.js").then((m) => ({ default: m.NotFoundPage })),
);
export const LearnerReportPage = lazy(() =>
  withTexts(import("../pages/learner-report/LearnerReportPage.js")).then((m) => ({ default: m.LearnerReportPage })),
);
export const AdminAuditPage = lazy(() =>
  withTexts(import("../pages/admin-audit/AdminAuditPage.js")).then((m) => ({ default: m.AdminAuditPage })),
);
export const CourseDetailPage = lazy(() =>
  withTexts(import("../pages/course-detail/CourseDetailPage.js")).then((m) => ({ default: m.CourseDetailPage })),
);
export const CourseEvaluationPage = lazy(() =>
  withTexts(import("../pages/course-evaluation/CourseEvaluationPage.js")).then((m) => ({
    default: m.CourseEvaluationPage,
  })),
);
export const CataloguePage = lazy(() =>
  withTexts(import("../pages/catalogue/CataloguePage.js")).then((m) => ({ default: m.CataloguePage })),
);
/** The tutoring center's code; its route starts loading it with its data. */
export const loadTutoringCenterPage = () => withTexts(import("../pages/tutoring-center/TutoringCenterPage.js"));
export const TutoringCenterPage = lazy(() => loadTutoringCenterPage().then((m) => ({ default: m.TutoringCenterPage })));
export const CourseMissionsPage = lazy(() =>
  withTexts(import("../pages/missions/CourseMissionsPage.js")).then((m) => ({ default: m.CourseMissionsPage })),
);
export const AllMissionsPage = lazy(() =>
  withTexts(import("../pages/missions/AllMissionsPage.js")).then((m) => ({ default: m.AllMissionsPage })),
);
export const MissionPage = lazy(() =>
  withTexts(import("../pages/missions/MissionPage.js")).then((m) => ({ default: m.MissionPage })),
);
export const ObservationsPage = lazy(() =>
  withTexts(import("../pages/observations/ObservationsPage.js")).then((m) => ({ default: m.ObservationsPage })),
);
export const ObservationFormPage = lazy(() =>
  withTexts(import("../pages/observations/ObservationFormPage.js")).then((m) => ({ default: m.ObservationFormPage })),
);
export const MailTemplatesPage = lazy(() =>
  withTexts(import("../pages/mail-templates/MailTemplatesPage.js")).then((m) => ({ default: m.MailTemplatesPage })),
);
export const VirtualClassesPage = lazy(() =>
  withTexts(import("../pages/virtual-classes/VirtualClassesPage.js")).then((m) => ({ default: m.VirtualClassesPage })),
);
export const ReminderRulesPage = lazy(() =>
  withTexts(import("../pages/reminder-rules/ReminderRulesPage.js")).then((m) => ({ default: m.ReminderRulesPage })),
);
export const AdminMessagesPage = lazy(() =>
  withTexts(import("../pages/admin-messages/AdminMessagesPage.js")).then((m) => ({ default: m.AdminMessagesPage })),
);
export const QuizPage = lazy(() =>
  withTexts(import("../pages/quiz/QuizPage.js")).then((m) => ({ default: m.QuizPage })),
);
export const AdminQuizPage = lazy(() =>
  withTexts(import("../pages/admin-quiz/AdminQuizPage.js")).then((m) => ({ default: m.AdminQuizPage })),
);
export const PlayerPage = lazy(() =>
  withTexts(import("../pages/player/PlayerPage.js")).then((m) => ({ default: m.PlayerPage })),
);
export const ScormPackagePage = lazy(() =>
  withTexts(import("../pages/scorm-package/ScormPackagePage.js")).then((m) => ({ default: m.ScormPackagePage })),
);
export const AdminCoursesPage = lazy(() =>
  withTexts(import("../pages/admin-courses/AdminCoursesPage.js")).then((m) => ({ default: m.AdminCoursesPage })),
);
export const AdminCourseEditorPage = lazy(() =>
  withTexts(import("../pages/admin-course-editor/AdminCourseEditorPage.js")).then((m) => ({
    default: m.AdminCourseEditorPage,
  })),
);
export const AdminFoldersPage = lazy(() =>
  withTexts(import("../pages/admin-folders/AdminFoldersPage.js")).then((m) => ({ default: m.AdminFoldersPage })),
);
export const AdminCategoriesPage = lazy(() =>
  withTexts(import("../pages/admin-categories/AdminCategoriesPage.js")).then((m) => ({
    default: m.AdminCategoriesPage,
  })),
);
export const AdminCompetenciesPage = lazy(() =>
  withTexts(import("../pages/admin-competencies/AdminCompetenciesPage.js")).then((m) => ({
    default: m.AdminCompetenciesPage,
  })),
);
export const AdminUsersPage = lazy(() =>
  withTexts(import("../pages/admin-users/AdminUsersPage.js")).then((m) => ({ default: m.AdminUsersPage })),
);
export const AdminListsPage = lazy(() =>
  withTexts(import("../pages/admin-lists/AdminListsPage.js")).then((m) => ({ default: m.AdminListsPage })),
);
export const AdminEnrollmentsPage = lazy(() =>
  withTexts(import("../pages/admin-enrollments/AdminEnrollmentsPage.js")).then((m) => ({
    default: m.AdminEnrollmentsPage,
  })),
);
export const AdminTutorsPage = lazy(() =>
  withTexts(import("../pages/admin-tutors/AdminTutorsPage.js")).then((m) => ({ default: m.AdminTutorsPage })),
);
export const AdminImportsPage = lazy(() =>
  withTexts(import("../pages/admin-imports/AdminImportsPage.js")).then((m) => ({ default: m.AdminImportsPage })),
);
export const AdminTokensPage = lazy(() =>
  withTexts(import("../pages/admin-tokens/AdminTokensPage.js")).then((m) => ({ default: m.AdminTokensPage })),
);
