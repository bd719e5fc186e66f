import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { courses, lessons } from "./catalog.js";
import { enrollmentStatusEnum, enrollmentTypeEnum, lessonStatusEnum } from "./enums.js";
import { users } from "./people.js";

/**
 * A learner in a course. The summary columns (status ... last_activity_at) are derived from
 * lesson_stats and kept in the same transaction as every write that changes them (DESIGN.md).
 */
export const enrollments = pgTable(
  "enrollments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: enrollmentTypeEnum("type").notNull().default("free"),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }).notNull().defaultNow(),
    startAt: timestamp("start_at", { withTimezone: true }),
    objectiveAt: timestamp("objective_at", { withTimezone: true }),
    endAt: timestamp("end_at", { withTimezone: true }),
    /** Copy of users.sort_name so a course's learners sort by name on one index. */
    learnerSortName: text("learner_sort_name").notNull(),
    status: enrollmentStatusEnum("status").notNull().default("not_started"),
    progressPct: smallint("progress_pct").notNull().default(0),
    completedLessons: smallint("completed_lessons").notNull().default(0),
    timeSpentSeconds: integer("time_spent_s").notNull().default(0),
    firstActivityAt: timestamp("first_activity_at", { withTimezone: true }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }),
    /**
     * B1: when the learner becomes at risk if nothing changes (objective date passed or near with
     * low progress, or inactivity); null when completed. At risk = risk_at <= now(), so the
     * tutoring center filters and sorts on an index although "now" moves.
     */
    riskAt: timestamp("risk_at", { withTimezone: true }),
    /** Mission submissions of this enrollment awaiting a correction (indicator `Missions à corriger`). */
    missionsToCorrect: integer("missions_to_correct").notNull().default(0),
    /** Observation lessons of the course not passed by this learner (indicator `Observations à réaliser`). */
    observationsPending: smallint("observations_pending").notNull().default(0),
    /** Bumped by every change of the learner's data in this course: optimistic concurrency. */
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("enrollments_course_user_key").on(t.courseId, t.userId),
    index("enrollments_user_idx").on(t.userId),
    index("enrollments_course_name_idx").on(t.courseId, t.learnerSortName, t.id),
    index("enrollments_course_progress_idx").on(t.courseId, t.progressPct, t.learnerSortName, t.id),
    index("enrollments_course_time_idx").on(t.courseId, t.timeSpentSeconds, t.learnerSortName, t.id),
    index("enrollments_course_status_idx").on(t.courseId, t.status, t.learnerSortName, t.id),
    index("enrollments_course_type_name_idx").on(t.courseId, t.type, t.learnerSortName, t.id),
    // The enrollment filter sorted by progress (a page of the mandatory learners by progress sorted
    // 70,000 rows without it, BENCHMARKS.md).
    index("enrollments_course_type_progress_idx").on(t.courseId, t.type, t.progressPct, t.learnerSortName, t.id),
    index("enrollments_course_risk_idx").on(t.courseId, t.riskAt, t.learnerSortName, t.id),
  ],
);

/**
 * The tutoring center's indicators of a whole course, by enrollment type and status: learners,
 * missions awaiting a correction, learners with an observation to do. Kept by statement triggers on
 * `enrollments` (migration 0006) in the same transaction as every enrollment write, so a course of
 * 100,000 learners is counted by reading at most 9 rows (BENCHMARKS.md).
 */
export const courseCounters = pgTable(
  "course_counters",
  {
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    type: enrollmentTypeEnum("type").notNull(),
    status: enrollmentStatusEnum("status").notNull(),
    learners: integer("learners").notNull().default(0),
    missionsToCorrect: integer("missions_to_correct").notNull().default(0),
    observationsToDo: integer("observations_to_do").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.type, t.status] })],
);

/**
 * How many learners of a course fall in each (enrollment type, progress, name prefix) bucket, so a
 * deep page of the tutoring center sorted by name or progress seeks to its bucket on the index and
 * walks at most one bucket, instead of skipping up to 100,000 index entries (BENCHMARKS.md). The
 * prefix is the first 3 characters of learner_sort_name (collation "C": a prefix sorts before every
 * name it starts). Kept by the same triggers as course_counters.
 */
