import { Button, Card, Form } from "antd";
import { useTranslation } from "react-i18next";
import type { AdminCourse } from "../../../../common/api/catalogue-admin.js";
import { useCourseFormOptions, useUpdateCourse } from "../../api/catalogueAdmin.js";
import { useFeedback } from "../../app/feedback.js";
import { CourseFields, type CourseFormValues, courseFieldNames, courseInput } from "../admin-courses/CourseFields.js";
import { errorMessage, showFieldErrors } from "../admin-courses/formErrors.js";

export interface CourseInfoCardProps {
  course: AdminCourse;
}

/** The course's general information, saved together (one transaction, one audit entry). */
export function CourseInfoCard({ course }: CourseInfoCardProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<CourseFormValues>();
  const options = useCourseFormOptions();
  const update = useUpdateCourse(course.id);

  async function handleSubmit(values: CourseFormValues) {
    try {
      await update.mutateAsync(courseInput(values));
      void message.success(t("catalogueAdmin.saved"));
    } catch (error) {
      if (!showFieldErrors(form, error, t, courseFieldNames)) void message.error(errorMessage(error, t));
    }
  }

  const initialValues: CourseFormValues = {
    code: course.code,
    name: course.name,
    folderId: course.folderId,
    description: course.description,
    catalogueVisible: course.catalogueVisible,
    audience: course.everyone ? "everyone" : "lists",
    listIds: course.listIds,
    inactivityDays: course.inactivityDays,
    categoryIds: course.categoryIds,
    competencyIds: course.competencyIds,
  };
  return (
    <Card title={<h2 className="admin-card-title">{t("catalogueAdmin.editor.info")}</h2>}>
      <Form name="course" form={form} layout="vertical" initialValues={initialValues} onFinish={handleSubmit}>
        <CourseFields options={options.data} />
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t("catalogueAdmin.save")}
        </Button>
      </Form>
    </Card>
  );
}
