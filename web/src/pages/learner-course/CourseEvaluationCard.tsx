import { Alert, Button, Card, Descriptions, Form, Input, Radio } from "antd";
import { useTranslation } from "react-i18next";
import { LEARNER_LIMITS, type LearnerCourse } from "../../../../common/api/learner.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { useAnswerEvaluation } from "../../api/learner.js";
import { useFeedback } from "../../app/feedback.js";
import { RatingInput } from "./RatingInput.js";

export interface CourseEvaluationCardProps {
  courseId: string;
  evaluation: LearnerCourse["evaluation"];
}

type Values = Record<string, number | string | undefined>;

/** `Évaluation de la formation`: the satisfaction questionnaire, answered once; afterwards the answers given. */
export function CourseEvaluationCard({ courseId, evaluation }: CourseEvaluationCardProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { message } = useFeedback();
  const answer = useAnswerEvaluation(courseId);
  const title = <h2 style={{ margin: 0, fontSize: 16 }}>{t("learner.evaluationTitle")}</h2>;

  if (evaluation.submittedAt) {
    const given = new Map(evaluation.answers.map((a) => [a.questionId, a]));
    return (
      <Card title={title}>
        <p style={{ marginTop: 0 }}>
          {t("learner.evaluationDone", { date: formatDateTime(evaluation.submittedAt, user.timeZone) })}
        </p>
        <Descriptions
          styles={{ label: { color: "rgba(0, 0, 0, 0.7)" } }}
          column={1}
          size="small"
          layout="vertical"
          colon={false}
          items={evaluation.questions.map((question) => {
            const a = given.get(question.id);
            const value =
              question.kind === "rating"
                ? a?.rating
                  ? t("learner.ratingValue", { value: a.rating })
                  : "—"
                : question.kind === "choice"
                  ? (a?.choice ?? "—")
                  : a?.text || "—";
            return { key: question.id, label: question.label, children: value };
          })}
        />
      </Card>
    );
  }

  function handleFinish(values: Values) {
    answer.mutate(
      {
        answers: evaluation.questions.map((question) => ({
          questionId: question.id,
          rating: question.kind === "rating" ? Number(values[question.id]) : null,
          choice: question.kind === "choice" ? String(values[question.id] ?? "") : null,
          text: question.kind === "text" ? String(values[question.id] ?? "") : null,
        })),
      },
      { onSuccess: () => void message.success(t("learner.evaluationSent")) },
    );
  }

  return (
    <Card title={title}>
      <p style={{ marginTop: 0, color: "rgba(0, 0, 0, 0.65)" }}>{t("learner.evaluationIntro")}</p>
      <Form<Values> layout="vertical" onFinish={handleFinish} requiredMark="optional">
        {evaluation.questions.map((question) => {
          if (question.kind === "rating") {
            return (
              <Form.Item
                key={question.id}
                name={question.id}
                label={question.label}
                rules={[{ required: true, message: t("learner.answerRequired") }]}
              >
                <RatingInput label={question.label} />
              </Form.Item>
            );
          }
          if (question.kind === "choice") {
            return (
              <Form.Item
                key={question.id}
                name={question.id}
                label={question.label}
                rules={[{ required: true, message: t("learner.answerRequired") }]}
              >
                <Radio.Group options={question.options.map((option) => ({ label: option, value: option }))} />
              </Form.Item>
            );
          }
          return (
            <Form.Item key={question.id} name={question.id} label={question.label}>
              <Input.TextArea rows={3} maxLength={LEARNER_LIMITS.evaluationTextMax} showCount />
            </Form.Item>
          );
        })}
        {answer.isError ? (
          <Alert type="error" showIcon role="alert" title={t("learner.saveError")} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={answer.isPending}>
          {t("learner.evaluationSubmit")}
        </Button>
      </Form>
    </Card>
  );
}
