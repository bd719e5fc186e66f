import { Button, Result, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { ObservationResult } from "../../../../common/api/observations.js";
import { formatScore } from "../tutoring-center/formatScore.js";

export interface ObservationResultPanelProps {
  result: ObservationResult;
  passingScore: number | null;
  learner: string;
  onBackToList: () => void;
  onOpenReport: () => void;
}

/** The scored observation: `Réussi` / `Échoué`, the score, and why it failed (eliminating criteria, threshold). */
export function ObservationResultPanel({
  result,
  passingScore,
  learner,
  onBackToList,
  onOpenReport,
}: ObservationResultPanelProps) {
  const { t, i18n } = useTranslation();
  const score = formatScore(result.score, i18n.language);
  const reasons: string[] = [];
  if (!result.passed) {
    for (const label of result.failedRequired)
      reasons.push(t("observations.result.requiredFailed", { criterion: label }));
    if (passingScore !== null && result.score < passingScore) {
      reasons.push(t("observations.result.belowThreshold", { threshold: formatScore(passingScore, i18n.language) }));
    }
  }
  return (
    <div role="status">
      <Result
        status={result.passed ? "success" : "error"}
        title={
          <h2 style={{ fontSize: 22, margin: 0, fontWeight: 600 }}>
            {result.passed ? t("observations.result.passed") : t("observations.result.failed")}
          </h2>
        }
        subTitle={
          <>
            <span>{t("observations.result.summary", { learner, score, attempt: result.attemptNumber })}</span>
            {passingScore !== null ? (
              <>
                <br />
                <span>
                  {t("observations.result.threshold", { threshold: formatScore(passingScore, i18n.language) })}
                </span>
              </>
            ) : null}
          </>
        }
        extra={
          <Space wrap>
            <Button type="primary" onClick={onBackToList}>
              {t("observations.backToList")}
            </Button>
            <Button onClick={onOpenReport}>{t("observations.openReport")}</Button>
          </Space>
        }
      >
        {reasons.length > 0 ? (
          <div>
            <h3 style={{ fontSize: 15, marginTop: 0 }}>{t("observations.result.why")}</h3>
            <ul style={{ margin: 0 }}>
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </Result>
    </div>
  );
}
