import { Alert, Button, Form, Input, InputNumber, Radio, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CorrectionRequest } from "../../../../common/api/missions.js";
import { ApiError } from "../../api/client.js";
import { type Correction, useCorrectMission } from "../../api/tutoring.js";

/** The server's limit on the feedback (common/api/missions.ts). */
const maxFeedback = 20_000;

interface CorrectionValues {
  score: number | null;
  verdict: "passed" | "failed" | undefined;
  feedback: string;
}

export interface CorrectionFormProps {
  courseId: string;
  submissionId: string;
  onSaved: (correction: Correction) => void;
  /** Another tutor saved a correction first: nothing of ours was written. */
  onConflict: () => void;
  onCancel: () => void;
}

/** Score (%), verdict `Réussi` / `Échoué` and feedback for a submission (T7). */
export function CorrectionForm({ courseId, submissionId, onSaved, onConflict, onCancel }: CorrectionFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CorrectionValues>();
  const correct = useCorrectMission(courseId, submissionId);
  const [failure, setFailure] = useState<string | null>(null);

  function handleFinish(values: CorrectionValues) {
    if (!values.verdict) return;
    setFailure(null);
    const input: CorrectionRequest = {
      score: values.score ?? null,
      verdict: values.verdict,
      feedback: values.feedback ?? "",
    };
    correct.mutate(input, {
      onSuccess: onSaved,
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) {
          onConflict();
          return;
        }
        if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) {
          form.setFields(
            error.fields
              .map((field) => ({ name: field.field.replace(/^body\./, ""), errors: [field.message] }))
              .filter((field): field is { name: keyof CorrectionValues; errors: string[] } =>
                ["score", "verdict", "feedback"].includes(field.name),
              ),
          );
          return;
        }
        setFailure(
          error instanceof ApiError && error.isNetworkError ? t("missions.form.network") : t("missions.form.failed"),
        );
      },
    });
  }

  return (
    <Form<CorrectionValues>
      form={form}
      className="center-form"
      layout="vertical"
      requiredMark="optional"
      initialValues={{ score: null, verdict: undefined, feedback: "" }}
      onFinish={handleFinish}
      disabled={correct.isPending}
    >
      <Form.Item
        name="verdict"
        label={t("missions.form.verdict")}
        rules={[{ required: true, message: t("missions.form.verdictRequired") }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: "passed", label: t("missions.verdict.passed") },
            { value: "failed", label: t("missions.verdict.failed") },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="score"
        label={t("missions.form.score")}
        extra={t("missions.form.scoreHelp")}
        rules={[{ type: "number", min: 0, max: 100, message: t("missions.form.scoreRange") }]}
      >
        <InputNumber<number> min={0} max={100} step={1} precision={1} suffix="%" style={{ width: 140 }} />
      </Form.Item>
      <Form.Item
        name="feedback"
        label={t("missions.form.feedback")}
        rules={[{ max: maxFeedback, message: t("missions.form.feedbackTooLong", { max: maxFeedback }) }]}
      >
        <Input.TextArea
          rows={6}
          maxLength={maxFeedback}
          showCount
          placeholder={t("missions.form.feedbackPlaceholder")}
        />
      </Form.Item>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={correct.isPending}>
          {t("missions.form.save")}
        </Button>
        <Button onClick={onCancel} disabled={false}>
          {t("missions.form.cancel")}
        </Button>
      </Space>
    </Form>
  );
}
