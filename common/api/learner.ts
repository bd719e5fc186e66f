import { z } from "zod";
import { enrollmentStatusSchema, lessonStatusSchema, lessonTypeSchema } from "../enums.js";

/** Limits of the learner's writes, shared so the web forms check what the server checks. */
export const LEARNER_LIMITS = {
  commentMax: 2_000,
  reviewCommentMax: 2_000,
  missionTextMax: 20_000,
  /** Declared time of a mission, in minutes (at most 24 hours). */
  declaredMinutesMax: 1_440,
  missionFileBytes: 10 * 1024 * 1024,
  missionFiles: 5,
  missionFileNameMax: 120,
  evaluationTextMax: 2_000,
} as const;

/** Extensions a mission file may have; each is checked against the file's first bytes. */
export const MISSION_FILE_EXTENSIONS = ["pdf", "png", "jpg", "jpeg", "docx", "xlsx", "pptx", "txt"] as const;

/** Heartbeat of an open practical sheet: the page reports every this many seconds while visible. */
export const SHEET_HEARTBEAT_SECONDS = 30;

export const learnerCourseParamsSchema = z.object({ courseId: z.string().uuid() });
export const learnerLessonParamsSchema = learnerCourseParamsSchema.extend({ lessonId: z.string().uuid() });
export const learnerSessionParamsSchema = learnerLessonParamsSchema.extend({
  sessionId: z.coerce.number().int().positive(),
});
export const learnerFileParamsSchema = learnerLessonParamsSchema.extend({
  submissionId: z.string().uuid(),
  fileId: z.string().uuid(),
});

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

/** A catalogue course open to the learner that they are not enrolled in yet. */
export const openCourseSchema = z.object({
  courseId: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  lessons: z.number().int(),
  durationSeconds: z.number().int(),
});
export type OpenCourse = z.infer<typeof openCourseSchema>;

export const myCoursesSchema = z.object({ items: z.array(myCourseSchema), catalogue: z.array(openCourseSchema) });
export type MyCourses = z.infer<typeof myCoursesSchema>;

export const enrolledSchema = z.object({ courseId: z.string().uuid(), enrolledAt: z.string() });

/** A lesson of the course page, with the learner's statistics when enrolled. */
export const learnerLessonRowSchema = z.object({
  id: z.string().uuid(),
  position: z.number().int(),
  type: lessonTypeSchema,
  title: z.string(),
  description: z.string(),
  durationSeconds: z.number().int().nullable(),
  passingScore: z.number().nullable(),
  status: lessonStatusSchema,
  score: z.number().nullable(),
  attempts: z.number().int(),
  timeSpentSeconds: z.number().int(),
});
export type LearnerLessonRow = z.infer<typeof learnerLessonRowSchema>;

export const reviewSchema = z.object({
  rating: z.number().int(),
  comment: z.string(),
  updatedAt: z.string(),
});
export const reviewRequestSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(LEARNER_LIMITS.reviewCommentMax).default(""),
});
export type ReviewRequest = z.input<typeof reviewRequestSchema>;

export const evaluationQuestionSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(["rating", "choice", "text"]),
  label: z.string(),
  options: z.array(z.string()),
});
export type LearnerEvaluationQuestion = z.infer<typeof evaluationQuestionSchema>;
export const evaluationAnswerSchema = z.object({
  questionId: z.string().uuid(),
  rating: z.number().int().min(1).max(5).nullable().optional(),
  choice: z.string().max(500).nullable().optional(),
  text: z.string().trim().max(LEARNER_LIMITS.evaluationTextMax).nullable().optional(),
});
export type LearnerEvaluationAnswer = z.infer<typeof evaluationAnswerSchema>;
export const evaluationRequestSchema = z.object({ answers: z.array(evaluationAnswerSchema).max(100) });
export type EvaluationRequest = z.infer<typeof evaluationRequestSchema>;

