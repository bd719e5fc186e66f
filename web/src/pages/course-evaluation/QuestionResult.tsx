import { Card, Tag } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Evaluation } from "../../../../common/api/courses.js";
import { StarRating } from "../../components/StarRating.js";
import { DistributionChart } from "./DistributionChart.js";

export interface QuestionResultProps {
  question: Evaluation["questions"][number];
  /** Number shown before the label ("Q1"). */
  index: number;
  /** Id of the free-text section, which text questions point to. */
  textsId: string;
}

/** One question of the satisfaction evaluation: answers, average and distribution (C10). */
export function QuestionResult({ question, index, textsId }: QuestionResultProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const decimal = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <section aria-labelledby={titleId}>
      <Card size="small" styles={{ body: { padding: "14px 18px" } }} style={{ height: "100%" }}>
        <div style={{ display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: 12 }}>
          <h3 id={titleId} style={{ margin: 0, fontSize: 15, fontWeight: 600, lineHeight: 1.4 }}>
            {t("courseEvaluation.questionTitle", { index, label: question.label })}
          </h3>
          <Tag style={{ marginInlineEnd: 0, flex: "none" }}>{t(`courseEvaluation.kinds.${question.kind}`)}</Tag>
        </div>
        <div
          style={{
            display: "flex",
            flexWrap: "wrap",
            alignItems: "center",
            gap: "4px 16px",
            margin: "6px 0 8px",
            color: "rgba(0, 0, 0, 0.7)",
          }}
        >
          <span>{t("courseEvaluation.answers", { count: question.answers })}</span>
          {question.kind === "rating" && question.average !== null ? (
            <span style={{ display: "inline-flex", alignItems: "center", gap: 8 }}>
              <span>
                {t("courseEvaluation.average")}{" "}
                <strong style={{ color: "rgba(0, 0, 0, 0.88)" }}>
                  {t("courseEvaluation.averageValue", { value: decimal.format(question.average) })}
                </strong>
              </span>
              <StarRating value={question.average} />
            </span>
          ) : null}
        </div>
        {question.kind === "text" ? (
          <p style={{ margin: 0 }}>
            <a href={`#${textsId}`}>{t("courseEvaluation.seeTexts")}</a>
          </p>
        ) : question.answers === 0 ? (
          <p style={{ margin: 0, color: "rgba(0, 0, 0, 0.62)" }}>{t("courseEvaluation.noAnswer")}</p>
        ) : (
          <DistributionChart
            data={question.distribution}
            rating={question.kind === "rating"}
            caption={t("courseEvaluation.distributionCaption", { label: question.label })}
          />
        )}
      </Card>
    </section>
  );
}
