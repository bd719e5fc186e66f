import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { evaluationQuestionKindEnum, lessonTypeEnum, scormVersionEnum } from "./enums.js";
import { learnerLists, users } from "./people.js";

/** Folder tree ("répertoires"). `path` is the chain of ids from the root ("/a/b/"), so a subtree is one prefix scan. */
export const folders = pgTable(
  "folders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parentId: uuid("parent_id").references((): AnyPgColumn => folders.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    path: text("path").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("folders_parent_idx").on(t.parentId),
    index("folders_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
  ],
);

export const categories = pgTable("categories", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
});

export const competencyFrameworks = pgTable("competency_frameworks", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
});

export const competencies = pgTable(
  "competencies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => competencyFrameworks.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    label: text("label").notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [uniqueIndex("competencies_framework_code_key").on(t.frameworkId, t.code)],
);

export const courses = pgTable(
  "courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    folderId: uuid("folder_id").references(() => folders.id, { onDelete: "set null" }),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    /** Name lower-cased, without accents and punctuation: accent-insensitive search and sort. */
    searchName: text("search_name").notNull(),
    description: text("description").notNull().default(""),
    thumbnailPath: text("thumbnail_path"),
    catalogueVisible: boolean("catalogue_visible").notNull().default(true),
    /** Open to all users ("Everyone"); otherwise open to `course_audience_lists`. */
    audienceEveryone: boolean("audience_everyone").notNull().default(true),
    /** B1: a learner with no activity for this many days is shown at risk. */
    inactivityDays: integer("inactivity_days").notNull().default(14),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("courses_folder_idx").on(t.folderId), index("courses_search_name_idx").on(t.searchName)],
);

export const courseCategories = pgTable(
  "course_categories",
  {
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.categoryId] })],
);

export const courseCompetencies = pgTable(
  "course_competencies",
  {
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    competencyId: uuid("competency_id")
      .notNull()
      .references(() => competencies.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.competencyId] })],
);

export const courseAudienceLists = pgTable(
  "course_audience_lists",
  {
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    listId: uuid("list_id")
      .notNull()
      .references(() => learnerLists.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.listId] }), index("course_audience_lists_list_idx").on(t.listId)],
);

export const lessons = pgTable(
  "lessons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    type: lessonTypeEnum("type").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    points: integer("points").notNull().default(0),
    /** Passing score in percent (`Passage`); null when the lesson has none. */
    passingScore: numeric("passing_score", { precision: 5, scale: 2, mode: "number" }),
    minTimeSeconds: integer("min_time_s"),
    /** Expected duration, shown in the catalogue. */
    durationSeconds: integer("duration_s"),
    /** Type-specific settings (document path, quiz rules, mission limits...). */
    settings: jsonb("settings").notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lessons_course_position_key").on(t.courseId, t.position)],
);

/** An uploaded SCORM package behind an e-learning lesson (S1). */
export const scormPackages = pgTable("scorm_packages", {
  id: uuid("id").primaryKey().defaultRandom(),
  lessonId: uuid("lesson_id")
    .notNull()
    .references(() => lessons.id, { onDelete: "cascade" }),
  version: scormVersionEnum("version").notNull(),
  versionDetail: text("version_detail"),
  launchPath: text("launch_path").notNull(),
  storagePath: text("storage_path").notNull(),
  masteryScore: numeric("mastery_score", { precision: 5, scale: 2, mode: "number" }),
  manifest: jsonb("manifest").notNull().default(sql`'{}'::jsonb`),
  sizeBytes: integer("size_bytes").notNull().default(0),
  uploadedBy: uuid("uploaded_by").references(() => users.id),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  active: boolean("active").notNull().default(true),
});

/** Native quiz questions (S2). `choices`: [{ label, correct }]. */
export const quizQuestions = pgTable(
  "quiz_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    multiple: boolean("multiple").notNull().default(false),
    text: text("text").notNull(),
    choices: jsonb("choices").notNull(),
    points: integer("points").notNull().default(1),
  },
  (t) => [index("quiz_questions_lesson_idx").on(t.lessonId, t.position)],
);

/** Observation grid of an observation lesson (T8). `levels`: [{ label, value (0-100) }]. */
export const observationGrids = pgTable("observation_grids", {
  id: uuid("id").primaryKey().defaultRandom(),
  lessonId: uuid("lesson_id")
    .notNull()
    .unique()
    .references(() => lessons.id, { onDelete: "cascade" }),
  levels: jsonb("levels").notNull(),
});

export const observationCriteria = pgTable(
  "observation_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    gridId: uuid("grid_id")
      .notNull()
      .references(() => observationGrids.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    description: text("description").notNull().default(""),
    weight: numeric("weight", { precision: 6, scale: 2, mode: "number" }).notNull().default(1),
    /** An eliminating criterion: below the top level, the observation fails whatever the score. */
    required: boolean("required").notNull().default(false),
  },
  (t) => [index("observation_criteria_grid_idx").on(t.gridId, t.position)],
);

/** Satisfaction evaluation of a course (C10). `options` for choice questions. */
export const evaluationQuestions = pgTable(
  "evaluation_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: evaluationQuestionKindEnum("kind").notNull(),
    label: text("label").notNull(),
    options: jsonb("options").notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [index("evaluation_questions_course_idx").on(t.courseId, t.position)],
);
