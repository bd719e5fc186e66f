import { Form, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { AdminTutorAssignment } from "../../../../common/api/people.js";
import { useSaveAssignment } from "../../api/people.js";
import { useFeedback } from "../../app/feedback.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { CoursePicker } from "../admin-enrollments/CoursePicker.js";
import { ListPicker } from "../admin-lists/ListPicker.js";
import { apiFieldErrors } from "../admin-users/apiFieldErrors.js";
import { UserPicker } from "../admin-users/UserPicker.js";

interface AssignmentFormValues {
  tutorId: string;
  courseId: string;
  listIds: string[];
}

export interface AssignmentFormModalProps {
  /** The assignment whose lists to change; null to assign a tutor. */
  assignment: AdminTutorAssignment | null;
  courseId?: string;
  onClose: () => void;
}

/** Assigns a tutor to a course, following every learner or only the members of some learner lists. */
export function AssignmentFormModal({ assignment, courseId, onClose }: AssignmentFormModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<AssignmentFormValues>();
  const save = useSaveAssignment();

  function handleFinish(values: AssignmentFormValues) {
    save.mutate(
      {
        assignmentId: assignment?.id ?? null,
        input: {
          tutorId: assignment?.tutor.id ?? values.tutorId,
          courseId: assignment?.course.id ?? values.courseId,
          listIds: values.listIds ?? [],
        },
      },
      {
        onSuccess: (saved) => {
          void message.success(
            t("people.tutors.saved", {
              name: `${saved.tutor.firstName} ${saved.tutor.lastName}`,
              course: saved.course.name,
            }),
          );
          onClose();
        },
        onError: (error) => {
          const errors = apiFieldErrors(error, ["tutorId", "courseId", "listIds"] as const, (_f, rule, text) =>
            rule === "role"
              ? t("people.tutors.errors.role")
              : rule === "unique"
                ? t("people.tutors.errors.already")
                : text,
          );
          if (errors.length) form.setFields(errors);
          else void message.error(t("people.errors.save"));
        },
      },
    );
  }

  return (
    <AccessibleForm>
      <Modal
        open
        title={
          assignment
            ? t("people.tutors.editTitle", {
                name: `${assignment.tutor.firstName} ${assignment.tutor.lastName}`,
              })
            : t("people.tutors.createTitle")
        }
        okText={t("people.save")}
        cancelText={t("actions.cancel")}
        onOk={() => form.submit()}
        onCancel={onClose}
        confirmLoading={save.isPending}
        mask={{ closable: false }}
      >
        <Form<AssignmentFormValues>
          form={form}
          layout="vertical"
          initialValues={{ courseId, listIds: assignment?.lists.map((l) => l.id) ?? [] }}
          onFinish={handleFinish}
        >
          {assignment ? (
            <p>
              <strong>{assignment.course.name}</strong>
            </p>
          ) : (
            <>
              <Form.Item
                name="tutorId"
                label={t("people.tutors.fields.tutor")}
                rules={[{ required: true, message: t("people.errors.required") }]}
              >
                <UserPicker withRole="tutor" />
              </Form.Item>
              <Form.Item
                name="courseId"
                label={t("people.tutors.fields.course")}
                rules={[{ required: true, message: t("people.errors.required") }]}
              >
                <CoursePicker />
              </Form.Item>
            </>
          )}
          <Form.Item name="listIds" label={t("people.tutors.fields.lists")} extra={t("people.tutors.listsHelp")}>
            <ListPicker known={assignment?.lists} />
          </Form.Item>
        </Form>
      </Modal>
    </AccessibleForm>
  );
}
