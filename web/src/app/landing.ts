import type { CurrentUser } from "../../../common/api/auth.js";

export const signInRoute = "/sign-in";
export const tutoredCoursesRoute = "/tutorat/formations";
export const myCoursesRoute = "/mes-formations";

/** Whether the user may open the tutoring screens (the server checks it too). */
export function canTutor(user: Pick<CurrentUser, "roles">): boolean {
  return user.roles.includes("tutor") || user.roles.includes("admin");
}

/** Where a user lands after sign-in: tutors and admins on their courses, learners on theirs. */
export function landingPathFor(user: Pick<CurrentUser, "roles">): string {
  return canTutor(user) ? tutoredCoursesRoute : myCoursesRoute;
}

/**
 * The in-app path to return to after sign-in, or null. Only same-site paths are accepted so a
 * crafted link cannot bounce the user to another site (`//evil.example`, `/\evil.example`).
 */
export function safeRedirect(value: string | null | undefined): string | null {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (value === signInRoute || value.startsWith(`${signInRoute}?`) || value.startsWith(`${signInRoute}/`)) return null;
  return value;
}

/** The sign-in URL that brings the user back to `location` afterwards. */
export function signInPathFrom(location: { pathname: string; search: string }): string {
  const target = `${location.pathname}${location.search}`;
  if (target === "/" || !safeRedirect(target)) return signInRoute;
  return `${signInRoute}?${new URLSearchParams({ redirect: target }).toString()}`;
}
