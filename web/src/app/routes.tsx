import type { QueryClient } from "@tanstack/react-query";
import { Suspense } from "react";
import { type LoaderFunctionArgs, Navigate, type RouteObject } from "react-router";
import { sessionQuery } from "../api/auth.js";
import { PageLoader } from "../components/PageLoader.js";
import { preloadTutoringCenter } from "../pages/tutoring-center/preloadTutoringCenter.js";
import { HomeRedirect } from "./HomeRedirect.js";
import {
  AdminAuditPage,
  AdminCategoriesPage,
  AdminCompetenciesPage,
  AdminCourseEditorPage,
  AdminCoursesPage,
  AdminEnrollmentsPage,
  AdminFoldersPage,
  AdminImportsPage,
  AdminListsPage,
  AdminMessagesPage,
  AdminQuizPage,
  AdminTokensPage,
  AdminTutorsPage,
  AdminUsersPage,
  AllMissionsPage,
  AppLayout,
  CataloguePage,
  CourseDetailPage,
  CourseEvaluationPage,
  CourseMissionsPage,
  LearnerCoursePage,
  LearnerLessonPage,
  LearnerReportPage,
  loadAppLayout,
  loadTutoringCenterPage,
  MailTemplatesPage,
  MissionPage,
  MyCoursesPage,
  NotFoundPage,
  ObservationFormPage,
  ObservationsPage,
  PlayerPage,
  QuizPage,
  ReminderRulesPage,
  ScormPackagePage,
  SignInPage,
  TutoredCoursesPage,
  TutoringCenterPage,
  VirtualClassesPage,
} from "./lazyPages.js";
import { RequireAuth } from "./RequireAuth.js";
import { RequireRole } from "./RequireRole.js";
import { RouteErrorBoundary } from "./RouteErrorBoundary.js";

// Loaders only start downloads as a route is entered and return at once (the screens still render as
// soon as their code is there). Data first: on HTTP/1.1 the browser opens 6 connections to the server,
// and the session and the first page of data must not queue behind the code chunks, which are asked
// for in a microtask: after the loaders' fetches, but before React's first render of the loading
// screen (a timer waited for that render, ~200 ms on a slow machine).
function startLayout(queryClient: QueryClient) {
  return () => {
    void queryClient.prefetchQuery(sessionQuery);
    queueMicrotask(() => void loadAppLayout());
    return null;
  };
}

function startTutoringCenter(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    preloadTutoringCenter(queryClient, params.courseId ?? "", new URL(request.url));
    queueMicrotask(() => void loadTutoringCenterPage());
    return null;
  };
}

/** The app's routes; URLs follow the French product's vocabulary (`/tutorat/formations`). */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      errorElement: <RouteErrorBoundary />,
      // Shown for the instant the loaders above take on the first load.
      hydrateFallbackElement: <PageLoader />,
      children: [
        {
          path: "/sign-in",
          element: (
            <Suspense fallback={<PageLoader />}>
              <SignInPage />
            </Suspense>
          ),
        },
        {
          element: <RequireAuth />,
          children: [
            {
              loader: startLayout(queryClient),
              // Its downloads are started once; later navigations have nothing to start.
              shouldRevalidate: () => false,
              element: (
                <Suspense fallback={<PageLoader />}>
                  <AppLayout />
                </Suspense>
              ),
              children: [
                { index: true, element: <HomeRedirect /> },
                {
                  path: "tutorat",
                  element: <RequireRole roles={["tutor", "admin"]} />,
                  children: [
                    { index: true, element: <Navigate to="formations" replace /> },
                    { path: "formations", element: <TutoredCoursesPage /> },
                    { path: "formations/:courseId", element: <CourseDetailPage /> },
                    { path: "formations/:courseId/evaluation", element: <CourseEvaluationPage /> },
                    { path: "formations/:courseId/centre/apprenants/:learnerId", element: <LearnerReportPage /> },
                    {
                      path: "formations/:courseId/centre",
                      loader: startTutoringCenter(queryClient),
                      // Filters, sorting and paging change the search only: the page's own queries follow them.
                      shouldRevalidate: ({ currentUrl, nextUrl }) => currentUrl.pathname !== nextUrl.pathname,
                      element: <TutoringCenterPage />,
                    },
                    { path: "formations/:courseId/centre/missions", element: <CourseMissionsPage /> },
                    { path: "formations/:courseId/centre/missions/:submissionId", element: <MissionPage /> },
                    { path: "formations/:courseId/centre/observations", element: <ObservationsPage /> },
                    {
                      path: "formations/:courseId/centre/observations/:lessonId/apprenants/:learnerId",
                      element: <ObservationFormPage />,
                    },
                    { path: "missions", element: <AllMissionsPage /> },
                    { path: "formations/:courseId/classes", element: <VirtualClassesPage /> },
                    { path: "formations/:courseId/relances-automatiques", element: <ReminderRulesPage /> },
                    { path: "modeles-de-mail", element: <MailTemplatesPage /> },
                  ],
                },
                {
                  path: "admin",
                  element: <RequireRole roles={["admin"]} />,
                  children: [
                    { path: "audit", element: <AdminAuditPage /> },
                    { path: "utilisateurs", element: <AdminUsersPage /> },
                    { path: "listes", element: <AdminListsPage /> },
                    { path: "inscriptions", element: <AdminEnrollmentsPage /> },
                    { path: "tuteurs", element: <AdminTutorsPage /> },
                    { path: "imports", element: <AdminImportsPage /> },
                    { path: "jetons-api", element: <AdminTokensPage /> },
                    { path: "formations", element: <AdminCoursesPage /> },
                    { path: "formations/:courseId", element: <AdminCourseEditorPage /> },
                    { path: "repertoires", element: <AdminFoldersPage /> },
                    { path: "categories", element: <AdminCategoriesPage /> },
                    { path: "competences", element: <AdminCompetenciesPage /> },
                    { path: "formations/:courseId/lecons/:lessonId/scorm", element: <ScormPackagePage /> },
                    { path: "formations/:courseId/lecons/:lessonId/quiz", element: <AdminQuizPage /> },
                    { path: "messages", element: <AdminMessagesPage /> },
                  ],
                },
                { path: "mes-formations", element: <MyCoursesPage /> },
                { path: "mes-formations/:courseId/lecons/:lessonId/lecteur", element: <PlayerPage /> },
                { path: "mes-formations/:courseId", element: <LearnerCoursePage /> },
                { path: "mes-formations/:courseId/lecons/:lessonId", element: <LearnerLessonPage /> },
                { path: "mes-formations/:courseId/lecons/:lessonId/quiz", element: <QuizPage /> },
                { path: "catalogue/:courseId", element: <CataloguePage /> },
                { path: "*", element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ];
}
