import { Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { AdminCompetency, AdminFramework, CompetencyFields } from "../../../../common/api/catalogue-admin.js";
import { useSaveCompetency } from "../../api/catalogueAdmin.js";
import { useFeedback } from "../../app/feedback.js";
import { errorMessage, showFieldErrors } from "../admin-courses/formErrors.js";

export interface CompetencyModalProps {
  framework: AdminFramework;
  /** The competency to edit; null adds one to the framework. */
  competency: AdminCompetency | null;
  onClose: () => void;
}

/** Adds or edits a competency (code unique within its framework, label, description). */
export function CompetencyModal({ framework, competency, onClose }: CompetencyModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<CompetencyFields>();
  const save = useSaveCompetency();

  async function handleSubmit(values: CompetencyFields) {
    try {
      await save.mutateAsync({ competencyId: competency?.id, frameworkId: framework.id, ...values });
      void message.success(t("catalogueAdmin.saved"));
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error, t, ["code", "label", "description"]))
        void message.error(errorMessage(error, t));
    }
  }

  return (
    <Modal
      open
      title={
        competency
          ? t("catalogueAdmin.competencies.editCompetency")
          : t("catalogueAdmin.competencies.addTo", { name: framework.name })
      }
      okText={t("catalogueAdmin.save")}
      cancelText={t("catalogueAdmin.cancel")}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        name="competency"
        form={form}
        layout="vertical"
        initialValues={{
          code: competency?.code ?? "",
          label: competency?.label ?? "",
          description: competency?.description ?? "",
        }}
        onFinish={handleSubmit}
      >
        <Form.Item
          name="code"
          label={t("catalogueAdmin.competencies.code")}
          extra={t("catalogueAdmin.competencies.codeHelp")}
          rules={[{ required: true, whitespace: true, message: t("catalogueAdmin.errors.required") }]}
        >
          <Input maxLength={50} autoFocus style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item
          name="label"
          label={t("catalogueAdmin.competencies.label")}
          rules={[{ required: true, whitespace: true, message: t("catalogueAdmin.errors.required") }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="description" label={t("catalogueAdmin.description")}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
