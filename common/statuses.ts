import type { LessonStatus, LessonType } from "./enums.js";

/** The statuses a tutor may give a lesson of each type in `Modifier les statistiques` (R6). */
export const ALLOWED_STATUSES: Record<LessonType, LessonStatus[]> = {
  elearning: ["not_attempted", "in_progress", "completed", "passed", "failed"],
  sheet: ["not_attempted", "in_progress", "completed"],
  quiz: ["not_attempted", "in_progress", "passed", "failed"],
  webinar: ["not_attempted", "completed"],
  mission: ["not_attempted", "in_progress", "passed", "failed"],
  observation: ["not_attempted", "passed", "failed"],
};

/** SCORM limits of cmi location and suspend data, by SCORM version (1.2 is stricter). */
export const SCORM_LIMITS = {
  "1.2": { location: 255, suspendData: 4096 },
  "2004": { location: 1000, suspendData: 64_000 },
} as const;

/** Time spent can be set up to this many hours. */
export const MAX_EDIT_HOURS = 1000;
