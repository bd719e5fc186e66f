import { useTranslation } from "react-i18next";
import { maxDuration, minDuration } from "./classFormValues.js";
import type { DescribeRule } from "./serverFieldErrors.js";

/** How the class form words the server's refusals on its fields. */
export function useClassRuleText(): DescribeRule {
  const { t } = useTranslation();
  return (field) => {
    if (field === "joinUrl") return t("classes.form.joinUrlInvalid");
    if (field === "durationMinutes") return t("classes.form.durationRange", { min: minDuration, max: maxDuration });
    if (field === "timeZone") return t("classes.form.timeZoneInvalid");
    return null;
  };
}
