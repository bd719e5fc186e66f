import { Button, Card, Form, InputNumber, Radio } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { QUIZ_LIMITS, type QuizEditor, type QuizOrder } from "../../../../common/api/quiz.js";
import { ApiError } from "../../api/client.js";
import { useSaveQuizSettings } from "../../api/quiz.js";
import { useFeedback } from "../../app/feedback.js";
import { serverFieldErrors } from "./serverFieldErrors.js";

interface SettingsValues {
  order: QuizOrder;
  attemptsLimit: number | null;
  passingScore: number | null;
}

export interface QuizSettingsCardProps {
  editor: QuizEditor;
}

/** Question order, attempts limit and the lesson's passing score. */
export function QuizSettingsCard({ editor }: QuizSettingsCardProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<SettingsValues>();
  const save = useSaveQuizSettings(editor.lesson.id);
  const { order, attemptsLimit } = editor.settings;
  const passingScore = editor.lesson.passingScore;

  useEffect(() => {
    form.setFieldsValue({ order, attemptsLimit, passingScore });
  }, [form, order, attemptsLimit, passingScore]);

  function handleFinish(values: SettingsValues) {
    save.mutate(
      {
        order: values.order,
        attemptsLimit: values.attemptsLimit ?? null,
        passingScore: values.passingScore ?? null,
      },
      {
        onSuccess: () => void message.success(t("quizEditor.settingsSaved")),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) {
            form.setFields(serverFieldErrors(error, t) as Parameters<typeof form.setFields>[0]);
            return;
          }
          void message.error(t("quizEditor.saveError", { message: error.message }));
        },
      },
    );
  }

  return (
    <Card title={<h2 className="quiz-card-heading">{t("quizEditor.settingsTitle")}</h2>} style={{ marginBottom: 16 }}>
      <Form<SettingsValues>
        form={form}
        layout="vertical"
        initialValues={{ order, attemptsLimit, passingScore }}
        onFinish={handleFinish}
        requiredMark={false}
      >
        <Form.Item name="order" label={t("quizEditor.order")}>
          <Radio.Group
            options={[
              { value: "ordered", label: t("quizEditor.orderOrdered") },
              { value: "random", label: t("quizEditor.orderRandom") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="attemptsLimit"
          label={t("quizEditor.attemptsLimit")}
          extra={t("quizEditor.attemptsLimitHelp")}
          rules={[
            {
              type: "integer",
              min: 1,
              max: QUIZ_LIMITS.attemptsMax,
              message: t("quizEditor.rules.attemptsLimit", { max: QUIZ_LIMITS.attemptsMax }),
            },
          ]}
        >
          <InputNumber
            min={1}
            max={QUIZ_LIMITS.attemptsMax}
            precision={0}
            placeholder={t("quizEditor.attemptsLimitPlaceholder")}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item
          name="passingScore"
          label={t("quizEditor.passingScore")}
          extra={t("quizEditor.passingScoreHelp")}
          rules={[{ type: "number", min: 0, max: 100, message: t("quizEditor.rules.passingScore") }]}
        >
          <InputNumber min={0} max={100} placeholder={t("quizEditor.passingScorePlaceholder")} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("quizEditor.saveSettings")}
        </Button>
      </Form>
    </Card>
  );
}