/** The course page of a learner (`/mes-formations/:courseId`). */
export const learnerCourseSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  /** Null when the course is open to the learner but they haven't enrolled yet. */
  enrollment: z
    .object({
      status: enrollmentStatusSchema,
      progressPct: z.number().int(),
      timeSpentSeconds: z.number().int(),
      enrolledAt: z.string(),
      objectiveAt: z.string().nullable(),
    })
    .nullable(),
  lessons: z.array(learnerLessonRowSchema),
  review: reviewSchema.nullable(),
  evaluation: z.object({
    questions: z.array(evaluationQuestionSchema),
    submittedAt: z.string().nullable(),
    answers: z.array(evaluationAnswerSchema),
  }),
});
export type LearnerCourse = z.infer<typeof learnerCourseSchema>;

export const missionFileSchema = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});
export const learnerSubmissionSchema = z.object({
  id: z.string().uuid(),
  attemptNumber: z.number().int(),
  text: z.string(),
  declaredTimeSeconds: z.number().int(),
  submittedAt: z.string(),
  files: z.array(missionFileSchema),
  correction: z
    .object({
      verdict: z.enum(["passed", "failed"]),
      score: z.number().nullable(),
      feedback: z.string(),
      correctedAt: z.string(),
      tutorName: z.string(),
    })
    .nullable(),
});
export type LearnerSubmission = z.infer<typeof learnerSubmissionSchema>;

export const learnerClassSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  timeZone: z.string(),
  description: z.string(),
  cancelled: z.boolean(),
  /** The join link while the class can still be joined (not cancelled, not over). */
  joinUrl: z.string().nullable(),
  attended: z.boolean().nullable(),
});

export const learnerObservationSchema = z.object({
  number: z.number().int(),
  observedAt: z.string(),
  durationSeconds: z.number().int(),
  score: z.number(),
  passed: z.boolean(),
  comment: z.string(),
  tutorName: z.string(),
  ratings: z.array(z.object({ criterion: z.string(), level: z.string(), comment: z.string() })),
});

/** One lesson as the learner sees it; the part matching its type is filled, the others are null. */
export const learnerLessonSchema = z.object({
  course: z.object({ id: z.string().uuid(), name: z.string() }),
  lesson: learnerLessonRowSchema,
  previous: z.object({ id: z.string().uuid(), title: z.string() }).nullable(),
  next: z.object({ id: z.string().uuid(), title: z.string() }).nullable(),
  elearning: z.object({ contentAvailable: z.boolean() }).nullable(),
  sheet: z
    .object({
      paragraphs: z.array(z.string()),
      document: z.object({ fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int() }).nullable(),
      read: z.boolean(),
    })
    .nullable(),
  quiz: z
    .object({
      questions: z.number().int(),
      attemptsLimit: z.number().int().nullable(),
      attemptsUsed: z.number().int(),
      attemptsLeft: z.number().int().nullable(),
    })
    .nullable(),
  mission: z
    .object({
      submissions: z.array(learnerSubmissionSchema),
      /** Why a new submission is refused, or null when one may be sent. */
      blockedBy: z.enum(["waiting_correction", "passed"]).nullable(),
    })
    .nullable(),
  webinar: z.object({ classes: z.array(learnerClassSchema) }).nullable(),
  observation: z.object({ observations: z.array(learnerObservationSchema) }).nullable(),
});
export type LearnerLesson = z.infer<typeof learnerLessonSchema>;

export const sheetSessionSchema = z.object({
  sessionId: z.number().int(),
  heartbeatSeconds: z.number().int(),
});
export type SheetSession = z.infer<typeof sheetSessionSchema>;
export const sessionBeatSchema = z.object({ durationSeconds: z.number().int() });
/** The closing beacon's body: a text/plain JSON body with the CSRF token, since sendBeacon can't send headers. */
export const sessionCloseRequestSchema = z.object({ csrfToken: z.string().max(200).optional() });

export const commentsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export const learnerCommentSchema = z.object({
  id: z.string().uuid(),
  author: z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() }),
  mine: z.boolean(),
  body: z.string(),
  createdAt: z.string(),
  answers: z.array(
    z.object({
      id: z.string().uuid(),
      author: z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() }),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type LearnerComment = z.infer<typeof learnerCommentSchema>;
export const learnerCommentsSchema = z.object({
  items: z.array(learnerCommentSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type LearnerComments = z.infer<typeof learnerCommentsSchema>;
export const commentRequestSchema = z.object({
  body: z.string().trim().min(1).max(LEARNER_LIMITS.commentMax),
});
