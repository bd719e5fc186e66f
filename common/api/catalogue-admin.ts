import { z } from "zod";
import { lessonTypeSchema } from "../enums.js";
import { pageOf, pageQuerySchema } from "./paging.js";

// ---- Folders (répertoires) ----

export const folderIdParamsSchema = z.object({ folderId: z.string().uuid() });

const folderName = z.string().trim().min(1).max(200);

/** A folder of the admin tree, with what keeps it from being deleted. */
export const adminFolderSchema = z.object({
  id: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  name: z.string(),
  position: z.number().int(),
  /** Courses directly in this folder. */
  courseCount: z.number().int(),
  /** Direct sub-folders. */
  childCount: z.number().int(),
});
export type AdminFolder = z.infer<typeof adminFolderSchema>;
export const adminFoldersSchema = z.object({ items: z.array(adminFolderSchema) });

export const folderCreateSchema = z.object({ name: folderName, parentId: z.string().uuid().nullable().default(null) });
export type FolderCreate = z.infer<typeof folderCreateSchema>;
/** Rename and/or move: `parentId: null` moves the folder to the root; an absent key leaves it where it is. */
export const folderUpdateSchema = z.object({
  name: folderName.optional(),
  parentId: z.string().uuid().nullable().optional(),
});
export type FolderUpdate = z.infer<typeof folderUpdateSchema>;

// ---- Categories ----

export const categoryIdParamsSchema = z.object({ categoryId: z.string().uuid() });
export const adminCategorySchema = z.object({ id: z.string().uuid(), name: z.string(), courseCount: z.number().int() });
export type AdminCategory = z.infer<typeof adminCategorySchema>;
export const adminCategoriesSchema = z.object({ items: z.array(adminCategorySchema) });
export const categoryInputSchema = z.object({ name: z.string().trim().min(1).max(200) });
export type CategoryInput = z.infer<typeof categoryInputSchema>;

// ---- Competency frameworks and competencies ----

export const frameworkIdParamsSchema = z.object({ frameworkId: z.string().uuid() });
export const competencyIdParamsSchema = z.object({ competencyId: z.string().uuid() });

export const adminCompetencySchema = z.object({
  id: z.string().uuid(),
  frameworkId: z.string().uuid(),
  code: z.string(),
  label: z.string(),
  description: z.string(),
  courseCount: z.number().int(),
});
export type AdminCompetency = z.infer<typeof adminCompetencySchema>;
export const adminFrameworkSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  competencies: z.array(adminCompetencySchema),
});
export type AdminFramework = z.infer<typeof adminFrameworkSchema>;
export const adminFrameworksSchema = z.object({ items: z.array(adminFrameworkSchema) });

export const frameworkInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(""),
});
export type FrameworkInput = z.infer<typeof frameworkInputSchema>;
export const competencyFieldsSchema = z.object({
  code: z.string().trim().min(1).max(50),
  label: z.string().trim().min(1).max(300),
  description: z.string().trim().max(2000).default(""),
});
export const competencyCreateSchema = competencyFieldsSchema.extend({ frameworkId: z.string().uuid() });
export type CompetencyCreate = z.infer<typeof competencyCreateSchema>;
export type CompetencyFields = z.infer<typeof competencyFieldsSchema>;

// ---- Courses ----

export const adminCoursesQuerySchema = pageQuerySchema.pick({ page: true, pageSize: true }).extend({
  /** Accent- and case-insensitive search on the course name or code. */
  q: z.string().trim().max(200).optional(),
  folderId: z.string().uuid().optional(),
});
export type AdminCoursesQuery = z.infer<typeof adminCoursesQuerySchema>;

export const adminCourseItemSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  folder: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  catalogueVisible: z.boolean(),
  everyone: z.boolean(),
  lessonCount: z.number().int(),
  enrollmentCount: z.number().int(),
  thumbnailUrl: z.string().nullable(),
});
export type AdminCourseItem = z.infer<typeof adminCourseItemSchema>;
export const adminCoursesPageSchema = pageOf(adminCourseItemSchema);
export type AdminCoursesPage = z.infer<typeof adminCoursesPageSchema>;

