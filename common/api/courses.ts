import { z } from "zod";
import { lessonTypeSchema } from "../enums.js";
import { pageOf, pageQuerySchema } from "./paging.js";

export const tutoredCoursesQuerySchema = pageQuerySchema.extend({
  sort: z.enum(["name", "list"]).default("name"),
  /** Accent- and case-insensitive search on the course name. */
  q: z.string().max(1000).optional(),
  /** Filter on the course name (the filter panel's `Cours`), same matching as `q`. */
  course: z.string().max(1000).optional(),
  /** Filter on the learner list name ("Everyone" for courses open to all). */
  list: z.string().max(1000).optional(),
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

/** An item of a competency framework, shown as `09.S'organiser`. */
export const competencySchema = z.object({
  code: z.string(),
  label: z.string(),
  framework: z.string(),
  description: z.string(),
});

export const courseDetailSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  everyone: z.boolean(),
  lists: z.array(z.string()),
  categories: z.array(z.string()),
  competencies: z.array(competencySchema),
  thumbnailUrl: z.string().nullable(),
});
export type CourseDetail = z.infer<typeof courseDetailSchema>;

/**
 * `Stats rapides`, over the learners the signed-in tutor follows: apart from the course's general
 * information, which every course page asks for (its name), since they read all of the course's
 * enrollments (100,000 on the largest: tens of milliseconds of SQL).
 */
export const courseStatsSchema = z.object({
  learners: z.number().int(),
  notStarted: z.number().int(),
  inProgress: z.number().int(),
  completed: z.number().int(),
  averageProgress: z.number().nullable(),
  averageTimeSeconds: z.number().nullable(),
  averageRating: z.number().nullable(),
  ratings: z.number().int(),
});
export type CourseStats = z.infer<typeof courseStatsSchema>;

/** A folder of the tree (C1): only folders holding tutored courses, with recursive counts. */
export const folderNodeSchema = z.object({
  id: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  name: z.string(),
  /** Tutored courses in this folder and its sub-folders. */
  courseCount: z.number().int(),
});
export type FolderNode = z.infer<typeof folderNodeSchema>;
export const folderTreeSchema = z.object({ folders: z.array(folderNodeSchema), totalCourses: z.number().int() });
export type FolderTree = z.infer<typeof folderTreeSchema>;

export const lessonParamsSchema = z.object({ courseId: z.string().uuid(), lessonId: z.string().uuid() });

/** A lesson in the `Leçons` tab (C8), with figures over the tutor's learners. */
export const courseLessonSchema = z.object({
  id: z.string().uuid(),
  position: z.number().int(),
  type: lessonTypeSchema,
  title: z.string(),
  description: z.string(),
  points: z.number().int(),
  durationSeconds: z.number().int().nullable(),
  passingScore: z.number().nullable(),
  completed: z.number().int(),
  learners: z.number().int(),
  comments: z.number().int(),
  pendingCorrections: z.number().int(),
});
export type CourseLesson = z.infer<typeof courseLessonSchema>;
export const courseLessonsSchema = z.object({ items: z.array(courseLessonSchema) });

export const personSchema = z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() });

export const commentSchema = z.object({
  id: z.string().uuid(),
  author: personSchema,
  body: z.string(),
  createdAt: z.string(),
  answers: z.array(z.object({ id: z.string().uuid(), author: personSchema, body: z.string(), createdAt: z.string() })),
});
export type LessonComment = z.infer<typeof commentSchema>;
export const commentsPageSchema = pageOf(commentSchema);
export const commentsQuerySchema = pageQuerySchema.pick({ page: true, pageSize: true });

export const answerParamsSchema = lessonParamsSchema.extend({ commentId: z.string().uuid() });
export const answerRequestSchema = z.object({ body: z.string().trim().min(1).max(5000) });
export const answerResponseSchema = z.object({
  id: z.string().uuid(),
  author: personSchema,
  body: z.string(),
  createdAt: z.string(),
});

export const reviewsQuerySchema = pageQuerySchema.pick({ page: true, pageSize: true });
export const reviewSchema = z.object({
  id: z.string().uuid(),
  author: personSchema,
  rating: z.number().int(),
  comment: z.string(),
  createdAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;
export const reviewsPageSchema = pageOf(reviewSchema).extend({
  average: z.number().nullable(),
  /** Count of reviews per star, index 0 = 1 star. */
  distribution: z.array(z.number().int()).length(5),
});
export type ReviewsPage = z.infer<typeof reviewsPageSchema>;

export const evaluationQuerySchema = z.object({
  textPage: z.coerce.number().int().min(1).max(1_000_000).default(1),
  textPageSize: z.coerce.number().int().min(1).max(100).default(10),
});
export const evaluationSchema = z.object({
  responses: z.number().int(),
  learners: z.number().int(),
  /** responses / learners, 0..1; null when the tutor follows no learner. */
  rate: z.number().nullable(),
  questions: z.array(
    z.object({
      id: z.string().uuid(),
      position: z.number().int(),
      kind: z.enum(["rating", "choice", "text"]),
      label: z.string(),
      answers: z.number().int(),
      average: z.number().nullable(),
      distribution: z.array(z.object({ value: z.string(), count: z.number().int() })),
    }),
  ),
  texts: pageOf(z.object({ questionLabel: z.string(), text: z.string(), submittedAt: z.string() })),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/** The course as learners see it in the catalogue (`Vers la fiche catalogue`). */
export const catalogueCourseSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  thumbnailUrl: z.string().nullable(),
  categories: z.array(z.string()),
  competencies: z.array(competencySchema),
  lessons: z.array(
    z.object({
      type: lessonTypeSchema,
      title: z.string(),
      description: z.string(),
      durationSeconds: z.number().int().nullable(),
    }),
  ),
  durationSeconds: z.number().int(),
});
export type CatalogueCourse = z.infer<typeof catalogueCourseSchema>;

/** What `Lancer le contenu` shows of a lesson in preview (nothing is recorded). */
export const lessonPreviewSchema = z.object({
  id: z.string().uuid(),
  type: lessonTypeSchema,
  title: z.string(),
  description: z.string(),
  durationSeconds: z.number().int().nullable(),
  passingScore: z.number().nullable(),
  /** Practical sheet: its text, paragraph by paragraph. */
  document: z.array(z.string()).nullable(),
  /** Quiz: its questions with the expected answers (tutors only). */
  questions: z
    .array(
      z.object({
        text: z.string(),
        multiple: z.boolean(),
        choices: z.array(z.object({ label: z.string(), correct: z.boolean() })),
      }),
    )
    .nullable(),
  /** Webinar: its virtual class sessions. */
  classes: z
    .array(
      z.object({
        title: z.string(),
        startsAt: z.string(),
        durationMinutes: z.number().int(),
        joinUrl: z.string(),
        cancelled: z.boolean(),
      }),
    )
    .nullable(),
  /** Observation: its grid. */
  grid: z
    .object({
      levels: z.array(z.object({ label: z.string(), value: z.number() })),
      criteria: z.array(
        z.object({ label: z.string(), description: z.string(), weight: z.number(), required: z.boolean() }),
      ),
    })
    .nullable(),
});
export type LessonPreview = z.infer<typeof lessonPreviewSchema>;
