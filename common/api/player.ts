import { z } from "zod";
import { SCORM12_LESSON_STATUSES, SCORM2004_COMPLETION_STATUSES, SCORM2004_SUCCESS_STATUSES } from "../scorm-status.js";

export const playerLessonParamsSchema = z.object({ lessonId: z.string().uuid() });
export const attemptParamsSchema = z.object({ attemptId: z.coerce.number().int().positive() });

/** What the runtime starts with: resume data, the learner, the pass mark (SCORM names, per version). */
export const launchCmiSchema = z.object({
  entry: z.enum(["ab-initio", "resume", ""]),
  location: z.string(),
  suspendData: z.string(),
  learnerId: z.string(),
  learnerName: z.string(),
  /** "normal" for a learner; "browse" in a tutor's preview. */
  mode: z.enum(["normal", "browse"]),
  credit: z.enum(["credit", "no-credit"]),
  /** Percent: 1.2 cmi.student_data.mastery_score; 2004 cmi.scaled_passing_score × 100. */
  masteryScore: z.number().nullable(),
});
export type LaunchCmi = z.infer<typeof launchCmiSchema>;

export const launchSchema = z.object({
  attemptId: z.number().int(),
  sessionId: z.number().int(),
  version: z.enum(["1.2", "2004"]),
  contentUrl: z.string(),
  cmi: launchCmiSchema,
  lesson: z.object({ id: z.string().uuid(), title: z.string(), courseId: z.string().uuid(), courseName: z.string() }),
  attemptNumber: z.number().int(),
});
export type Launch = z.infer<typeof launchSchema>;

/** A tutor's or admin's `Lancer le contenu`: the same content, nothing recorded. */
export const previewLaunchSchema = launchSchema.omit({ attemptId: true, sessionId: true, attemptNumber: true });
export type PreviewLaunch = z.infer<typeof previewLaunchSchema>;

const optionalNumber = z.number().finite().nullable();

/**
 * The CMI data a commit carries, normalised from the runtime's data model (both versions).
 * Generous upper bounds here; the version's own limits (SCORM_LIMITS) are checked by the server.
 */
export const commitCmiSchema = z.object({
  lessonStatus: z.enum(["", ...SCORM12_LESSON_STATUSES]).nullable(),
  completionStatus: z.enum(SCORM2004_COMPLETION_STATUSES).nullable(),
  successStatus: z.enum(SCORM2004_SUCCESS_STATUSES).nullable(),
  score: z.object({
    raw: optionalNumber,
    min: optionalNumber,
    max: optionalNumber,
    scaled: z.number().min(-1).max(1).nullable(),
  }),
  progressMeasure: z.number().min(0).max(1).nullable(),
  /** As reported: CMITimespan (1.2, HHHH:MM:SS.SS) or an ISO 8601 duration (2004). */
  sessionTime: z.string().max(64),
  location: z.string().max(1000),
  suspendData: z.string().max(64_000),
  exit: z.string().max(32),
  interactions: z.array(z.record(z.string(), z.unknown())).max(500),
  objectives: z.array(z.record(z.string(), z.unknown())).max(500),
});
export type CommitCmi = z.infer<typeof commitCmiSchema>;

export const commitRequestSchema = z.object({
  sessionId: z.number().int().positive(),
  cmi: commitCmiSchema,
});
export type CommitRequest = z.infer<typeof commitRequestSchema>;

/** Terminate also comes from `navigator.sendBeacon`, which can't set headers: the CSRF token rides in the body. */
export const terminateRequestSchema = commitRequestSchema.extend({ csrfToken: z.string().max(200).optional() });
export type TerminateRequest = z.infer<typeof terminateRequestSchema>;

/** scorm-again reads `result`/`errorCode`; the rest tells the page what was recorded. */
export const commitResultSchema = z.object({
  result: z.literal(true),
  errorCode: z.literal(0),
  status: z.enum(["in_progress", "completed", "passed", "failed"]),
  score: z.number().nullable(),
});
export type CommitResult = z.infer<typeof commitResultSchema>;
