import { z } from "zod";
import { enrollmentStatusSchema, enrollmentTypeSchema, lessonStatusSchema, lessonTypeSchema } from "../enums.js";
import { pageOf, pageQuerySchema } from "./paging.js";

/** The filters of the tutored-users table, also the "all pages" selection (T4, T5). */
export const learnerFiltersSchema = z.object({
  enrollmentType: enrollmentTypeSchema.optional(),
  status: enrollmentStatusSchema.optional(),
  /** Text on the user's name, accent- and case-insensitive. */
  q: z.string().max(1000).optional(),
  progressMin: z.coerce.number().int().min(0).max(100).optional(),
  progressMax: z.coerce.number().int().min(0).max(100).optional(),
  timeMin: z.coerce.number().int().min(0).max(100_000_000).optional(),
  timeMax: z.coerce.number().int().min(0).max(100_000_000).optional(),
  atRisk: z.enum(["true", "false"]).optional(),
});
export type LearnerFilters = z.infer<typeof learnerFiltersSchema>;

export const tutoredLearnersQuerySchema = pageQuerySchema.extend(learnerFiltersSchema.shape).extend({
  sort: z.enum(["name", "status", "progress", "time", "risk"]).default("name"),
});
export type TutoredLearnersQuery = z.infer<typeof tutoredLearnersQuerySchema>;

export const riskReasonSchema = z.enum(["late", "due_soon", "inactive"]);

export const tutoredLearnerSchema = z.object({
  userId: z.string().uuid(),
  enrollmentId: z.string().uuid(),
  lastName: z.string(),
  firstName: z.string(),
  enrollmentType: enrollmentTypeSchema,
  status: enrollmentStatusSchema,
  progressPct: z.number().int(),
  timeSpentSeconds: z.number().int(),
  objectiveAt: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  /** B1: why the learner is at risk now; empty when not at risk. */
  riskReasons: z.array(riskReasonSchema),
  /** The latest valid certificate, when one exists. */
  certificate: z.object({ id: z.string().uuid(), kind: z.enum(["completion", "attendance"]) }).nullable(),
});
export type TutoredLearner = z.infer<typeof tutoredLearnerSchema>;
export const tutoredLearnersPageSchema = pageOf(tutoredLearnerSchema).extend({
  /** The course's inactivity threshold, for the at-risk explanation. */
  inactivityDays: z.number().int(),
});
export type TutoredLearnersPage = z.infer<typeof tutoredLearnersPageSchema>;

/** A selection of learners (T5): explicit ids, or everything matching filters minus exclusions. */
export const selectionSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("ids"), learnerIds: z.array(z.string().uuid()).min(1).max(10_000) }),
  z.object({
    mode: z.literal("filters"),
    filters: learnerFiltersSchema,
    excludedLearnerIds: z.array(z.string().uuid()).max(10_000).default([]),
  }),
]);
export type Selection = z.infer<typeof selectionSchema>;
export const selectionResponseSchema = z.object({
  count: z.number().int(),
  /** The first learners of the selection by name, to show whom it holds. */
  sample: z.array(z.object({ userId: z.string().uuid(), lastName: z.string(), firstName: z.string() })),
});
export type SelectionResponse = z.infer<typeof selectionResponseSchema>;

export const learnerParamsSchema = z.object({ courseId: z.string().uuid(), learnerId: z.string().uuid() });

export const reportAttemptSchema = z.object({
  number: z.number().int(),
  date: z.string().nullable(),
  status: lessonStatusSchema,
  score: z.number().nullable(),
  /** Time over this attempt and the earlier ones (the source shows it cumulated). */
  cumulativeSeconds: z.number().int(),
});

