import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Checkbox, Form, Input, InputNumber, Modal, Radio } from "antd";
import { useTranslation } from "react-i18next";
import { QUIZ_LIMITS, type QuizEditorQuestion, type QuizQuestionInput } from "../../../../common/api/quiz.js";
import { ApiError } from "../../api/client.js";
import { useSaveQuestion } from "../../api/quiz.js";
import { useFeedback } from "../../app/feedback.js";
import { serverFieldErrors } from "./serverFieldErrors.js";

type QuestionValues = QuizQuestionInput;

const blankQuestion: QuestionValues = {
  text: "",
  multiple: false,
  points: 1,
  choices: [
    { label: "", correct: false },
    { label: "", correct: false },
  ],
};

export interface QuestionModalProps {
  lessonId: string;
  /** The question to edit, `"new"` to add one, null when closed. */
  question: QuizEditorQuestion | "new" | null;
  onClose: () => void;
}

/** Writes a question: its text, single or multiple choice, points, and the choices with the right ones ticked. */
export function QuestionModal({ lessonId, question, onClose }: QuestionModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<QuestionValues>();
  const save = useSaveQuestion(lessonId);
  const editing = question !== null && question !== "new" ? question : null;
  const initial: QuestionValues = editing
    ? { text: editing.text, multiple: editing.multiple, points: editing.points, choices: editing.choices }
    : blankQuestion;

  function handleClose() {
    save.reset();
    onClose();
  }

  function handleFinish(values: QuestionValues) {
    save.mutate(
      {
        id: editing?.id ?? null,
        text: values.text,
        multiple: values.multiple,
        points: values.points,
        choices: values.choices.map((choice) => ({ label: choice.label, correct: Boolean(choice.correct) })),
      },
      {
        onSuccess: () => {
          void message.success(editing ? t("quizEditor.updated") : t("quizEditor.added"));
          onClose();
        },
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

  /** The rules across choices, checked here too so the admin sees them before sending. */
  function checkChoices(_rule: unknown, choices: QuestionValues["choices"] | undefined) {
    const list = choices ?? [];
    if (list.length < QUIZ_LIMITS.choicesMin) return Promise.reject(new Error(t("quizEditor.rules.twoChoices")));
    const correct = list.filter((choice) => choice?.correct).length;
    if (correct === 0) return Promise.reject(new Error(t("quizEditor.rules.oneCorrect")));
    if (!form.getFieldValue("multiple") && correct !== 1) {
      return Promise.reject(new Error(t("quizEditor.rules.singleOneCorrect")));
    }
    return Promise.resolve();
  }

  return (
    <Modal
      open={question !== null}
      title={editing ? t("quizEditor.modalEditTitle", { number: editing.position }) : t("quizEditor.modalAddTitle")}
      onCancel={handleClose}
      destroyOnHidden
      width={680}
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={handleClose}>
          {t("quizEditor.cancel")}
        </Button>,
        <Button key="submit" type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {t("quizEditor.save")}
        </Button>,
      ]}
    >
      <Form<QuestionValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={handleFinish}
        requiredMark={false}
        preserve={false}
      >
        <Form.Item
          name="text"
          label={t("quizEditor.text")}
          rules={[{ required: true, whitespace: true, message: t("quizEditor.rules.textRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={QUIZ_LIMITS.textMax} />
        </Form.Item>
        <div style={{ display: "flex", flexWrap: "wrap", gap: "0 32px" }}>
          <Form.Item name="multiple" label={t("quizEditor.type")}>
            <Radio.Group
              options={[
                { value: false, label: t("quizEditor.single") },
                { value: true, label: t("quizEditor.multiple") },
              ]}
              onChange={() => void form.validateFields([["choices"]]).catch(() => undefined)}
            />
          </Form.Item>
          <Form.Item
            name="points"
            label={t("quizEditor.points")}
            rules={[
              {
                required: true,
                type: "integer",
                min: 1,
                max: QUIZ_LIMITS.pointsMax,
                message: t("quizEditor.rules.points", { max: QUIZ_LIMITS.pointsMax }),
              },
            ]}
          >
            <InputNumber min={1} max={QUIZ_LIMITS.pointsMax} precision={0} style={{ width: 120 }} />
          </Form.Item>
        </div>
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8, border: 0 }}>{t("quizEditor.choices")}</legend>
          <Form.List name="choices" rules={[{ validator: checkChoices }]}>
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <div key={field.key} className="quiz-choice-row">
                    <Form.Item
                      name={[field.name, "label"]}
                      rules={[{ required: true, whitespace: true, message: t("quizEditor.rules.choiceRequired") }]}
                      style={{ flex: 1, minWidth: 0 }}
                    >
                      <Input
                        aria-label={t("quizEditor.choiceLabel", { number: index + 1 })}
                        placeholder={t("quizEditor.choiceLabel", { number: index + 1 })}
                        maxLength={QUIZ_LIMITS.choiceMax}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, "correct"]} valuePropName="checked">
                      <Checkbox
                        aria-label={t("quizEditor.choiceCorrectAria", { number: index + 1 })}
                        onChange={() => void form.validateFields([["choices"]]).catch(() => undefined)}
                        style={{ paddingTop: 5 }}
                      >
                        {t("quizEditor.choiceCorrect")}
                      </Checkbox>
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t("quizEditor.removeChoice", { number: index + 1 })}
                      disabled={fields.length <= QUIZ_LIMITS.choicesMin}
                      onClick={() => remove(field.name)}
                    />
                  </div>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ label: "", correct: false })}
                  disabled={fields.length >= QUIZ_LIMITS.choicesMax}
                  style={{ marginTop: 8 }}
                >
                  {t("quizEditor.addChoice")}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
      </Form>
    </Modal>
  );
}