export const courseInputSchema = z
  .object({
    code: z.string().trim().min(1).max(100),
    name: z.string().trim().min(1).max(300),
    folderId: z.string().uuid().nullable().default(null),
    description: z.string().trim().max(20_000).default(""),
    catalogueVisible: z.boolean().default(true),
    /** Open to every user; otherwise to the learner lists in `listIds`. */
    everyone: z.boolean().default(true),
    listIds: z.array(z.string().uuid()).max(200).default([]),
    inactivityDays: z.number().int().min(1).max(365).default(14),
    categoryIds: z.array(z.string().uuid()).max(50).default([]),
    competencyIds: z.array(z.string().uuid()).max(200).default([]),
  })
  .superRefine((value, ctx) => {
    if (!value.everyone && value.listIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["listIds"], message: "choose at least one learner list, or everyone" });
    }
  });
export type CourseInput = z.infer<typeof courseInputSchema>;

export const adminLessonSchema = z.object({
  id: z.string().uuid(),
  courseId: z.string().uuid(),
  position: z.number().int(),
  type: lessonTypeSchema,
  title: z.string(),
  description: z.string(),
  points: z.number().int(),
  passingScore: z.number().nullable(),
  minTimeSeconds: z.number().int().nullable(),
  durationSeconds: z.number().int().nullable(),
  /** The type's settings the admin edits here: a practical sheet's text and PDF (a mission's instructions are its description). */
  settings: z.object({
    body: z.string().optional(),
    document: z
      .object({ fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int() })
      .nullable()
      .optional(),
  }),
  /** Learners with recorded activity on this lesson (attempts, sessions, statuses): it can't be deleted then. */
  learnersWithActivity: z.number().int(),
});
export type AdminLesson = z.infer<typeof adminLessonSchema>;
export const adminLessonsSchema = z.object({ items: z.array(adminLessonSchema) });

export const adminCourseSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  folderId: z.string().uuid().nullable(),
  description: z.string(),
  catalogueVisible: z.boolean(),
  everyone: z.boolean(),
  listIds: z.array(z.string().uuid()),
  inactivityDays: z.number().int(),
  categoryIds: z.array(z.string().uuid()),
  competencyIds: z.array(z.string().uuid()),
  thumbnailUrl: z.string().nullable(),
  enrollmentCount: z.number().int(),
  updatedAt: z.string(),
});
export type AdminCourse = z.infer<typeof adminCourseSchema>;

/** What the course form offers: folders (with their path of names), categories, competencies, learner lists. */
export const courseFormOptionsSchema = z.object({
  folders: z.array(z.object({ id: z.string().uuid(), label: z.string() })),
  categories: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  competencies: z.array(
    z.object({ id: z.string().uuid(), code: z.string(), label: z.string(), framework: z.string() }),
  ),
  lists: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});
export type CourseFormOptions = z.infer<typeof courseFormOptionsSchema>;

export const thumbnailResponseSchema = z.object({ thumbnailUrl: z.string().nullable() });

/** Thumbnails: PNG, JPEG or WebP (checked by their first bytes), at most 2 MB. */
export const THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024;
/** Practical sheet documents: PDF only (checked by their first bytes), at most 20 MB. */
export const SHEET_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

// ---- Lessons ----

export const lessonIdParamsSchema = z.object({ lessonId: z.string().uuid() });

const lessonFields = {
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(5000).default(""),
  points: z.number().int().min(0).max(10_000).default(0),
  passingScore: z.number().min(0).max(100).nullable().default(null),
  minTimeSeconds: z.number().int().min(0).max(1_000_000).nullable().default(null),
  durationSeconds: z.number().int().min(0).max(1_000_000).nullable().default(null),
  /** Only the keys of the lesson's type are kept; others (quiz rules, SCORM data) are managed elsewhere. */
  settings: z
    .object({
      body: z.string().max(100_000).optional(),
    })
    .default({}),
};
export const lessonCreateSchema = z.object({ type: lessonTypeSchema, ...lessonFields });
export type LessonCreate = z.infer<typeof lessonCreateSchema>;
/** A lesson's type is chosen once: learners' attempts are of that type. */
export const lessonUpdateSchema = z.object(lessonFields);
export type LessonUpdate = z.infer<typeof lessonUpdateSchema>;

export const lessonOrderSchema = z.object({ lessonIds: z.array(z.string().uuid()).min(1).max(1000) });
export type LessonOrder = z.infer<typeof lessonOrderSchema>;
