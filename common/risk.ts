/**
 * B1 at-risk rules, shared by the computation (server) and the explanations (web):
 * - `late`: the objective date has passed and the course is not completed;
 * - `due_soon`: the objective date is within RISK_OBJECTIVE_DAYS and progress is below RISK_PROGRESS_PCT;
 * - `inactive`: no activity for the course's `inactivity_days` (counted from enrollment when never active).
 */
export const RISK_OBJECTIVE_DAYS = 7;
export const RISK_PROGRESS_PCT = 50;

export type RiskReason = "late" | "due_soon" | "inactive";

export interface RiskInput {
  status: "not_started" | "in_progress" | "completed";
  progressPct: number;
  objectiveAt: string | null;
  /** Last activity, or the start or enrollment date when the learner never did anything. */
  activitySince: string;
  inactivityDays: number;
}

/** The reasons a learner is at risk now (empty when not at risk). */
export function riskReasons(input: RiskInput, now = new Date()): RiskReason[] {
  if (input.status === "completed") return [];
  const reasons: RiskReason[] = [];
  const day = 86_400_000;
  if (input.objectiveAt) {
    const objective = new Date(input.objectiveAt).getTime();
    if (objective <= now.getTime()) reasons.push("late");
    else if (objective - RISK_OBJECTIVE_DAYS * day <= now.getTime() && input.progressPct < RISK_PROGRESS_PCT) {
      reasons.push("due_soon");
    }
  }
  if (new Date(input.activitySince).getTime() + input.inactivityDays * day <= now.getTime()) reasons.push("inactive");
  return reasons;
}
