import type { QueryClient } from "@tanstack/react-query";
import { Suspense } from "react";
import { type LoaderFunctionArgs, Navigate, type RouteObject, redirect } from "react-router";
import type { CurrentUser } from "../../../common/api/auth.js";
import { sessionQuery } from "../api/auth.js";
import { PageLoader } from "../components/PageLoader.js";
import { preloadTutoringCenter } from "../pages/tutoring-center/preloadTutoringCenter.js";
import { HomeRedirect } from "./HomeRedirect.js";
import { landingPathFor, tutoredCoursesRoute } from "./landing.js";
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
import type { LazyScreen } from "./lazyScreen.js";
import { RequireAuth } from "./RequireAuth.js";
import { RequireRole } from "./RequireRole.js";
import { RouteErrorBoundary } from "./RouteErrorBoundary.js";

// Loaders start downloads as a route is entered. Data first: on HTTP/1.1 the browser opens 6
// connections to the server, and the session and the first page of data must not queue behind the
// code chunks, which are asked for in a microtask: after the loaders' fetches, but before React's
// first render of the loading screen (a timer waited for that render, ~200 ms on a slow machine).
// On later navigations a loader returns at once: the layout shows a loading screen until the
// screen's code has come. On the app's first load it returns once the code has come, so the router
// keeps its loading screen (hydrateFallbackElement) until the layout and the screen can render in
// one pass: before, the layout showed first with a loading screen in the screen's place, and React
// then held the screen back for 300 ms after that fallback (its throttle of revealed Suspense
// content), its code having come meanwhile. A failed download is left to the screen's lazy
// component and the route's error screen, as on navigation.
function startCode(screen: LazyScreen, app: AppLoad, whenSignedIn = true): Promise<null> | null {
  const code = Promise.resolve()
    .then(() => screen.preload())
    .then(
      () => null,
      () => null,
    );
  if (!app.firstLoad()) return null;
  if (!whenSignedIn) return code;
  // A visitor who is not signed in goes to the sign-in page as soon as the session says so.
  return app.queryClient.fetchQuery(sessionQuery).then(
    (session) => (session ? code : null),
    () => code,
  );
}

/** What the loaders need: the query client, and whether the router is still on the app's first load. */
interface AppLoad {
  queryClient: QueryClient;
  firstLoad: () => boolean;
}

function startLayout(app: AppLoad) {
  return () => {
    void app.queryClient.prefetchQuery(sessionQuery);
    return startCode(AppLayout, app);
  };
}

function startTutoringCenter(app: AppLoad) {
  return ({ params, request }: LoaderFunctionArgs) => {
    preloadTutoringCenter(app.queryClient, params.courseId ?? "", new URL(request.url));
    return startCode(TutoringCenterPage, app);
  };
}

/**
 * A path with no screen of its own (`/`, `/tutorat`): a signed-in user is sent on from the loader,
 * within the same navigation, so the first load goes on to the screen's code and renders it in one
 * pass too; anyone else is left to RequireAuth (sign-in, and back to this path afterwards).
 */
function sendOn(app: AppLoad, to: (user: CurrentUser) => string) {
  return async () => {
    const session = await app.queryClient.fetchQuery(sessionQuery).catch(() => null);
    return session ? redirect(to(session.user)) : null;
  };
}

/** A screen's route: its loader starts the screen's code (only that: nothing to run again). */
function screenRoute(path: string, Screen: LazyScreen, app: AppLoad): RouteObject {
  return { path, loader: () => startCode(Screen, app), shouldRevalidate: () => false, element: <Screen /> };
}

/**
 * The app's router, made by `create` (the browser's, or a memory router in tests) from its routes.
 * The loaders learn from it whether this is still the app's first load: they run as the router is
 * created, before `router` is set, and until its first navigation is done.
 */
export function createAppRouter<R extends { state: { initialized: boolean } }>(
  queryClient: QueryClient,
  create: (routes: RouteObject[]) => R,
): R {
  let router: R | undefined;
  router = create(createRoutes(queryClient, () => router?.state.initialized !== true));
  return router;
}