export const courseSortBuckets = pgTable(
  "course_sort_buckets",
  {
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    type: enrollmentTypeEnum("type").notNull(),
    progressPct: smallint("progress_pct").notNull(),
    prefix: text("prefix").notNull(),
    learners: integer("learners").notNull().default(0),
  },
  // The primary key's index also holds `learners` (INCLUDE, migration 0011: drizzle can't say so), so
  // summing a course's buckets is an index-only scan.
  (t) => [primaryKey({ columns: [t.courseId, t.type, t.progressPct, t.prefix] })],
);

/**
 * Each enrollment's learner name, in a narrow table of its own with a trigram index on
 * (course_id, name): how many learners of a 100,000-learner course a name search matches is read
 * from the index instead of testing every name of the course (`%text%` can't use a B-tree). Apart from
 * enrollments, whose rows every learner's commit rewrites (its indexes too), so a commit doesn't
 * pay for this index. Kept by triggers on enrollments (migration 0008).
 */
export const enrollmentNames = pgTable("enrollment_names", {
  enrollmentId: uuid("enrollment_id")
    .primaryKey()
    .references(() => enrollments.id, { onDelete: "cascade" }),
  courseId: uuid("course_id").notNull(),
  name: text("name").notNull(),
});

/**
 * Per (enrollment, lesson) statistics, one row for every lesson of the course (dense), derived
 * from attempts, attendance and the tutor's overrides. `override_*` are the values a tutor set in
 * `Modifier les statistiques` (R6); the effective value is the override when present.
 */
export const lessonStats = pgTable(
  "lesson_stats",
  {
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    courseId: uuid("course_id").notNull(),
    status: lessonStatusEnum("status").notNull().default("not_attempted"),
    statusAt: timestamp("status_at", { withTimezone: true }),
    score: numeric("score", { precision: 5, scale: 2, mode: "number" }),
    avgScore: numeric("avg_score", { precision: 5, scale: 2, mode: "number" }),
    attemptsCount: integer("attempts_count").notNull().default(0),
    timeSpentSeconds: integer("time_spent_s").notNull().default(0),
    firstActivityAt: timestamp("first_activity_at", { withTimezone: true }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }),
    overrideStatus: lessonStatusEnum("override_status"),
    overrideStatusAt: timestamp("override_status_at", { withTimezone: true }),
    overrideScore: numeric("override_score", { precision: 5, scale: 2, mode: "number" }),
    overrideTimeSeconds: integer("override_time_s"),
    /** `Effacer le nombre d'essai`: attempts up to this number no longer count. */
    attemptsResetAfter: integer("attempts_reset_after").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.enrollmentId, t.lessonId] }),
    // With the enrollment, the indicators count a course's observations to do from the index alone.
    index("lesson_stats_lesson_status_idx").on(t.lessonId, t.status, t.enrollmentId),
  ],
);

/** One try at a lesson: a SCORM launch, a quiz attempt, a mission submission, an observation. */
export const attempts = pgTable(
  "attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    status: lessonStatusEnum("status").notNull().default("in_progress"),
    /** When the attempt reached its status (a mission: when it was corrected). */
    statusAt: timestamp("status_at", { withTimezone: true }),
    score: numeric("score", { precision: 5, scale: 2, mode: "number" }),
    timeSpentSeconds: integer("time_spent_s").notNull().default(0),
    /** SCORM CMI data: completion/success status, score raw/min/max/scaled, location, suspend data, interactions, objectives. */
    cmi: jsonb("cmi").notNull().default(sql`'{}'::jsonb`),
    /** Quiz answers, mission declared time... */
    data: jsonb("data").notNull().default(sql`'{}'::jsonb`),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("attempts_enrollment_lesson_number_key").on(t.enrollmentId, t.lessonId, t.number),
    index("attempts_lesson_idx").on(t.lessonId),
  ],
);

/** A learner's time in a lesson's content (connection history, R4). */
export const sessions = pgTable(
  "sessions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    attemptId: bigint("attempt_id", { mode: "number" }).references(() => attempts.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    durationSeconds: integer("duration_s").notNull().default(0),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    index("sessions_enrollment_started_idx").on(t.enrollmentId, t.startedAt),
    index("sessions_attempt_idx").on(t.attemptId),
  ],
);

/** Platform-wide settings, one row. `session_cap_s`: a single session counts for at most this long (B3). */
export const platformSettings = pgTable("platform_settings", {
  id: smallint("id").primaryKey().default(1),
  sessionCapSeconds: integer("session_cap_s").notNull().default(14_400),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
