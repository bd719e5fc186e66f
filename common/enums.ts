import { z } from "zod";

export const roleSchema = z.enum(["admin", "tutor", "learner"]);
export type Role = z.infer<typeof roleSchema>;
export const localeSchema = z.enum(["fr", "en"]);
export type Locale = z.infer<typeof localeSchema>;
export const lessonTypeSchema = z.enum(["elearning", "sheet", "quiz", "webinar", "mission", "observation"]);
export type LessonType = z.infer<typeof lessonTypeSchema>;
export const enrollmentTypeSchema = z.enum(["mandatory", "recommended", "free"]);
export type EnrollmentType = z.infer<typeof enrollmentTypeSchema>;
export const enrollmentStatusSchema = z.enum(["not_started", "in_progress", "completed"]);
export type EnrollmentStatus = z.infer<typeof enrollmentStatusSchema>;
export const lessonStatusSchema = z.enum(["not_attempted", "in_progress", "completed", "passed", "failed"]);
export type LessonStatus = z.infer<typeof lessonStatusSchema>;