/**
 * The app's routes; URLs follow the French product's vocabulary (`/tutorat/formations`).
 * `firstLoad` tells whether the router is still on the app's first load (its loading screen shown).
 */
function createRoutes(queryClient: QueryClient, firstLoad: () => boolean): RouteObject[] {
  const app: AppLoad = { queryClient, firstLoad };
  const screen = (path: string, Screen: LazyScreen) => screenRoute(path, Screen, app);
  return [
    {
      errorElement: <RouteErrorBoundary />,
      // Shown until the first load's loaders are done: the session, and the layout's and the screen's code.
      hydrateFallbackElement: <PageLoader />,
      children: [
        {
          path: "/sign-in",
          loader: () => startCode(SignInPage, app, false),
          shouldRevalidate: () => false,
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
              loader: startLayout(app),
              // Its downloads are started once; later navigations have nothing to start.
              shouldRevalidate: () => false,
              element: (
                <Suspense fallback={<PageLoader />}>
                  <AppLayout />
                </Suspense>
              ),
              children: [
                { index: true, loader: sendOn(app, landingPathFor), element: <HomeRedirect /> },
                {
                  path: "tutorat",
                  element: <RequireRole roles={["tutor", "admin"]} />,
                  children: [
                    {
                      index: true,
                      loader: sendOn(app, () => tutoredCoursesRoute),
                      element: <Navigate to="formations" replace />,
                    },
                    screen("formations", TutoredCoursesPage),
                    screen("formations/:courseId", CourseDetailPage),
                    screen("formations/:courseId/evaluation", CourseEvaluationPage),
                    screen("formations/:courseId/centre/apprenants/:learnerId", LearnerReportPage),
                    {
                      path: "formations/:courseId/centre",
                      loader: startTutoringCenter(app),
                      // Filters, sorting and paging change the search only: the page's own queries follow them.
                      shouldRevalidate: ({ currentUrl, nextUrl }) => currentUrl.pathname !== nextUrl.pathname,
                      element: <TutoringCenterPage />,
                    },
                    screen("formations/:courseId/centre/missions", CourseMissionsPage),
                    screen("formations/:courseId/centre/missions/:submissionId", MissionPage),
                    screen("formations/:courseId/centre/observations", ObservationsPage),
                    screen(
                      "formations/:courseId/centre/observations/:lessonId/apprenants/:learnerId",
                      ObservationFormPage,
                    ),
                    screen("missions", AllMissionsPage),
                    screen("formations/:courseId/classes", VirtualClassesPage),
                    screen("formations/:courseId/relances-automatiques", ReminderRulesPage),
                    screen("modeles-de-mail", MailTemplatesPage),
                  ],
                },
                {
                  path: "admin",
                  element: <RequireRole roles={["admin"]} />,
                  children: [
                    screen("audit", AdminAuditPage),
                    screen("utilisateurs", AdminUsersPage),
                    screen("listes", AdminListsPage),
                    screen("inscriptions", AdminEnrollmentsPage),
                    screen("tuteurs", AdminTutorsPage),
                    screen("imports", AdminImportsPage),
                    screen("jetons-api", AdminTokensPage),
                    screen("formations", AdminCoursesPage),
                    screen("formations/:courseId", AdminCourseEditorPage),
                    screen("repertoires", AdminFoldersPage),
                    screen("categories", AdminCategoriesPage),
                    screen("competences", AdminCompetenciesPage),
                    screen("formations/:courseId/lecons/:lessonId/scorm", ScormPackagePage),
                    screen("formations/:courseId/lecons/:lessonId/quiz", AdminQuizPage),
                    screen("messages", AdminMessagesPage),
                  ],
                },
                screen("mes-formations", MyCoursesPage),
                screen("mes-formations/:courseId/lecons/:lessonId/lecteur", PlayerPage),
                screen("mes-formations/:courseId", LearnerCoursePage),
                screen("mes-formations/:courseId/lecons/:lessonId", LearnerLessonPage),
                screen("mes-formations/:courseId/lecons/:lessonId/quiz", QuizPage),
                screen("catalogue/:courseId", CataloguePage),
                screen("*", NotFoundPage),
              ],
            },
          ],
        },
      ],
    },
  ];
}
