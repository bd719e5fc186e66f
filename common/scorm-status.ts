/**
 * How a SCORM attempt's CMI data becomes the lesson's Statut (`En cours`, `Terminé`, `Réussi`,
 * `Échoué`) and score. Pure, shared by the server (every commit) and the README's table.
 *
 * Precedence, for both versions:
 *  1. the package's own pass mark, when it has one and the content reported the score it applies
 *     to: SCORM 1.2 `adlcp:masteryscore` against `cmi.core.score.raw` (only once the content says
 *     it is done: completed, passed or failed; an interim score of an incomplete lesson stays
 *     `En cours`); SCORM 2004 `cmi.scaled_passing_score` (from `imsss:minNormalizedMeasure`)
 *     against `cmi.score.scaled`, which decides `success_status` whatever the content said;
 *  2. the content's own verdict: 1.2 `passed`/`failed`, 2004 `success_status` passed/failed;
 *  3. a completed lesson with a score and the lesson's `Passage` (passing_score, %) set becomes
 *     `Réussi` or `Échoué` against that score; otherwise `Terminé`;
 *  4. anything else (incomplete, browsed, not attempted, unknown) is `En cours`.
 */

export type ScormVersion = "1.2" | "2004";
export type AttemptStatus = "in_progress" | "completed" | "passed" | "failed";

export const SCORM12_LESSON_STATUSES = [
  "passed",
  "completed",
  "failed",
  "incomplete",
  "browsed",
  "not attempted",
] as const;
export const SCORM2004_COMPLETION_STATUSES = ["completed", "incomplete", "not attempted", "unknown"] as const;
export const SCORM2004_SUCCESS_STATUSES = ["passed", "failed", "unknown"] as const;

export interface CmiScore {
  raw: number | null;
  min: number | null;
  max: number | null;
  scaled: number | null;
}

export interface StatusInput {
  version: ScormVersion;
  /** SCORM 1.2 `cmi.core.lesson_status`. */
  lessonStatus?: string | null;
  /** SCORM 2004 `cmi.completion_status`. */
  completionStatus?: string | null;
  /** SCORM 2004 `cmi.success_status`. */
  successStatus?: string | null;
  score: CmiScore;
  /** The package's pass mark in percent: 1.2 masteryscore (a raw score), 2004 minNormalizedMeasure × 100. */
  masteryScore: number | null;
  /** The lesson's `Passage` in percent. */
  passingScore: number | null;
}

export interface StatusResult {
  status: AttemptStatus;
  /** The attempt's score in percent (0–100, two decimals), or null when the content reported none. */
  scorePct: number | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const clampPct = (value: number) => round2(Math.min(100, Math.max(0, value)));

/** The score in percent: scaled × 100 (2004), else raw within min..max, else raw as a percentage. */
export function scorePercent(score: CmiScore): number | null {
  if (score.scaled !== null) return clampPct(score.scaled * 100);
  if (score.raw === null) return null;
  const min = score.min ?? 0;
  const max = score.max ?? 100;
  if (max > min) return clampPct(((score.raw - min) / (max - min)) * 100);
  return clampPct(score.raw);
}

function byPassingScore(scorePct: number | null, passingScore: number | null): AttemptStatus {
  if (scorePct === null || passingScore === null) return "completed";
  return scorePct >= passingScore ? "passed" : "failed";
}

function scorm12Status(input: StatusInput, scorePct: number | null): AttemptStatus {
  const reported = input.lessonStatus ?? "";
  const done = reported === "completed" || reported === "passed" || reported === "failed";
  if (!done) return "in_progress";
  if (input.masteryScore !== null && input.score.raw !== null) {
    return input.score.raw >= input.masteryScore ? "passed" : "failed";
  }
  if (reported === "passed" || reported === "failed") return reported;
  return byPassingScore(scorePct, input.passingScore);
}

function scorm2004Status(input: StatusInput, scorePct: number | null): AttemptStatus {
  let success = input.successStatus ?? "unknown";
  if (input.masteryScore !== null) {
    // SCORM 2004 RTE 4.2.22: with a scaled passing score the LMS decides success from score.scaled.
    success =
      input.score.scaled === null ? "unknown" : input.score.scaled * 100 >= input.masteryScore ? "passed" : "failed";
  }
  if (success === "passed" || success === "failed") return success;
  if (input.completionStatus === "completed") return byPassingScore(scorePct, input.passingScore);
  return "in_progress";
}

/** The attempt's status and score from what the content committed. */
export function lessonStatusFromCmi(input: StatusInput): StatusResult {
  const scorePct = scorePercent(input.score);
  const status = input.version === "1.2" ? scorm12Status(input, scorePct) : scorm2004Status(input, scorePct);
  return { status, scorePct };
}
