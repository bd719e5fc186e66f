import { Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { AdminFramework, FrameworkInput } from "../../../../common/api/catalogue-admin.js";
import { useSaveFramework } from "../../api/catalogueAdmin.js";
import { useFeedback } from "../../app/feedback.js";
import { errorMessage, showFieldErrors } from "../admin-courses/formErrors.js";

export interface FrameworkModalProps {
  /** The framework to edit; null creates one. */
  framework: AdminFramework | null;
  onClose: () => void;
}

/** Creates or edits a competency framework (name and description). */
export function FrameworkModal({ framework, onClose }: FrameworkModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<FrameworkInput>();
  const save = useSaveFramework();

  async function handleSubmit(values: FrameworkInput) {
    try {
      await save.mutateAsync({ frameworkId: framework?.id, ...values });
      void message.success(t("catalogueAdmin.saved"));
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error, t, ["name", "description"])) void message.error(errorMessage(error, t));
    }
  }

  return (
    <Modal
      open
      title={
        framework ? t("catalogueAdmin.competencies.editFramework") : t("catalogueAdmin.competencies.createFramework")
      }
      okText={t("catalogueAdmin.save")}
      cancelText={t("catalogueAdmin.cancel")}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        name="framework"
        form={form}
        layout="vertical"
        initialValues={{ name: framework?.name ?? "", description: framework?.description ?? "" }}
        onFinish={handleSubmit}
      >
        <Form.Item
          name="name"
          label={t("catalogueAdmin.competencies.frameworkName")}
          rules={[{ required: true, whitespace: true, message: t("catalogueAdmin.errors.required") }]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="description" label={t("catalogueAdmin.description")}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
