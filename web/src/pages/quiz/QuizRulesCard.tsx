import { Card, Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { QuizOverview } from "../../../../common/api/quiz.js";
import { LessonStatusTag } from "../../components/LessonStatusTag.js";
import { formatScore } from "../tutoring-center/formatScore.js";

export interface QuizRulesCardProps {
  quiz: QuizOverview;
}

/** The quiz's rules and where the learner stands: passing score, questions, order, attempts, best score. */
export function QuizRulesCard({ quiz }: QuizRulesCardProps) {
  const { t, i18n } = useTranslation();
  const { rules } = quiz;
  const score = (value: number | null) => (value === null ? t("quiz.none") : formatScore(value, i18n.language));
  return (
    <Card title={<h2 className="quiz-card-heading">{t("quiz.rulesTitle")}</h2>} style={{ marginBottom: 16 }}>
      <Descriptions
        className="quiz-rules"
        column={1}
        size="small"
        items={[
          {
            key: "passing",
            label: t("quiz.passingScore"),
            children: rules.passingScore === null ? t("quiz.noPassingScore") : score(rules.passingScore),
          },
          {
            key: "questions",
            label: t("quiz.questionCount"),
            children: t("quiz.questionCountValue", { count: rules.questionCount, points: rules.totalPoints }),
          },
          {
            key: "order",
            label: t("quiz.order"),
            children: rules.order === "random" ? t("quiz.orderRandom") : t("quiz.orderOrdered"),
          },
          {
            key: "limit",
            label: t("quiz.attemptsLimit"),
            children: rules.attemptsLimit === null ? t("quiz.unlimited") : rules.attemptsLimit,
          },
          { key: "used", label: t("quiz.attemptsUsed"), children: quiz.attemptsUsed },
          {
            key: "left",
            label: t("quiz.attemptsLeft"),
            children: quiz.attemptsLeft === null ? t("quiz.unlimited") : quiz.attemptsLeft,
          },
          { key: "status", label: t("quiz.status"), children: <LessonStatusTag status={quiz.status} /> },
          { key: "best", label: t("quiz.bestScore"), children: score(quiz.bestScore) },
        ]}
      />
    </Card>
  );
}
