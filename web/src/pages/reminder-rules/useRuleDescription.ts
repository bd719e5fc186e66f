import { useTranslation } from "react-i18next";
import type { ReminderRule } from "../../../../common/api/reminders.js";

export type RuleCondition = Pick<ReminderRule, "kind" | "days" | "progressBelow">;

/**
 * A rule in words, as tutors think of it: "7 jours avant la date d'objectif si progression < 50 %",
 * "inactif depuis 14 jours", "non commencé 10 jours après l'inscription".
 */
export function useRuleDescription(): (rule: RuleCondition) => string {
  const { t } = useTranslation();
  return ({ kind, days, progressBelow }) => {
    if (kind === "before_objective") {
      return progressBelow === null
        ? t("rules.describe.beforeObjective", { count: days })
        : t("rules.describe.beforeObjectiveBelow", { count: days, progress: progressBelow });
    }
    if (kind === "inactive") return t("rules.describe.inactive", { count: days });
    return t("rules.describe.notStarted", { count: days });
  };
}
