import { z } from "zod";
import { enrollmentStatusSchema, enrollmentTypeSchema, lessonStatusSchema, lessonTypeSchema } from "../enums.js";
import { pageOf, pageQuerySchema } from "./paging.js";

export const tutoredLearnersQuerySchema = pageQuerySchema.extend({
  sort: z.enum(["name", "status", "progress", "time"]).default("name"),
  enrollmentType: enrollmentTypeSchema.optional(),
  status: enrollmentStatusSchema.optional(),
  q: z.string().max(200).optional(),
});
export type TutoredLearnersQuery = z.infer<typeof tutoredLearnersQuerySchema>;

export const tutoredLearnerSchema = z.object({
  userId: z.string().uuid(),
  enrollmentId: z.string().uuid(),
  lastName: z.string(),
  firstName: z.string(),
  enrollmentType: enrollmentTypeSchema,
  status: enrollmentStatusSchema,
  progressPct: z.number().int(),
  timeSpentSeconds: z.number().int(),
});
export type TutoredLearner = z.infer<typeof tutoredLearnerSchema>;
export const tutoredLearnersPageSchema = pageOf(tutoredLearnerSchema);

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
  attempts: z.array(reportAttemptSchema),
});

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
