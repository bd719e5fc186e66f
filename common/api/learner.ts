import { z } from "zod";
import { enrollmentStatusSchema } from "../enums.js";

/** A course of the signed-in learner (`Mes formations`). */
export const myCourseSchema = z.object({
  courseId: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  status: enrollmentStatusSchema,
  progressPct: z.number().int(),
  timeSpentSeconds: z.number().int(),
  objectiveAt: z.string().nullable(),
});
export type MyCourse = z.infer<typeof myCourseSchema>;
export const myCoursesSchema = z.object({ items: z.array(myCourseSchema) });
