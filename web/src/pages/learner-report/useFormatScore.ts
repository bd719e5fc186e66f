import { useTranslation } from "react-i18next";
import { roundPercent } from "../../../../common/format.js";

/** Formats a score as the source prints it in the report: "94%", or "n.a." when it does not apply. */
export function useFormatScore(): (value: number | null | undefined) => string {
  const { t } = useTranslation();
  return (value) =>
    value === null || value === undefined ? t("report.na") : t("report.percent", { value: roundPercent(value) });
}
