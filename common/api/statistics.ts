import { z } from "zod";
import { lessonStatusSchema } from "../enums.js";
import { MAX_EDIT_HOURS } from "../statuses.js";

export const lessonStatsParamsSchema = z.object({
  courseId: z.string().uuid(),
  learnerId: z.string().uuid(),
  lessonId: z.string().uuid(),
});

/** What `Modifier les statistiques` opens with (R6). */
export const lessonStatsFormSchema = z.object({
  status: lessonStatusSchema,
  statusAt: z.string().nullable(),
  score: z.number().nullable(),
  timeSpentSeconds: z.number().int(),
  attemptsCount: z.number().int(),
  location: z.string(),
  suspendData: z.string(),
  allowedStatuses: z.array(lessonStatusSchema),
  scormVersion: z.enum(["1.2", "2004"]).nullable(),
  limits: z.object({ location: z.number().int(), suspendData: z.number().int() }),
  /** The learner's data version when the form opened: the save is refused if it changed meanwhile. */
  version: z.number().int(),
  enrolledAt: z.string(),
});
export type LessonStatsForm = z.infer<typeof lessonStatsFormSchema>;

export const lessonStatsEditSchema = z.object({
  expectedVersion: z.number().int(),
  status: lessonStatusSchema,
  clearAttempts: z.boolean().default(false),
  statusAt: z.string().datetime({ offset: true }).nullable(),
  /** Percent; rounded to two decimals. */
  score: z.number().min(0).max(100).nullable(),
  timeSpentSeconds: z
    .number()
    .int()
    .min(0)
    .max(MAX_EDIT_HOURS * 3600),
  location: z.string().max(1000).default(""),
  suspendData: z.string().max(64_000).default(""),
  reason: z.string().max(2000).default(""),
});
export type LessonStatsEdit = z.infer<typeof lessonStatsEditSchema>;

export const attemptParamsSchema = lessonStatsParamsSchema.extend({ number: z.coerce.number().int().min(1) });
export const versionQuerySchema = z.object({ expectedVersion: z.coerce.number().int() });

export const editResultSchema = z.object({ version: z.number().int(), auditId: z.number().int() });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
  action: z.string(),
  course: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  learner: z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
  lesson: z.object({ id: z.string().uuid(), title: z.string() }).nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  /** A statistics edit that can still be undone (no newer data since). */
  undoable: z.boolean(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  action: z.string().max(100).optional(),
  courseId: z.string().uuid().optional(),
  learnerId: z.string().uuid().optional(),
  actorId: z.string().uuid().optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});
export const auditIdParamsSchema = z.object({ auditId: z.coerce.number().int().min(1) });
