import { Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { AdminEnrollment } from "../../../../common/api/people.js";
import { useCreateEnrollment, useUpdateEnrollment } from "../../api/people.js";
import { useFeedback } from "../../app/feedback.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { apiFieldErrors } from "../admin-users/apiFieldErrors.js";
import { UserPicker } from "../admin-users/UserPicker.js";
import { CoursePicker } from "./CoursePicker.js";

type EnrollmentType = "mandatory" | "recommended" | "free";

interface EnrollmentFormValues {
  courseId: string;
  userId: string;
  type: EnrollmentType;
  startAt?: string;
  objectiveAt?: string;
  endAt?: string;
}

const fields = ["courseId", "userId", "type", "startAt", "objectiveAt", "endAt"] as const;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : undefined);

export interface EnrollmentFormModalProps {
  /** The enrollment to change; null to enrol someone. */
  enrollment: AdminEnrollment | null;
  /** The course to enrol in by default (the list's course filter). */
  courseId?: string;
  onClose: () => void;
}

/** Enrols a user in a course, or changes an enrollment's type and dates (start ≤ objective ≤ end). */
export function EnrollmentFormModal({ enrollment, courseId, onClose }: EnrollmentFormModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<EnrollmentFormValues>();
  const create = useCreateEnrollment();
  const update = useUpdateEnrollment();

  function handleFinish(values: EnrollmentFormValues) {
    const dates = {
      type: values.type,
      startAt: values.startAt || null,
      objectiveAt: values.objectiveAt || null,
      endAt: values.endAt || null,
    };
    const done = {
      onSuccess: (saved: AdminEnrollment) => {
        void message.success(
          t(enrollment ? "people.enrollments.updated" : "people.enrollments.created", {
            name: `${saved.user.firstName} ${saved.user.lastName}`,
            course: saved.course.name,
          }),
        );
        onClose();
      },
      onError: (error: Error) => {
        const errors = apiFieldErrors(error, fields, (_f, rule, text) =>
          rule === "date_order"
            ? t("people.enrollments.errors.dateOrder")
            : rule === "unique"
              ? t("people.enrollments.errors.already")
              : text,
        );
        if (errors.length) form.setFields(errors);
        else void message.error(t("people.errors.save"));
      },
    };
    if (enrollment) update.mutate({ enrollmentId: enrollment.id, input: dates }, done);
    else create.mutate({ courseId: values.courseId, userId: values.userId, ...dates }, done);
  }

  const initial: Partial<EnrollmentFormValues> = enrollment
    ? {
        type: enrollment.type,
        startAt: day(enrollment.startAt),
        objectiveAt: day(enrollment.objectiveAt),
        endAt: day(enrollment.endAt),
      }
    : { type: "mandatory", courseId };

  return (
    <AccessibleForm>
      <Modal
        open
        title={
          enrollment
            ? t("people.enrollments.editTitle", {
                name: `${enrollment.user.firstName} ${enrollment.user.lastName}`,
              })
            : t("people.enrollments.createTitle")
        }
        okText={t("people.save")}
        cancelText={t("actions.cancel")}
        onOk={() => form.submit()}
        onCancel={onClose}
        confirmLoading={create.isPending || update.isPending}
        mask={{ closable: false }}
      >
        <Form<EnrollmentFormValues> form={form} layout="vertical" initialValues={initial} onFinish={handleFinish}>
          {enrollment ? (
            <p>
              <strong>{enrollment.course.name}</strong>
            </p>
          ) : (
            <>
              <Form.Item
                name="courseId"
                label={t("people.enrollments.fields.course")}
                rules={[{ required: true, message: t("people.errors.required") }]}
              >
                <CoursePicker />
              </Form.Item>
              <Form.Item
                name="userId"
                label={t("people.enrollments.fields.user")}
                rules={[{ required: true, message: t("people.errors.required") }]}
              >
                <UserPicker />
              </Form.Item>
            </>
          )}
          <Form.Item name="type" label={t("people.enrollments.fields.type")}>
            <Select
              options={(["mandatory", "recommended", "free"] as const).map((type) => ({
                value: type,
                label: t(`people.enrollmentTypes.${type}`),
              }))}
            />
          </Form.Item>
          <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
            {(["startAt", "objectiveAt", "endAt"] as const).map((name) => (
              <Form.Item
                key={name}
                name={name}
                label={t(`people.enrollments.fields.${name}`)}
                style={{ flex: "1 1 140px" }}
              >
                <Input type="date" />
              </Form.Item>
            ))}
          </div>
        </Form>
      </Modal>
    </AccessibleForm>
  );
}
