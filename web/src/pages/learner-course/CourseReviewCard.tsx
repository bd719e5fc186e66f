import { Alert, Button, Card, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { LEARNER_LIMITS, type LearnerCourse } from "../../../../common/api/learner.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { useSaveReview } from "../../api/learner.js";
import { useFeedback } from "../../app/feedback.js";
import { RatingInput } from "./RatingInput.js";

export interface CourseReviewCardProps {
  courseId: string;
  review: LearnerCourse["review"];
}

interface ReviewValues {
  rating: number;
  comment: string;
}

/** `Mon avis`: the learner rates and reviews the course once; saving again edits the same review. */
export function CourseReviewCard({ courseId, review }: CourseReviewCardProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { message } = useFeedback();
  const save = useSaveReview(courseId);
  const [form] = Form.useForm<ReviewValues>();

  function handleFinish(values: ReviewValues) {
    save.mutate(
      { rating: values.rating, comment: values.comment ?? "" },
      { onSuccess: () => void message.success(t("learner.reviewSaved")) },
    );
  }

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("learner.reviewTitle")}</h2>}>
      {review ? (
        <p style={{ marginTop: 0, color: "rgba(0, 0, 0, 0.65)" }}>
          {t("learner.reviewSavedAt", { date: formatDateTime(review.updatedAt, user.timeZone) })}
        </p>
      ) : null}
      <Form<ReviewValues>
        form={form}
        layout="vertical"
        initialValues={{ rating: review?.rating ?? 0, comment: review?.comment ?? "" }}
        onFinish={handleFinish}
        requiredMark={false}
      >
        <Form.Item
          name="rating"
          label={t("learner.rating")}
          rules={[
            {
              validator: (_rule, value) =>
                value >= 1 ? Promise.resolve() : Promise.reject(new Error(t("learner.ratingRequired"))),
            },
          ]}
        >
          <RatingInput label={t("learner.rating")} />
        </Form.Item>
        <Form.Item name="comment" label={t("learner.reviewComment")}>
          <Input.TextArea rows={3} maxLength={LEARNER_LIMITS.reviewCommentMax} showCount />
        </Form.Item>
        {save.isError ? (
          <Alert type="error" showIcon role="alert" title={t("learner.saveError")} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {review ? t("learner.reviewUpdate") : t("learner.reviewSave")}
        </Button>
      </Form>
    </Card>
  );
}
