import type { QueryClient } from "@tanstack/react-query";
import { tutoredLearnersQuery, tutoringCourseQuery } from "../../api/tutoring.js";
import { centerViewToQuery, parseCenterView } from "./centerView.js";

/**
 * Asks for the course and the learners page the tutoring center at `url` will show, as the route
 * starts (while the session, the layout and the page's code load), so the table does not wait for
 * its code before its data is even asked for. The page's own queries then find them in the cache.
 */
export function preloadTutoringCenter(queryClient: QueryClient, courseId: string, url: URL) {
  void queryClient.prefetchQuery(tutoringCourseQuery(courseId));
  void queryClient.prefetchQuery(tutoredLearnersQuery(courseId, centerViewToQuery(parseCenterView(url.searchParams))));
}
