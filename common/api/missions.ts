import { z } from "zod";
import { pageOf, pageQuerySchema } from "./paging.js";

export const missionQueueQuerySchema = pageQuerySchema.pick({ page: true, pageSize: true }).extend({
  status: z.enum(["pending", "corrected", "all"]).default("pending"),
});
export type MissionQueueQuery = z.infer<typeof missionQueueQuerySchema>;

const person = z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() });

export const correctionSchema = z.object({
  score: z.number().nullable(),
  verdict: z.enum(["passed", "failed"]),
  feedback: z.string(),
  correctedAt: z.string(),
  tutor: person,
});

/** A submission in the `Missions à corriger` queue (T7). */
export const missionQueueItemSchema = z.object({
  submissionId: z.string().uuid(),
  course: z.object({ id: z.string().uuid(), name: z.string() }),
  lesson: z.object({ id: z.string().uuid(), title: z.string() }),
  learner: person,
  attemptNumber: z.number().int(),
  submittedAt: z.string(),
  files: z.number().int(),
  correction: correctionSchema.nullable(),
});
export type MissionQueueItem = z.infer<typeof missionQueueItemSchema>;
export const missionQueueSchema = pageOf(missionQueueItemSchema);

export const submissionParamsSchema = z.object({ courseId: z.string().uuid(), submissionId: z.string().uuid() });
export const submissionFileParamsSchema = submissionParamsSchema.extend({ fileId: z.string().uuid() });

const submissionSchema = z.object({
  id: z.string().uuid(),
  attemptNumber: z.number().int(),
  text: z.string(),
  submittedAt: z.string(),
  declaredTimeSeconds: z.number().int(),
  files: z.array(
    z.object({ id: z.string().uuid(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int() }),
  ),
  correction: correctionSchema.nullable(),
});

export const missionDetailSchema = z.object({
  course: z.object({ id: z.string().uuid(), name: z.string() }),
  lesson: z.object({
    id: z.string().uuid(),
    title: z.string(),
    description: z.string(),
    passingScore: z.number().nullable(),
  }),
  learner: person,
  submission: submissionSchema,
  /** The learner's other submissions on this mission, newest first. */
  history: z.array(submissionSchema),
});
export type MissionDetail = z.infer<typeof missionDetailSchema>;

export const correctionRequestSchema = z.object({
  /** Percent, optional: a mission can be validated without a score. */
  score: z.number().min(0).max(100).nullable().default(null),
  verdict: z.enum(["passed", "failed"]),
  feedback: z.string().max(20_000).default(""),
});
export type CorrectionRequest = z.infer<typeof correctionRequestSchema>;
