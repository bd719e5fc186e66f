import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { myCoursesSchema } from "../../../common/api/learner.js";
import { apiRequest } from "./client.js";

export type MyCourses = z.infer<typeof myCoursesSchema>;

/** The signed-in learner's courses (`Mes formations`). */
export function useMyCourses() {
  return useQuery({
    queryKey: ["learner", "courses"],
    queryFn: ({ signal }) => apiRequest<MyCourses>("GET", "/api/learner/courses", { signal }),
  });
}
