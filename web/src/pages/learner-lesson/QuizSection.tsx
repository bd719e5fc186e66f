import { FormOutlined } from "@ant-design/icons";
import { Alert, Card, Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { LearnerLesson } from "../../../../common/api/learner.js";
import { learnerPaths } from "../../api/learner.js";
import { ButtonLink } from "../../components/ButtonLink.js";

export interface QuizSectionProps {
  courseId: string;
  lesson: LearnerLesson["lesson"];
  quiz: NonNullable<LearnerLesson["quiz"]>;
}

/** A quiz lesson: its rules (passing score, attempts left) and the button to take it. */
export function QuizSection({ courseId, lesson, quiz }: QuizSectionProps) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const exhausted = quiz.attemptsLeft === 0;
  const passed = lesson.status === "passed";
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("learner.quiz.title")}</h2>}>
      <Descriptions
        styles={{ label: { color: "rgba(0, 0, 0, 0.7)" } }}
        column={1}
        size="small"
        style={{ maxWidth: 560, marginBottom: 16 }}
        items={[
          { key: "questions", label: t("learner.quiz.questions"), children: quiz.questions },
          {
            key: "passing",
            label: t("learner.quiz.passingScore"),
            children:
              lesson.passingScore === null
                ? t("learner.quiz.noPassingScore")
                : t("learner.percent", { value: percent.format(lesson.passingScore) }),
          },
          {
            key: "attempts",
            label: t("learner.quiz.attemptsUsed"),
            children:
              quiz.attemptsLimit === null
                ? t("learner.quiz.attemptsUnlimited", { count: quiz.attemptsUsed })
                : t("learner.quiz.attemptsOf", { used: quiz.attemptsUsed, limit: quiz.attemptsLimit }),
          },
          {
            key: "left",
            label: t("learner.quiz.attemptsLeft"),
            children: quiz.attemptsLeft === null ? t("learner.quiz.unlimited") : quiz.attemptsLeft,
          },
        ]}
      />
      {exhausted ? (
        <Alert
          type={passed ? "success" : "warning"}
          showIcon
          title={passed ? t("learner.quiz.passedNoAttemptLeft") : t("learner.quiz.noAttemptLeft")}
        />
      ) : quiz.questions === 0 ? (
        <Alert type="info" showIcon title={t("learner.quiz.noQuestions")} />
      ) : (
        <ButtonLink
          to={learnerPaths.quiz(courseId, lesson.id)}
          type="primary"
          size="large"
          icon={<FormOutlined aria-hidden="true" />}
        >
          {quiz.attemptsUsed === 0 ? t("learner.quiz.start") : t("learner.quiz.again")}
        </ButtonLink>
      )}
    </Card>
  );
}
