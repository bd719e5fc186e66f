import { MessageOutlined } from "@ant-design/icons";
import { Avatar, Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LessonComment } from "../../../../common/api/courses.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { AnswerForm } from "./AnswerForm.js";
import { personName } from "./personName.js";

export interface CommentThreadProps {
  courseId: string;
  lessonId: string;
  comment: LessonComment;
}

function initials(person: { firstName: string; lastName: string }): string {
  return `${person.firstName.slice(0, 1)}${person.lastName.slice(0, 1)}`.toUpperCase();
}

/** A learner's comment (author, date, text) with the answers under it and the tutor's answer form. */
export function CommentThread({ courseId, lessonId, comment }: CommentThreadProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [answering, setAnswering] = useState(false);
  const author = personName(comment.author);

  return (
    <article aria-label={t("courseLessons.comments.commentBy", { name: author })}>
      <div style={{ display: "flex", gap: 12 }}>
        <Avatar aria-hidden="true" style={{ background: "#1e40af", flex: "none" }}>
          {initials(comment.author)}
        </Avatar>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: 8 }}>
            <strong>{author}</strong>
            <span style={{ fontSize: 13, color: "rgba(0, 0, 0, 0.62)", fontVariantNumeric: "tabular-nums" }}>
              {formatDateTime(comment.createdAt, user.timeZone)}
            </span>
          </div>
          <p className="comment-text">{comment.body}</p>
          {comment.answers.length > 0 ? (
            <ul
              aria-label={t("courseLessons.comments.answers", { count: comment.answers.length })}
              style={{
                listStyle: "none",
                margin: "10px 0 0",
                padding: "0 0 0 14px",
                borderInlineStart: "2px solid #dbe3f3",
                display: "flex",
                flexDirection: "column",
                gap: 10,
              }}
            >
              {comment.answers.map((answer) => (
                <li key={answer.id}>
                  <div style={{ display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: 8 }}>
                    <strong>{personName(answer.author)}</strong>
                    <span style={{ fontSize: 13, color: "rgba(0, 0, 0, 0.62)", fontVariantNumeric: "tabular-nums" }}>
                      {formatDateTime(answer.createdAt, user.timeZone)}
                    </span>
                  </div>
                  <p className="comment-text">{answer.body}</p>
                </li>
              ))}
            </ul>
          ) : null}
          {answering ? (
            <AnswerForm
              courseId={courseId}
              lessonId={lessonId}
              commentId={comment.id}
              authorName={author}
              onDone={() => setAnswering(false)}
            />
          ) : (
            <Button
              type="link"
              icon={<MessageOutlined aria-hidden="true" />}
              onClick={() => setAnswering(true)}
              style={{ paddingInline: 0, marginTop: 4 }}
              aria-label={t("courseLessons.comments.answerTo", { name: author })}
            >
              {t("courseLessons.comments.answer")}
            </Button>
          )}
        </div>
      </div>
    </article>
  );
}
