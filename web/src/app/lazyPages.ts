import { loadAllTexts } from "./i18n.js";
import { lazyScreen } from "./lazyScreen.js";

// Each screen is its own chunk, so the first screen only downloads what it shows. A route starts its
// screen's download in its loader (`preload`, routes.tsx); a screen whose code has come renders
// without suspending (lazyScreen.ts).

/**
 * A screen beyond sign-in, the first one and the 404 page: its code, and the texts that come with the
 * other screens (catalogues.rest.ts), both before it renders.
 */
function withTexts<T>(code: Promise<T>): Promise<T> {
  return Promise.all([code, loadAllTexts()]).then(([module]) => module);
}
export const SignInPage = lazyScreen(() =>
  import("../pages/sign-in/SignInPage.js").then((m) => ({ default: m.SignInPage })),
);
/** The layout; its route starts loading it with the session rather than after it. */
export const AppLayout = lazyScreen(() => import("./AppLayout.js").then((m) => ({ default: m.AppLayout })));
export const TutoredCoursesPage = lazyScreen(() =>
  import("../pages/tutored-courses/TutoredCoursesPage.js").then((m) => ({ default: m.TutoredCoursesPage })),
);
export const MyCoursesPage = lazyScreen(() =>
  withTexts(import("../pages/my-courses/MyCoursesPage.js")).then((m) => ({ default: m.MyCoursesPage })),
);
export const LearnerCoursePage = lazyScreen(() =>
  withTexts(import("../pages/learner-course/LearnerCoursePage.js")).then((m) => ({ default: m.LearnerCoursePage })),
);
export const LearnerLessonPage = lazyScreen(() =>
  withTexts(import("../pages/learner-lesson/LearnerLessonPage.js")).then((m) => ({ default: m.LearnerLessonPage })),
);
export const NotFoundPage = lazyScreen(() =>
  import("../pages/not-found/NotFoundPage.js").then((m) => ({ default: m.NotFoundPage })),
);
export const LearnerReportPage = lazyScreen(() =>
  withTexts(import("../pages/learner-report/LearnerReportPage.js")).then((m) => ({ default: m.LearnerReportPage })),
);
export const AdminAuditPage = lazyScreen(() =>
  withTexts(import("../pages/admin-audit/AdminAuditPage.js")).then((m) => ({ default: m.AdminAuditPage })),
);
export const CourseDetailPage = lazyScreen(() =>
  withTexts(import("../pages/course-detail/CourseDetailPage.js")).then((m) => ({ default: m.CourseDetailPage })),
);
export const CourseEvaluationPage = lazyScreen(() =>
  withTexts(import("../pages/course-evaluation/CourseEvaluationPage.js")).then((m) => ({
    default: m.CourseEvaluationPage,
  })),
);
export const CataloguePage = lazyScreen(() =>
  withTexts(import("../pages/catalogue/CataloguePage.js")).then((m) => ({ default: m.CataloguePage })),
);
/** The tutoring center's code (and the texts); its route starts loading it with its data. */
export const loadTutoringCenterPage = () => withTexts(import("../pages/tutoring-center/TutoringCenterPage.js"));
export const TutoringCenterPage = lazyScreen(() =>
  loadTutoringCenterPage().then((m) => ({ default: m.TutoringCenterPage })),
);
export const CourseMissionsPage = lazyScreen(() =>
  withTexts(import("../pages/missions/CourseMissionsPage.js")).then((m) => ({ default: m.CourseMissionsPage })),
);
export const AllMissionsPage = lazyScreen(() =>
  withTexts(import("../pages/missions/AllMissionsPage.js")).then((m) => ({ default: m.AllMissionsPage })),
);
export const MissionPage = lazyScreen(() =>
  withTexts(import("../pages/missions/MissionPage.js")).then((m) => ({ default: m.MissionPage })),
);
export const ObservationsPage = lazyScreen(() =>
  withTexts(import("../pages/observations/ObservationsPage.js")).then((m) => ({ default: m.ObservationsPage })),
);
export const ObservationFormPage = lazyScreen(() =>
  withTexts(import("../pages/observations/ObservationFormPage.js")).then((m) => ({ default: m.ObservationFormPage })),
);
export const MailTemplatesPage = lazyScreen(() =>
  withTexts(import("../pages/mail-templates/MailTemplatesPage.js")).then((m) => ({ default: m.MailTemplatesPage })),
);
export const VirtualClassesPage = lazyScreen(() =>
  withTexts(import("../pages/virtual-classes/VirtualClassesPage.js")).then((m) => ({ default: m.VirtualClassesPage })),
);
export const ReminderRulesPage = lazyScreen(() =>
  withTexts(import("../pages/reminder-rules/ReminderRulesPage.js")).then((m) => ({ default: m.ReminderRulesPage })),
);
export const AdminMessagesPage = lazyScreen(() =>
  withTexts(import("../pages/admin-messages/AdminMessagesPage.js")).then((m) => ({ default: m.AdminMessagesPage })),
);
export const QuizPage = lazyScreen(() =>
  withTexts(import("../pages/quiz/QuizPage.js")).then((m) => ({ default: m.QuizPage })),
);
export const AdminQuizPage = lazyScreen(() =>
  withTexts(import("../pages/admin-quiz/AdminQuizPage.js")).then((m) => ({ default: m.AdminQuizPage })),
);
export const PlayerPage = lazyScreen(() =>
  withTexts(import("../pages/player/PlayerPage.js")).then((m) => ({ default: m.PlayerPage })),
);
export const ScormPackagePage = lazyScreen(() =>
  withTexts(import("../pages/scorm-package/ScormPackagePage.js")).then((m) => ({ default: m.ScormPackagePage })),
);
export const AdminCoursesPage = lazyScreen(() =>
  withTexts(import("../pages/admin-courses/AdminCoursesPage.js")).then((m) => ({ default: m.AdminCoursesPage })),
);
export const AdminCourseEditorPage = lazyScreen(() =>
  withTexts(import("../pages/admin-course-editor/AdminCourseEditorPage.js")).then((m) => ({
    default: m.AdminCourseEditorPage,
  })),
);
export const AdminFoldersPage = lazyScreen(() =>
  withTexts(import("../pages/admin-folders/AdminFoldersPage.js")).then((m) => ({ default: m.AdminFoldersPage })),
);
export const AdminCategoriesPage = lazyScreen(() =>
  withTexts(import("../pages/admin-categories/AdminCategoriesPage.js")).then((m) => ({
    default: m.AdminCategoriesPage,
  })),
);
export const AdminCompetenciesPage = lazyScreen(() =>
  withTexts(import("../pages/admin-competencies/AdminCompetenciesPage.js")).then((m) => ({
    default: m.AdminCompetenciesPage,
  })),
);
export const AdminUsersPage = lazyScreen(() =>
  withTexts(import("../pages/admin-users/AdminUsersPage.js")).then((m) => ({ default: m.AdminUsersPage })),
);
export const AdminListsPage = lazyScreen(() =>
  withTexts(import("../pages/admin-lists/AdminListsPage.js")).then((m) => ({ default: m.AdminListsPage })),
);
export const AdminEnrollmentsPage = lazyScreen(() =>
  withTexts(import("../pages/admin-enrollments/AdminEnrollmentsPage.js")).then((m) => ({
    default: m.AdminEnrollmentsPage,
  })),
);
export const AdminTutorsPage = lazyScreen(() =>
  withTexts(import("../pages/admin-tutors/AdminTutorsPage.js")).then((m) => ({ default: m.AdminTutorsPage })),
);
export const AdminImportsPage = lazyScreen(() =>
  withTexts(import("../pages/admin-imports/AdminImportsPage.js")).then((m) => ({ default: m.AdminImportsPage })),
);
export const AdminTokensPage = lazyScreen(() =>
  withTexts(import("../pages/admin-tokens/AdminTokensPage.js")).then((m) => ({ default: m.AdminTokensPage })),
);
