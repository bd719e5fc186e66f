import { CheckCircleFilled, MinusCircleOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { LessonPreview } from "../../../../common/api/courses.js";

export interface QuizPreviewProps {
  questions: NonNullable<LessonPreview["questions"]>;
}

/** A quiz in preview: its questions, with the expected answers marked (tutors see them). */
export function QuizPreview({ questions }: QuizPreviewProps) {
  const { t } = useTranslation();
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20, display: "flex", flexDirection: "column", gap: 16 }}>
      {questions.map((question, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: questions have no id and keep their order
        <li key={index}>
          <div style={{ fontWeight: 600 }}>{question.text}</div>
          <div style={{ fontSize: 13, color: "rgba(0, 0, 0, 0.62)", margin: "2px 0 6px" }}>
            {question.multiple ? t("courseLessons.preview.multiple") : t("courseLessons.preview.single")}
          </div>
          <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: 6 }}>
            {question.choices.map((choice, choiceIndex) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: choices have no id and keep their order
                key={choiceIndex}
                style={{
                  display: "flex",
                  alignItems: "center",
                  gap: 8,
                  padding: "6px 10px",
                  borderRadius: 6,
                  border: `1px solid ${choice.correct ? "#a7e3bd" : "#e5e7eb"}`,
                  background: choice.correct ? "#ecfdf3" : "#ffffff",
                }}
              >
                {choice.correct ? (
                  <CheckCircleFilled aria-hidden="true" style={{ color: "#15803d" }} />
                ) : (
                  <MinusCircleOutlined aria-hidden="true" style={{ color: "#9ca3af" }} />
                )}
                <span style={{ flex: 1 }}>{choice.label}</span>
                {choice.correct ? (
                  <Tag style={{ color: "#166534", background: "#ffffff", borderColor: "#a7e3bd", marginInlineEnd: 0 }}>
                    {t("courseLessons.preview.correct")}
                  </Tag>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
