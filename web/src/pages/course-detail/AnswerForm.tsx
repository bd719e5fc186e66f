import { Alert, Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { useAnswerComment } from "../../api/coursesDetail.js";

const maxLength = 5000;

export interface AnswerFormProps {
  courseId: string;
  lessonId: string;
  commentId: string;
  /** The learner being answered, for the field's label. */
  authorName: string;
  /** The answer was published (the comments reload with it), or the tutor gave up. */
  onDone: () => void;
}

interface AnswerValues {
  body: string;
}

/** The tutor's answer to a learner's comment; it appears under the comment once sent. */
export function AnswerForm({ courseId, lessonId, commentId, authorName, onDone }: AnswerFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AnswerValues>();
  const answer = useAnswerComment(courseId, lessonId);

  function handleFinish(values: AnswerValues) {
    answer.mutate({ commentId, body: values.body.trim() }, { onSuccess: onDone });
  }

  const error =
    answer.error instanceof ApiError && answer.error.isNetworkError
      ? t("courseLessons.comments.networkError")
      : answer.error
        ? t("courseLessons.comments.sendError")
        : null;

  return (
    <Form<AnswerValues>
      form={form}
      onFinish={handleFinish}
      layout="vertical"
      requiredMark={false}
      style={{ marginTop: 8 }}
    >
      <Form.Item
        name="body"
        label={t("courseLessons.comments.answerLabel", { name: authorName })}
        rules={[
          { required: true, whitespace: true, message: t("courseLessons.comments.answerRequired") },
          { max: maxLength, message: t("courseLessons.comments.answerTooLong", { max: maxLength }) },
        ]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={maxLength} showCount />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      <div style={{ display: "flex", justifyContent: "flex-end", gap: 8 }}>
        <Button onClick={onDone} disabled={answer.isPending}>
          {t("courseLessons.comments.cancel")}
        </Button>
        <Button type="primary" htmlType="submit" loading={answer.isPending}>
          {t("courseLessons.comments.send")}
        </Button>
      </div>
    </Form>
  );
}
