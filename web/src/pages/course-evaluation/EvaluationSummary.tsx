import { Card } from "antd";
import { useTranslation } from "react-i18next";
import type { Evaluation } from "../../../../common/api/courses.js";
import { roundPercent } from "../../../../common/format.js";

export interface EvaluationSummaryProps {
  evaluation: Evaluation;
}

/** Responses, learners and response rate of the satisfaction evaluation. */
export function EvaluationSummary({ evaluation }: EvaluationSummaryProps) {
  const { t } = useTranslation();
  const figures = [
    { key: "responses", label: t("courseEvaluation.responses"), value: String(evaluation.responses) },
    { key: "learners", label: t("courseEvaluation.learners"), value: String(evaluation.learners) },
    {
      key: "rate",
      label: t("courseEvaluation.rate"),
      value:
        evaluation.rate === null
          ? t("courseDetail.notApplicable")
          : t("courseDetail.percent", { value: roundPercent(evaluation.rate * 100) }),
    },
  ];
  return (
    <Card styles={{ body: { padding: "16px 20px" } }}>
      <dl style={{ display: "flex", flexWrap: "wrap", gap: "12px 48px", margin: 0 }}>
        {figures.map((figure) => (
          <div key={figure.key} style={{ display: "flex", flexDirection: "column-reverse" }}>
            <dt style={{ fontSize: 12, fontWeight: 600, letterSpacing: 0.6, color: "rgba(0, 0, 0, 0.65)" }}>
              {figure.label}
            </dt>
            <dd
              style={{ margin: 0, fontSize: 28, fontWeight: 650, fontVariantNumeric: "tabular-nums", lineHeight: 1.2 }}
            >
              {figure.value}
            </dd>
          </div>
        ))}
      </dl>
      <p style={{ margin: "10px 0 0", color: "rgba(0, 0, 0, 0.7)" }}>
        {t("courseEvaluation.summary", { responses: evaluation.responses, learners: evaluation.learners })}
      </p>
    </Card>
  );
}
