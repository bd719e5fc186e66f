import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Alert, Card, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { QuizResult } from "../../../../common/api/quiz.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { formatScore } from "../tutoring-center/formatScore.js";

export interface QuizResultCardProps {
  result: QuizResult;
  title: string;
  /** Attempts left after this one (null: unlimited). */
  attemptsLeft: number | null;
  /** The next step (a new attempt), under the outcome. */
  action?: ReactNode;
}

/** A submitted attempt: score, passed or not, then each question right or wrong with the right answers. */
export function QuizResultCard({ result, title, attemptsLeft, action }: QuizResultCardProps) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const score = formatScore(result.score, i18n.language);
  const passing = result.passingScore === null ? "" : formatScore(result.passingScore, i18n.language);
  const outcomeText =
    result.outcome === "passed"
      ? t("quiz.passedText", { score, passing })
      : result.outcome === "failed"
        ? t("quiz.failedText", { score, passing })
        : t("quiz.completedText", { score });
  const leftText =
    attemptsLeft === null
      ? t("quiz.attemptsLeftUnlimited")
      : attemptsLeft === 0
        ? t("quiz.attemptsLeftNone")
        : t("quiz.attemptsLeftAfter", { count: attemptsLeft });
  return (
    <Card title={<h2 className="quiz-card-heading">{title}</h2>} style={{ marginBottom: 16 }}>
      <Alert
        type={result.outcome === "failed" ? "error" : "success"}
        showIcon
        role="status"
        title={t("quiz.outcomeScore", { outcome: t(`quiz.outcome.${result.outcome}`), score })}
        description={
          <>
            <div>{outcomeText}</div>
            <div className="quiz-facts">
              <span>{t("quiz.pointsEarned", { earned: result.earnedPoints, total: result.totalPoints })}</span>
              <span>{t("quiz.duration", { duration: formatDuration(result.durationSeconds) })}</span>
              <span>{t("quiz.submittedAt", { date: formatDateTime(result.submittedAt, user.timeZone) })}</span>
            </div>
            <div style={{ marginTop: 8 }}>{leftText}</div>
            {action ? <div style={{ marginTop: 12 }}>{action}</div> : null}
          </>
        }
        style={{ marginBottom: 16 }}
      />
      <h3 style={{ fontSize: 15, margin: "0 0 12px" }}>{t("quiz.answersTitle")}</h3>
      <ol className="quiz-answers">
        {result.questions.map((question, index) => (
          <li key={question.id} className="quiz-answer">
            <div className="quiz-answer-head">
              <strong style={{ overflowWrap: "anywhere" }}>
                {index + 1}. {question.text}
              </strong>
              {question.right ? (
                <Tag icon={<CheckCircleFilled aria-hidden />} className="quiz-tag-right">
                  {t("quiz.right")}
                </Tag>
              ) : (
                <Tag icon={<CloseCircleFilled aria-hidden />} className="quiz-tag-wrong">
                  {t("quiz.wrong")}
                </Tag>
              )}
            </div>
            <ul className="quiz-answer-choices">
              {question.choices.map((choice) => {
                const notes = [
                  choice.chosen ? t("quiz.yourAnswer") : null,
                  choice.correct ? t("quiz.correctAnswer") : null,
                ].filter(Boolean);
                return (
                  <li
                    key={choice.index}
                    className={choice.correct ? "quiz-choice-correct" : choice.chosen ? "quiz-choice-wrong" : undefined}
                  >
                    {choice.label}
                    {notes.length > 0 ? ` (${notes.join(", ")})` : ""}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </Card>
  );
}
