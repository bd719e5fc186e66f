import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { courses, evaluationQuestions, lessons, observationCriteria, observationGrids } from "./catalog.js";
import { verdictEnum } from "./enums.js";
import { users } from "./people.js";
import { attempts, enrollments } from "./tracking.js";

/** A learner's review of a course (C9): one per learner, editable. */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rating: smallint("rating").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reviews_course_user_key").on(t.courseId, t.userId),
    index("reviews_course_created_idx").on(t.courseId, t.createdAt),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

/** Comments on a lesson; a tutor's answer has parent_id set (C8). */
export const lessonComments = pgTable(
  "lesson_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => lessonComments.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("lesson_comments_lesson_idx").on(t.lessonId, t.createdAt),
    index("lesson_comments_parent_idx").on(t.parentId),
  ],
);

/** One learner's answers to a course's satisfaction evaluation (C10). */
export const evaluationResponses = pgTable(
  "evaluation_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("evaluation_responses_course_user_key").on(t.courseId, t.userId)],
);

export const evaluationAnswers = pgTable(
  "evaluation_answers",
  {
    responseId: uuid("response_id")
      .notNull()
      .references(() => evaluationResponses.id, { onDelete: "cascade" }),
    questionId: uuid("question_id")
      .notNull()
      .references(() => evaluationQuestions.id, { onDelete: "cascade" }),
    rating: smallint("rating"),
    choice: text("choice"),
    text: text("text"),
  },
  (t) => [
    uniqueIndex("evaluation_answers_response_question_key").on(t.responseId, t.questionId),
    index("evaluation_answers_question_idx").on(t.questionId),
  ],
);

/** A learner's mission submission (T7); its attempt carries status and score once corrected. */
export const missionSubmissions = pgTable(
  "mission_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    attemptId: bigint("attempt_id", { mode: "number" })
      .notNull()
      .unique()
      .references(() => attempts.id, { onDelete: "cascade" }),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    text: text("text").notNull().default(""),
    /** Time the learner says the mission took. */
    declaredTimeSeconds: integer("declared_time_s").notNull().default(0),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mission_submissions_lesson_idx").on(t.lessonId, t.submittedAt),
    index("mission_submissions_enrollment_idx").on(t.enrollmentId),
  ],
);

export const missionFiles = pgTable("mission_files", {
  id: uuid("id").primaryKey().defaultRandom(),
  submissionId: uuid("submission_id")
    .notNull()
    .references(() => missionSubmissions.id, { onDelete: "cascade" }),
  fileName: text("file_name").notNull(),
  mimeType: text("mime_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  storagePath: text("storage_path").notNull(),
});

/** A tutor's correction; at most one per submission, so two tutors can't both correct it. */
export const missionCorrections = pgTable("mission_corrections", {
  id: uuid("id").primaryKey().defaultRandom(),
  submissionId: uuid("submission_id")
    .notNull()
    .unique()
    .references(() => missionSubmissions.id, { onDelete: "cascade" }),
  tutorId: uuid("tutor_id")
    .notNull()
    .references(() => users.id),
  score: numeric("score", { precision: 5, scale: 2, mode: "number" }),
  verdict: verdictEnum("verdict").notNull(),
  feedback: text("feedback").notNull().default(""),
  correctedAt: timestamp("corrected_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A tutor's observation of a learner with a grid (T8); its attempt carries score and status. */
export const observations = pgTable(
  "observations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    attemptId: bigint("attempt_id", { mode: "number" })
      .notNull()
      .unique()
      .references(() => attempts.id, { onDelete: "cascade" }),
    gridId: uuid("grid_id")
      .notNull()
      .references(() => observationGrids.id),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    tutorId: uuid("tutor_id")
      .notNull()
      .references(() => users.id),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull(),
    durationSeconds: integer("duration_s").notNull().default(0),
    comment: text("comment").notNull().default(""),
    score: numeric("score", { precision: 5, scale: 2, mode: "number" }).notNull(),
    passed: boolean("passed").notNull(),
  },
  (t) => [index("observations_enrollment_idx").on(t.enrollmentId)],
);

export const observationRatings = pgTable(
  "observation_ratings",
  {
    observationId: uuid("observation_id")
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => observationCriteria.id, { onDelete: "cascade" }),
    levelIndex: smallint("level_index").notNull(),
    comment: text("comment").notNull().default(""),
  },
  (t) => [uniqueIndex("observation_ratings_key").on(t.observationId, t.criterionId)],
);
