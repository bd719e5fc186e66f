import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import type { QuizOverview } from "../../../../common/api/quiz.js";

export interface QuizNoticesProps {
  quiz: QuizOverview;
  notice: "exhausted" | "alreadySubmitted" | "startFailed" | null;
  active: boolean;
}

/** Why the learner can't start (no question, no attempt left) or what just happened. */
export function QuizNotices({ quiz, notice, active }: QuizNoticesProps) {
  const { t } = useTranslation();
  const style = { marginBottom: 16 };
  if (notice === "alreadySubmitted") {
    return <Alert type="info" showIcon role="status" style={style} title={t("quiz.alreadySubmitted")} />;
  }
  if (notice === "startFailed") {
    return <Alert type="error" showIcon role="alert" style={style} title={t("quiz.startError")} />;
  }
  if (active) return null;
  if (quiz.rules.questionCount === 0) {
    return <Alert type="info" showIcon style={style} title={t("quiz.emptyTitle")} description={t("quiz.emptyText")} />;
  }
  if (quiz.attemptsLeft === 0 || notice === "exhausted") {
    const done = quiz.status === "passed" || quiz.status === "completed";
    return (
      <Alert
        type={done ? "success" : "warning"}
        showIcon
        role={notice === "exhausted" ? "alert" : undefined}
        style={style}
        title={t("quiz.exhaustedTitle")}
        description={done ? t("quiz.exhaustedPassedText") : t("quiz.exhaustedText")}
      />
    );
  }
  return null;
}
