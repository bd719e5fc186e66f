import { Form, Input, InputNumber, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { AdminLesson } from "../../../../common/api/catalogue-admin.js";
import { type LessonType, lessonTypeSchema } from "../../../../common/enums.js";
import { useCreateLesson, useUpdateLesson } from "../../api/catalogueAdmin.js";
import { useFeedback } from "../../app/feedback.js";
import { errorMessage, showFieldErrors } from "../admin-courses/formErrors.js";
import { LessonTypeSettings } from "./LessonTypeSettings.js";

interface LessonFormValues {
  type: LessonType;
  title: string;
  description: string;
  points: number;
  passingScore: number | null;
  minTimeMinutes: number | null;
  durationMinutes: number | null;
  body: string;
}

const toMinutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 60));
const toSeconds = (minutes: number | null | undefined) =>
  minutes === null || minutes === undefined ? null : Math.round(minutes * 60);

export interface LessonModalProps {
  courseId: string;
  /** The lesson to edit; null adds one at the end of the course. */
  lesson: AdminLesson | null;
  onClose: () => void;
}

/** Adds or edits a lesson: its fields and its type's settings (the type is chosen once). */
export function LessonModal({ courseId, lesson, onClose }: LessonModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<LessonFormValues>();
  const create = useCreateLesson(courseId);
  const update = useUpdateLesson(courseId);
  const watchedType = Form.useWatch<LessonType | undefined>("type", form);
  const type = lesson?.type ?? watchedType ?? "elearning";

  async function handleSubmit(values: LessonFormValues) {
    const fields = {
      title: values.title,
      description: values.description ?? "",
      points: values.points ?? 0,
      passingScore: values.passingScore ?? null,
      minTimeSeconds: toSeconds(values.minTimeMinutes),
      durationSeconds: toSeconds(values.durationMinutes),
      settings: type === "sheet" ? { body: values.body ?? "" } : {},
    };
    try {
      if (lesson) await update.mutateAsync({ lessonId: lesson.id, ...fields });
      else await create.mutateAsync({ type: values.type, ...fields });
      void message.success(
        lesson ? t("catalogueAdmin.saved") : t("catalogueAdmin.lessons.created", { title: values.title }),
      );
      onClose();
    } catch (error) {
      const mapped = showFieldErrors(form, error, t, ["type", "title", "description", "points", "passingScore"]);
      if (!mapped) void message.error(errorMessage(error, t));
    }
  }

  const initialValues: LessonFormValues = {
    type,
    title: lesson?.title ?? "",
    description: lesson?.description ?? "",
    points: lesson?.points ?? 0,
    passingScore: lesson?.passingScore ?? null,
    minTimeMinutes: toMinutes(lesson?.minTimeSeconds ?? null),
    durationMinutes: toMinutes(lesson?.durationSeconds ?? null),
    body: lesson?.settings.body ?? "",
  };
  const number = { style: { width: "100%" } };
  return (
    <Modal
      open
      width={720}
      title={lesson ? t("catalogueAdmin.lessons.editTitle", { title: lesson.title }) : t("catalogueAdmin.lessons.add")}
      okText={t("catalogueAdmin.save")}
      cancelText={t("catalogueAdmin.cancel")}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form name="lesson" form={form} layout="vertical" initialValues={initialValues} onFinish={handleSubmit}>
        <Form.Item
          name="type"
          label={t("catalogueAdmin.lessons.type")}
          extra={lesson ? t("catalogueAdmin.lessons.typeFixed") : undefined}
        >
          <Select
            disabled={lesson !== null}
            options={lessonTypeSchema.options.map((value) => ({ value, label: t(`courseLessons.types.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("catalogueAdmin.lessons.title")}
          rules={[{ required: true, whitespace: true, message: t("catalogueAdmin.errors.required") }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="description"
          label={type === "mission" ? t("catalogueAdmin.lessons.instructions") : t("catalogueAdmin.description")}
        >
          <Input.TextArea maxLength={5000} autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(140px, 1fr))", gap: 16 }}>
          <Form.Item name="points" label={t("catalogueAdmin.lessons.points")}>
            <InputNumber min={0} max={10_000} precision={0} {...number} />
          </Form.Item>
          <Form.Item name="passingScore" label={t("catalogueAdmin.lessons.passingScore")}>
            <InputNumber min={0} max={100} suffix="%" {...number} />
          </Form.Item>
          <Form.Item name="minTimeMinutes" label={t("catalogueAdmin.lessons.minTime")}>
            <InputNumber min={0} max={16_000} precision={0} suffix="min" {...number} />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t("catalogueAdmin.lessons.duration")}>
            <InputNumber min={0} max={16_000} precision={0} suffix="min" {...number} />
          </Form.Item>
        </div>
        <section className="admin-settings" aria-label={t("catalogueAdmin.lessons.settings")}>
          <h3 style={{ fontSize: 14, margin: "0 0 8px" }}>{t("catalogueAdmin.lessons.settings")}</h3>
          <LessonTypeSettings courseId={courseId} type={type} lesson={lesson} />
        </section>
      </Form>
    </Modal>
  );
}
