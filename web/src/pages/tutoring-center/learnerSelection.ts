import type { LearnerFilters, Selection } from "../../../../common/api/tutoring.js";

/**
 * The tutor's selection in `UTILISATEURS TUTORÉS` (T5): ticked rows, or "all pages" — everything matching
 * the filters, minus the rows the tutor unticked afterwards.
 */
export type LearnerSelection = { mode: "ids"; ids: readonly string[] } | { mode: "all"; excluded: readonly string[] };

export const emptySelection: LearnerSelection = { mode: "ids", ids: [] };

/** Whether the learner's row is ticked. */
export function isSelected(selection: LearnerSelection, learnerId: string): boolean {
  return selection.mode === "ids" ? selection.ids.includes(learnerId) : !selection.excluded.includes(learnerId);
}

/** Ticks or unticks some rows (one, or a whole page). */
export function setSelected(
  selection: LearnerSelection,
  learnerIds: readonly string[],
  selected: boolean,
): LearnerSelection {
  if (selection.mode === "ids") {
    const ids = selected
      ? [...selection.ids, ...learnerIds.filter((id) => !selection.ids.includes(id))]
      : selection.ids.filter((id) => !learnerIds.includes(id));
    return { mode: "ids", ids };
  }
  const excluded = selected
    ? selection.excluded.filter((id) => !learnerIds.includes(id))
    : [...selection.excluded, ...learnerIds.filter((id) => !selection.excluded.includes(id))];
  return { mode: "all", excluded };
}

/** `Sélectionner toutes les pages`. */
export const allPages: LearnerSelection = { mode: "all", excluded: [] };

/** How many learners are selected, when `total` learners match the filters. */
export function selectedCount(selection: LearnerSelection, total: number): number {
  return selection.mode === "ids" ? selection.ids.length : Math.max(0, total - selection.excluded.length);
}

/** The selection as the server takes it; null when nothing is selected. */
export function toServerSelection(selection: LearnerSelection, filters: LearnerFilters): Selection | null {
  if (selection.mode === "ids") {
    return selection.ids.length > 0 ? { mode: "ids", learnerIds: [...selection.ids] } : null;
  }
  return { mode: "filters", filters, excludedLearnerIds: [...selection.excluded] };
}
