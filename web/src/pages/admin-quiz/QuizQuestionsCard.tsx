import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CheckOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import { Button, Card, Empty, Popconfirm, Tag, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { QuizEditor, QuizEditorQuestion } from "../../../../common/api/quiz.js";
import { useDeleteQuestion, useMoveQuestion } from "../../api/quiz.js";
import { useFeedback } from "../../app/feedback.js";
import { QuestionModal } from "./QuestionModal.js";

export interface QuizQuestionsCardProps {
  editor: QuizEditor;
}

/** The quiz's questions in order, with their right answers; add, edit, move up or down, delete. */
export function QuizQuestionsCard({ editor }: QuizQuestionsCardProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const lessonId = editor.lesson.id;
  const move = useMoveQuestion(lessonId);
  const remove = useDeleteQuestion(lessonId);
  const [editing, setEditing] = useState<QuizEditorQuestion | "new" | null>(null);
  const count = editor.questions.length;

  function handleMove(question: QuizEditorQuestion, direction: "up" | "down") {
    move.mutate(
      { id: question.id, direction },
      {
        onSuccess: () => void message.success(t("quizEditor.moved")),
        onError: (error) => void message.error(t("quizEditor.saveError", { message: error.message })),
      },
    );
  }

  async function handleDelete(question: QuizEditorQuestion) {
    try {
      await remove.mutateAsync(question.id);
      void message.success(t("quizEditor.deleted"));
    } catch (error) {
      void message.error(t("quizEditor.saveError", { message: (error as Error).message }));
    }
  }

  return (
    <Card
      title={<h2 className="quiz-card-heading">{t("quizEditor.questionsTitle", { count })}</h2>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
          {t("quizEditor.addQuestion")}
        </Button>
      }
    >
      {count === 0 ? (
        <Empty description={t("quizEditor.noQuestions")} />
      ) : (
        <ol style={{ listStyle: "none", margin: 0, padding: 0 }} aria-label={t("quizEditor.title")}>
          {editor.questions.map((question, index) => {
            const number = index + 1;
            return (
              <li key={question.id} className="quiz-editor-question">
                <div style={{ minWidth: 0 }}>
                  <h3>{t("quizEditor.questionNumber", { number })}</h3>
                  <p style={{ margin: "0 0 8px", whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{question.text}</p>
                  <div style={{ display: "flex", gap: 8, flexWrap: "wrap", marginBottom: 8 }}>
                    <Tag style={{ marginInlineEnd: 0 }}>
                      {question.multiple ? t("quizEditor.multiple") : t("quizEditor.single")}
                    </Tag>
                    <Tag style={{ marginInlineEnd: 0 }}>{t("quizEditor.pointsValue", { count: question.points })}</Tag>
                  </div>
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {question.choices.map((choice, choiceIndex) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: choices have no id; their order is their identity
                      <li key={choiceIndex} className={choice.correct ? "quiz-choice-correct" : undefined}>
                        <span style={{ overflowWrap: "anywhere" }}>{choice.label}</span>
                        {choice.correct ? (
                          <>
                            {" "}
                            <CheckOutlined aria-hidden /> {t("quizEditor.correct")}
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </div>
                <div className="quiz-editor-actions">
                  <Tooltip title={t("quizEditor.moveUp", { number })}>
                    <Button
                      icon={<ArrowUpOutlined />}
                      aria-label={t("quizEditor.moveUp", { number })}
                      disabled={index === 0 || move.isPending}
                      onClick={() => handleMove(question, "up")}
                    />
                  </Tooltip>
                  <Tooltip title={t("quizEditor.moveDown", { number })}>
                    <Button
                      icon={<ArrowDownOutlined />}
                      aria-label={t("quizEditor.moveDown", { number })}
                      disabled={index === count - 1 || move.isPending}
                      onClick={() => handleMove(question, "down")}
                    />
                  </Tooltip>
                  <Tooltip title={t("quizEditor.edit", { number })}>
                    <Button
                      icon={<EditOutlined />}
                      aria-label={t("quizEditor.edit", { number })}
                      onClick={() => setEditing({ ...question, position: number })}
                    />
                  </Tooltip>
                  <Popconfirm
                    title={t("quizEditor.deleteConfirm", { number })}
                    description={t("quizEditor.deleteConfirmText")}
                    okText={t("quizEditor.deleteOk")}
                    cancelText={t("quizEditor.cancel")}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => handleDelete(question)}
                  >
                    <Button danger icon={<DeleteOutlined />} aria-label={t("quizEditor.delete", { number })} />
                  </Popconfirm>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <QuestionModal lessonId={lessonId} question={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
