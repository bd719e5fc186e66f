import { Alert, Button, Card, Checkbox, Radio } from "antd";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { QuizAttempt, QuizResult } from "../../../../common/api/quiz.js";
import { ApiError } from "../../api/client.js";
import { useSubmitQuiz } from "../../api/quiz.js";

export interface QuizFormProps {
  lessonId: string;
  attempt: QuizAttempt;
  onSubmitted: (result: QuizResult) => void;
  /** The attempt had been submitted already (another tab): the page shows its result. */
  onAlreadySubmitted: () => void;
}

/** One form with every question of the attempt: a group of radios or checkboxes per question, in a fieldset. */
export function QuizForm({ lessonId, attempt, onSubmitted, onAlreadySubmitted }: QuizFormProps) {
  const { t } = useTranslation();
  const submit = useSubmitQuiz(lessonId);
  const [answers, setAnswers] = useState<Record<string, number[]>>({});
  const [checked, setChecked] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const total = attempt.questions.length;
  const unanswered = attempt.questions
    .map((question, index) => ({ question, number: index + 1 }))
    .filter(({ question }) => (answers[question.id] ?? []).length === 0);

  function handleChange(questionId: string, choices: number[]) {
    setAnswers((previous) => ({ ...previous, [questionId]: choices }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    setFailure(null);
    const first = unanswered[0];
    if (first) {
      // Takes the learner to the first question left without an answer.
      formRef.current?.querySelector<HTMLInputElement>(`fieldset[data-question="${first.question.id}"] input`)?.focus();
      return;
    }
    submit.mutate(
      {
        attemptId: attempt.id,
        answers: attempt.questions.map((question) => ({
          questionId: question.id,
          choices: answers[question.id] ?? [],
        })),
      },
      {
        onSuccess: onSubmitted,
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) {
            onAlreadySubmitted();
            return;
          }
          setFailure(error.message);
        },
      },
    );
  }

  const showErrors = checked && unanswered.length > 0;
  return (
    <Card title={<h2 className="quiz-card-heading">{t("quiz.attemptTitle", { number: attempt.number })}</h2>}>
      <p className="quiz-muted" style={{ marginTop: 0 }}>
        {t("quiz.attemptHint")}
      </p>
      <form ref={formRef} onSubmit={handleSubmit} noValidate>
        {showErrors ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t("quiz.unansweredTitle", {
              count: unanswered.length,
              list: unanswered.map((u) => u.number).join(", "),
            })}
          />
        ) : null}
        {attempt.questions.map((question, index) => {
          const number = index + 1;
          const errorId = `quiz-error-${question.id}`;
          const invalid = showErrors && (answers[question.id] ?? []).length === 0;
          const options = question.choices.map((choice) => ({ value: choice.index, label: choice.label }));
          return (
            <fieldset
              key={question.id}
              className="quiz-question"
              data-question={question.id}
              data-invalid={invalid}
              aria-describedby={invalid ? errorId : undefined}
            >
              <legend>
                <span className="quiz-question-meta">
                  {t("quiz.questionLegend", { number, total })} · {t("quiz.pointsValue", { count: question.points })} ·{" "}
                  {question.multiple ? t("quiz.multipleHint") : t("quiz.singleHint")}
                </span>
                <span className="quiz-question-text">{question.text}</span>
              </legend>
              {question.multiple ? (
                <Checkbox.Group
                  className="quiz-choices"
                  options={options}
                  value={answers[question.id] ?? []}
                  onChange={(values) => handleChange(question.id, values as number[])}
                />
              ) : (
                <Radio.Group
                  className="quiz-choices"
                  name={`question-${question.id}`}
                  options={options}
                  value={answers[question.id]?.[0]}
                  onChange={(event) => handleChange(question.id, [event.target.value as number])}
                />
              )}
              {invalid ? (
                <p id={errorId} className="quiz-field-error">
                  {t("quiz.answerRequired")}
                </p>
              ) : null}
            </fieldset>
          );
        })}
        {failure ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t("quiz.submitError", { message: failure })}
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          {t("quiz.submit")}
        </Button>
      </form>
    </Card>
  );
}
