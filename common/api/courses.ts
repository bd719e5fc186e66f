import { z } from "zod";
import { pageOf, pageQuerySchema } from "./paging.js";

export const tutoredCoursesQuerySchema = pageQuerySchema.extend({
  sort: z.enum(["name", "list"]).default("name"),
  /** Accent- and case-insensitive search on the course name. */
  q: z.string().max(200).optional(),
  /** Filter on the learner list name ("Everyone" for courses open to all). */
  list: z.string().max(200).optional(),
  folderId: z.string().uuid().optional(),
});
export type TutoredCoursesQuery = z.infer<typeof tutoredCoursesQuerySchema>;

export const tutoredCourseSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  everyone: z.boolean(),
  /** Names of the learner lists the course is open to; empty when `everyone`. */
  lists: z.array(z.string()),
  folderId: z.string().uuid().nullable(),
});
export type TutoredCourse = z.infer<typeof tutoredCourseSchema>;
export const tutoredCoursesPageSchema = pageOf(tutoredCourseSchema);
export type TutoredCoursesPage = z.infer<typeof tutoredCoursesPageSchema>;

export const courseIdParamsSchema = z.object({ courseId: z.string().uuid() });

export const courseDetailSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  everyone: z.boolean(),
  lists: z.array(z.string()),
  categories: z.array(z.string()),
  competencies: z.array(
    z.object({ code: z.string(), label: z.string(), framework: z.string(), description: z.string() }),
  ),
});
export type CourseDetail = z.infer<typeof courseDetailSchema>;
