import { z } from "zod";
import { lessonStatusSchema } from "../enums.js";
import { pageOf, pageQuerySchema } from "./paging.js";

export const observationsQuerySchema = pageQuerySchema.pick({ page: true, pageSize: true }).extend({
  q: z.string().max(1000).optional(),
});

/** A learner whose observation lesson is not passed (`Observations à faire`, T8). */
export const observationTodoSchema = z.object({
  learner: z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() }),
  lesson: z.object({ id: z.string().uuid(), title: z.string() }),
  status: lessonStatusSchema,
  attempts: z.number().int(),
  lastScore: z.number().nullable(),
  lastObservedAt: z.string().nullable(),
});
export const observationTodosSchema = pageOf(observationTodoSchema);

export const gridSchema = z.object({
  lessonId: z.string().uuid(),
  lessonTitle: z.string(),
  passingScore: z.number().nullable(),
  levels: z.array(z.object({ label: z.string(), value: z.number() })),
  criteria: z.array(
    z.object({
      id: z.string().uuid(),
      label: z.string(),
      description: z.string(),
      weight: z.number(),
      required: z.boolean(),
    }),
  ),
});
export type Grid = z.infer<typeof gridSchema>;

export const observationRequestSchema = z.object({
  lessonId: z.string().uuid(),
  learnerId: z.string().uuid(),
  observedAt: z.string().datetime({ offset: true }),
  durationSeconds: z.number().int().min(0).max(86_400),
  ratings: z
    .array(
      z.object({
        criterionId: z.string().uuid(),
        levelIndex: z.number().int().min(0).max(20),
        comment: z.string().max(5000).default(""),
      }),
    )
    .min(1)
    .max(200),
  comment: z.string().max(20_000).default(""),
});
export type ObservationRequest = z.infer<typeof observationRequestSchema>;

export const observationResultSchema = z.object({
  id: z.string().uuid(),
  score: z.number(),
  passed: z.boolean(),
  /** Eliminating criteria below the top level: why a good score can still fail. */
  failedRequired: z.array(z.string()),
  attemptNumber: z.number().int(),
});
export type ObservationResult = z.infer<typeof observationResultSchema>;
