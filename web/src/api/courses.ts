import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TutoredCoursesPage, TutoredCoursesQuery } from "../../../common/api/courses.js";
import { apiRequest } from "./client.js";

/** One page of the courses the signed-in tutor tutors (`Tutorat > Formations`), paged and sorted by the server. */
export function useTutoredCourses(query: TutoredCoursesQuery) {
  return useQuery({
    queryKey: ["tutoring", "courses", query],
    queryFn: ({ signal }) =>
      apiRequest<TutoredCoursesPage>("GET", "/api/tutoring/courses", { query: { ...query }, signal }),
    // Keep showing the current page while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}
