/** A level of an observation grid (e.g. Non acquis 0, En cours d'acquisition 50, Acquis 100). */
export interface ObservationLevel {
  label: string;
  value: number;
}

export interface ObservationCriterion {
  id: string;
  weight: number;
  /** Eliminating criterion: the observation fails unless it reaches the top level. */
  required: boolean;
}

export interface ObservationResult {
  /** Weighted mean of the levels reached, in percent, two decimals. */
  score: number;
  passed: boolean;
  /** Required criteria below the top level (why a good score can still fail). */
  failedRequired: string[];
}

/**
 * Scores a filled observation grid (T8): the weighted mean of the level values; passed when the
 * score reaches the lesson's passing score and every required criterion is at the top level.
 */
export function scoreObservation(
  levels: ObservationLevel[],
  criteria: ObservationCriterion[],
  ratings: Map<string, number>,
  passingScore: number | null,
): ObservationResult {
  if (levels.length === 0) throw new Error("An observation grid needs at least one level");
  const top = Math.max(...levels.map((l) => l.value));
  let weighted = 0;
  let weights = 0;
  const failedRequired: string[] = [];
  for (const criterion of criteria) {
    const index = ratings.get(criterion.id);
    const level = index === undefined ? undefined : levels[index];
    if (!level) throw new Error(`Criterion ${criterion.id} has no valid level`);
    weighted += level.value * criterion.weight;
    weights += criterion.weight;
    if (criterion.required && level.value < top) failedRequired.push(criterion.id);
  }
  const score = weights === 0 ? 0 : Math.round((weighted / weights) * 100) / 100;
  const passed = failedRequired.length === 0 && score >= (passingScore ?? 0);
  return { score, passed, failedRequired };
}
