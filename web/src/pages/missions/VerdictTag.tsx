import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { formatScore } from "../tutoring-center/formatScore.js";

// antd's preset colours fall below 4.5:1; these pass WCAG AA.
const styles = {
  passed: { color: "#166534", background: "#ecfdf3", borderColor: "#a7e3bd" },
  failed: { color: "#991b1b", background: "#fef2f2", borderColor: "#fca5a5" },
  pending: { color: "#92400e", background: "#fffbeb", borderColor: "#fcd34d" },
} as const;

export interface VerdictTagProps {
  /** null: not corrected yet. */
  verdict: "passed" | "failed" | null;
  score?: number | null;
}

/** `Réussi` / `Échoué` (with the score when there is one), or `À corriger`. */
export function VerdictTag({ verdict, score = null }: VerdictTagProps) {
  const { t, i18n } = useTranslation();
  if (verdict === null) {
    return (
      <Tag icon={<ClockCircleOutlined aria-hidden="true" />} style={styles.pending}>
        {t("missions.toCorrect")}
      </Tag>
    );
  }
  const label = t(`missions.verdict.${verdict}`);
  return (
    <Tag
      icon={
        verdict === "passed" ? <CheckCircleOutlined aria-hidden="true" /> : <CloseCircleOutlined aria-hidden="true" />
      }
      style={styles[verdict]}
    >
      {score === null
        ? label
        : t("missions.verdictWithScore", { verdict: label, score: formatScore(score, i18n.language) })}
    </Tag>
  );
}
