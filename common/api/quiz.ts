import { z } from "zod";
import { lessonStatusSchema } from "../enums.js";

/** Limits of the quiz editor, shared so the web form checks what the server checks. */
export const QUIZ_LIMITS = {
  textMax: 2_000,
  choiceMax: 500,
  choicesMin: 2,
  choicesMax: 12,
  pointsMax: 100,
  attemptsMax: 100,
} as const;

/** `lessons.settings.quiz`: absent means questions in order and unlimited attempts. */
export const quizOrderSchema = z.enum(["ordered", "random"]);
export type QuizOrder = z.infer<typeof quizOrderSchema>;
export const quizSettingsSchema = z.object({
  order: quizOrderSchema,
  attemptsLimit: z.number().int().min(1).max(QUIZ_LIMITS.attemptsMax).nullable(),
});
export type QuizSettings = z.infer<typeof quizSettingsSchema>;

/** What an attempt ends as: `completed` when the lesson has no passing score. */
export const quizOutcomeSchema = z.enum(["passed", "failed", "completed"]);
export type QuizOutcome = z.infer<typeof quizOutcomeSchema>;

export const quizLessonParamsSchema = z.object({ lessonId: z.string().uuid() });
export const quizAttemptParamsSchema = quizLessonParamsSchema.extend({
  attemptId: z.coerce.number().int().positive(),
});

// ---- Learner side: questions never carry the correct flags before a submission. ----

export const quizLearnerQuestionSchema = z.object({
  id: z.string().uuid(),
  text: z.string(),
  multiple: z.boolean(),
  points: z.number().int(),
  choices: z.array(z.object({ index: z.number().int(), label: z.string() })),
});
export type QuizLearnerQuestion = z.infer<typeof quizLearnerQuestionSchema>;

/** An attempt being taken: its questions in the order stored for it. */
export const quizAttemptSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  startedAt: z.string(),
  questions: z.array(quizLearnerQuestionSchema),
});
export type QuizAttempt = z.infer<typeof quizAttemptSchema>;

/** A submitted attempt: the score, the outcome and, per question, the correct answers revealed. */
export const quizResultSchema = z.object({
  attemptId: z.number().int(),
  number: z.number().int(),
  startedAt: z.string(),
  submittedAt: z.string(),
  durationSeconds: z.number().int(),
  score: z.number(),
  earnedPoints: z.number().int(),
  totalPoints: z.number().int(),
  outcome: quizOutcomeSchema,
  passingScore: z.number().nullable(),
  questions: z.array(
    z.object({
      id: z.string().uuid(),
      text: z.string(),
      multiple: z.boolean(),
      points: z.number().int(),
      right: z.boolean(),
      choices: z.array(
        z.object({ index: z.number().int(), label: z.string(), correct: z.boolean(), chosen: z.boolean() }),
      ),
    }),
  ),
});
export type QuizResult = z.infer<typeof quizResultSchema>;

/** The learner's quiz page: rules, where they stand, an attempt to resume, the last result. */
export const quizOverviewSchema = z.object({
  course: z.object({ id: z.string().uuid(), name: z.string() }),
  lesson: z.object({ id: z.string().uuid(), title: z.string(), description: z.string() }),
  rules: z.object({
    order: quizOrderSchema,
    attemptsLimit: z.number().int().nullable(),
    passingScore: z.number().nullable(),
    questionCount: z.number().int(),
    totalPoints: z.number().int(),
  }),
  /** Attempts that count (a tutor's `Effacer le nombre d'essai` resets them). */
  attemptsUsed: z.number().int(),
  /** Null when unlimited. */
  attemptsLeft: z.number().int().nullable(),
  status: lessonStatusSchema,
  bestScore: z.number().nullable(),
  /** The learner's submitted attempts, newest first. */
  history: z.array(
    z.object({
      number: z.number().int(),
      submittedAt: z.string(),
      score: z.number().nullable(),
      outcome: quizOutcomeSchema,
    }),
  ),
  inProgress: quizAttemptSchema.nullable(),
  lastResult: quizResultSchema.nullable(),
});
export type QuizOverview = z.infer<typeof quizOverviewSchema>;

export const quizSubmitRequestSchema = z.object({
  answers: z
    .array(
      z.object({
        questionId: z.string().uuid(),
        choices: z.array(z.number().int().min(0)).max(QUIZ_LIMITS.choicesMax),
      }),
    )
    .max(1_000),
});
export type QuizSubmitRequest = z.infer<typeof quizSubmitRequestSchema>;

// ---- Admin editor ----

export const quizChoiceSchema = z.object({
  label: z.string().trim().min(1).max(QUIZ_LIMITS.choiceMax),
  correct: z.boolean(),
});

/** A question as the admin writes it; the rules across fields (correct choices) are checked by the server. */
export const quizQuestionInputSchema = z.object({
  text: z.string().trim().min(1).max(QUIZ_LIMITS.textMax),
  multiple: z.boolean(),
  points: z.number().int().min(1).max(QUIZ_LIMITS.pointsMax),
  choices: z.array(quizChoiceSchema).min(QUIZ_LIMITS.choicesMin).max(QUIZ_LIMITS.choicesMax),
});
export type QuizQuestionInput = z.infer<typeof quizQuestionInputSchema>;

export const quizQuestionParamsSchema = quizLessonParamsSchema.extend({ questionId: z.string().uuid() });
export const quizMoveRequestSchema = z.object({ direction: z.enum(["up", "down"]) });

export const quizEditorSettingsRequestSchema = quizSettingsSchema.extend({
  passingScore: z.number().min(0).max(100).nullable(),
});
export type QuizEditorSettingsRequest = z.infer<typeof quizEditorSettingsRequestSchema>;

export const quizEditorSchema = z.object({
  course: z.object({ id: z.string().uuid(), name: z.string() }),
  lesson: z.object({ id: z.string().uuid(), title: z.string(), passingScore: z.number().nullable() }),
  settings: quizSettingsSchema,
  questions: z.array(
    z.object({
      id: z.string().uuid(),
      position: z.number().int(),
      text: z.string(),
      multiple: z.boolean(),
      points: z.number().int(),
      choices: z.array(z.object({ label: z.string(), correct: z.boolean() })),
    }),
  ),
  /** Attempts being taken now: they keep the questions they started with. */
  attemptsInProgress: z.number().int(),
});
export type QuizEditor = z.infer<typeof quizEditorSchema>;
export type QuizEditorQuestion = QuizEditor["questions"][number];
