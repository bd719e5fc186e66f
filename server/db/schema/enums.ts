import { pgEnum } from "drizzle-orm/pg-core";

/** Roles a user can hold; a user may be tutor and learner at once. */
export const roleEnum = pgEnum("role", ["admin", "tutor", "learner"]);
export const localeEnum = pgEnum("locale", ["fr", "en"]);
export const lessonTypeEnum = pgEnum("lesson_type", [
  "elearning",
  "sheet",
  "quiz",
  "webinar",
  "mission",
  "observation",
]);
export const enrollmentTypeEnum = pgEnum("enrollment_type", ["mandatory", "recommended", "free"]);
/** Status of a learner in a course (SPEC §6). */
export const enrollmentStatusEnum = pgEnum("enrollment_status", ["not_started", "in_progress", "completed"]);
/** Status of a learner on a lesson, and of one attempt. */
export const lessonStatusEnum = pgEnum("lesson_status", [
  "not_attempted",
  "in_progress",
  "completed",
  "passed",
  "failed",
]);
export const scormVersionEnum = pgEnum("scorm_version", ["1.2", "2004"]);
export const verdictEnum = pgEnum("verdict", ["passed", "failed"]);
export const reminderKindEnum = pgEnum("reminder_kind", ["email", "automatic"]);
export const reminderRuleKindEnum = pgEnum("reminder_rule_kind", ["before_objective", "inactive", "not_started"]);
export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sending", "sent", "failed", "held"]);
export const certificateKindEnum = pgEnum("certificate_kind", ["completion", "attendance"]);
export const evaluationQuestionKindEnum = pgEnum("evaluation_question_kind", ["rating", "choice", "text"]);
