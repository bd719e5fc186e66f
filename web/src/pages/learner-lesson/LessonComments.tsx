import { Alert, Avatar, Button, Card, Empty, Form, Input, Pagination } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LEARNER_LIMITS } from "../../../../common/api/learner.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { useAddComment, useLessonComments } from "../../api/learner.js";

export interface LessonCommentsProps {
  courseId: string;
  lessonId: string;
}

const initials = (first: string, last: string) => `${first.charAt(0)}${last.charAt(0)}`.toUpperCase();

/** The lesson's comments (the learners' questions and the tutors' answers), newest first, and a form to add one. */
export function LessonComments({ courseId, lessonId }: LessonCommentsProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [page, setPage] = useState(1);
  const comments = useLessonComments(courseId, lessonId, page);
  const add = useAddComment(courseId, lessonId);
  const [form] = Form.useForm<{ body: string }>();

  function handleFinish(values: { body: string }) {
    add.mutate(values.body.trim(), {
      onSuccess: () => {
        form.resetFields();
        setPage(1);
      },
    });
  }

  const data = comments.data;
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("learner.comments.title", { count: data?.total ?? 0 })}</h2>}
    >
      <Form form={form} layout="vertical" onFinish={handleFinish} requiredMark={false} style={{ maxWidth: 760 }}>
        <Form.Item
          name="body"
          label={t("learner.comments.label")}
          rules={[
            { required: true, whitespace: true, message: t("learner.comments.required") },
            {
              max: LEARNER_LIMITS.commentMax,
              message: t("learner.comments.tooLong", { max: LEARNER_LIMITS.commentMax }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={LEARNER_LIMITS.commentMax} />
        </Form.Item>
        {add.isError ? (
          <Alert type="error" showIcon role="alert" title={t("learner.saveError")} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t("learner.comments.send")}
        </Button>
      </Form>
      {comments.isError && !data ? (
        <Alert
          type="warning"
          showIcon
          title={t("learner.comments.loadError")}
          action={<Button onClick={() => void comments.refetch()}>{t("errors.retry")}</Button>}
          style={{ marginTop: 16 }}
        />
      ) : null}
      {data && data.total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("learner.comments.none")} />
      ) : null}
      {data && data.items.length > 0 ? (
        <ol
          style={{ listStyle: "none", padding: 0, margin: "24px 0 0", maxWidth: 760 }}
          aria-label={t("learner.comments.list")}
        >
          {data.items.map((c) => (
            <li key={c.id} style={{ marginBottom: 20 }}>
              <div style={{ display: "flex", gap: 12 }}>
                <Avatar style={{ background: "#1d4ed8", flex: "none" }} aria-hidden="true">
                  {initials(c.author.firstName, c.author.lastName)}
                </Avatar>
                <div style={{ minWidth: 0 }}>
                  <div style={{ fontWeight: 600 }}>
                    {c.mine ? t("learner.comments.me") : `${c.author.firstName} ${c.author.lastName}`}{" "}
                    <span style={{ fontWeight: 400, color: "rgba(0, 0, 0, 0.65)", fontSize: 13 }}>
                      {formatDateTime(c.createdAt, user.timeZone)}
                    </span>
                  </div>
                  <p style={{ whiteSpace: "pre-wrap", margin: "4px 0 0", overflowWrap: "anywhere" }}>{c.body}</p>
                  {c.answers.map((a) => (
                    <div
                      key={a.id}
                      style={{ marginTop: 12, paddingInlineStart: 12, borderInlineStart: "3px solid #bfd0fe" }}
                    >
                      <div style={{ fontWeight: 600 }}>
                        {t("learner.comments.answerBy", { name: `${a.author.firstName} ${a.author.lastName}` })}{" "}
                        <span style={{ fontWeight: 400, color: "rgba(0, 0, 0, 0.65)", fontSize: 13 }}>
                          {formatDateTime(a.createdAt, user.timeZone)}
                        </span>
                      </div>
                      <p style={{ whiteSpace: "pre-wrap", margin: "4px 0 0", overflowWrap: "anywhere" }}>{a.body}</p>
                    </div>
                  ))}
                </div>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      {data && data.total > data.pageSize ? (
        <Pagination
          current={page}
          pageSize={data.pageSize}
          total={data.total}
          onChange={setPage}
          showSizeChanger={false}
        />
      ) : null}
    </Card>
  );
}
