import { Form, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCourseFormOptions, useCreateCourse } from "../../api/catalogueAdmin.js";
import { useFeedback } from "../../app/feedback.js";
import { adminCoursePath } from "../../app/navigation.js";
import { CourseFields, type CourseFormValues, courseFieldNames, courseInput } from "./CourseFields.js";
import { errorMessage, showFieldErrors } from "./formErrors.js";

const initialValues: CourseFormValues = {
  code: "",
  name: "",
  folderId: null,
  description: "",
  catalogueVisible: true,
  audience: "everyone",
  listIds: [],
  inactivityDays: 14,
  categoryIds: [],
  competencyIds: [],
};

export interface CourseCreateModalProps {
  /** Folder preselected (the list's current folder filter). */
  folderId: string | null;
  onClose: () => void;
}

/** Creates a course, then opens its editor to add the thumbnail and lessons. */
export function CourseCreateModal({ folderId, onClose }: CourseCreateModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [form] = Form.useForm<CourseFormValues>();
  const options = useCourseFormOptions();
  const create = useCreateCourse();

  async function handleSubmit(values: CourseFormValues) {
    try {
      const course = await create.mutateAsync(courseInput(values));
      void message.success(t("catalogueAdmin.courses.created", { name: course.name }));
      onClose();
      void navigate(adminCoursePath(course.id));
    } catch (error) {
      if (!showFieldErrors(form, error, t, courseFieldNames)) void message.error(errorMessage(error, t));
    }
  }

  return (
    <Modal
      open
      width={720}
      title={t("catalogueAdmin.courses.create")}
      okText={t("catalogueAdmin.courses.createOk")}
      cancelText={t("catalogueAdmin.cancel")}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        name="newCourse"
        form={form}
        layout="vertical"
        initialValues={{ ...initialValues, folderId }}
        onFinish={handleSubmit}
      >
        <CourseFields options={options.data} />
      </Form>
    </Modal>
  );
}