export const reportLessonSchema = z.object({
  lessonId: z.string().uuid(),
  type: lessonTypeSchema,
  title: z.string(),
  status: lessonStatusSchema,
  score: z.number().nullable(),
  avgScore: z.number().nullable(),
  passingScore: z.number().nullable(),
  attemptsCount: z.number().int(),
  timeSpentSeconds: z.number().int(),
  statusAt: z.string().nullable(),
  /**
   * The report: the first page of the lesson's attempts, oldest first as the source lists them (R3b), the others
   * from the lesson's attempts endpoint. Evidence exports: every attempt.
   */
  attempts: z.array(reportAttemptSchema),
  /** Every attempt of the lesson, for the pager; `attemptsCount` is the `Essai` figure, which a tutor may clear. */
  attemptsTotal: z.number().int(),
});

/** Attempts per page under a lesson of `Composition du cours`: the source's seven fit on one. */
export const ATTEMPTS_PAGE_SIZE = 10;

export const lessonAttemptsParamsSchema = learnerParamsSchema.extend({ lessonId: z.string().uuid() });

export const lessonAttemptsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(ATTEMPTS_PAGE_SIZE),
});
export type LessonAttemptsQuery = z.infer<typeof lessonAttemptsQuerySchema>;

/** One page of a lesson's attempts, oldest first; the cumulated time counts the attempts of the earlier pages. */
export const lessonAttemptsPageSchema = pageOf(reportAttemptSchema);
export type LessonAttemptsPage = z.infer<typeof lessonAttemptsPageSchema>;

export const reportSessionSchema = z.object({
  startedAt: z.string(),
  lessonTitle: z.string(),
  durationSeconds: z.number().int(),
});

export const reportReminderSchema = z.object({
  sentAt: z.string(),
  kind: z.enum(["email", "automatic"]),
  templateName: z.string(),
});

export const learnerReportSchema = z.object({
  course: z.object({ id: z.string().uuid(), name: z.string() }),
  /** R2 `Sélectionner un autre cours`: this learner's courses that the tutor tutors (this one included). */
  courses: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  /** The learner's data version, for the statistics editor's conflict check. */
  version: z.number().int(),
  learner: z.object({
    id: z.string().uuid(),
    organisation: z.string().nullable(),
    lastName: z.string(),
    firstName: z.string(),
    firstSignInAt: z.string().nullable(),
    lastSignInAt: z.string().nullable(),
  }),
  enrollment: z.object({
    startAt: z.string().nullable(),
    objectiveAt: z.string().nullable(),
    endAt: z.string().nullable(),
    status: enrollmentStatusSchema,
    progressPct: z.number().int(),
    timeSpentSeconds: z.number().int(),
  }),
  lessons: z.array(reportLessonSchema),
  sessions: pageOf(reportSessionSchema),
  reminders: z.array(reportReminderSchema),
});
export type LearnerReport = z.infer<typeof learnerReportSchema>;

export const learnerReportQuerySchema = z.object({
  sessionsPage: z.coerce.number().int().min(1).max(1_000_000).default(1),
  sessionsPageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type LearnerReportQuery = z.infer<typeof learnerReportQuerySchema>;

export const indicatorsQuerySchema = z.object({ enrollmentType: enrollmentTypeSchema.optional() });
export type IndicatorsQuery = z.infer<typeof indicatorsQuerySchema>;

/** The tutoring center's indicators and pie chart (T2, T3). */
export const indicatorsSchema = z.object({
  learners: z.number().int(),
  missionsToCorrect: z.number().int(),
  observationsToDo: z.number().int(),
  statuses: z.object({ not_started: z.number().int(), in_progress: z.number().int(), completed: z.number().int() }),
});
export type Indicators = z.infer<typeof indicatorsSchema>;

export const documentQuerySchema = z.object({
  /** Language of the document; the user's language by default. */
  lang: z.enum(["fr", "en"]).optional(),
});
export const exportRequestSchema = z.object({
  selection: selectionSchema,
  format: z.enum(["pdf", "xlsx"]),
  lang: z.enum(["fr", "en"]).optional(),
});
