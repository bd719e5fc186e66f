import { Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { AdminCategory } from "../../../../common/api/catalogue-admin.js";
import { useSaveCategory } from "../../api/catalogueAdmin.js";
import { useFeedback } from "../../app/feedback.js";
import { errorMessage, showFieldErrors } from "../admin-courses/formErrors.js";

export interface CategoryModalProps {
  /** The category to rename; null creates one. */
  category: AdminCategory | null;
  onClose: () => void;
}

/** Creates or renames a category; a name already in use is shown on the field. */
export function CategoryModal({ category, onClose }: CategoryModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ name: string }>();
  const save = useSaveCategory();

  async function handleSubmit(values: { name: string }) {
    try {
      await save.mutateAsync({ categoryId: category?.id, name: values.name });
      void message.success(t("catalogueAdmin.saved"));
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error, t, ["name"])) void message.error(errorMessage(error, t));
    }
  }

  return (
    <Modal
      open
      title={category ? t("catalogueAdmin.categories.editTitle") : t("catalogueAdmin.categories.create")}
      okText={t("catalogueAdmin.save")}
      cancelText={t("catalogueAdmin.cancel")}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        name="category"
        form={form}
        layout="vertical"
        initialValues={{ name: category?.name ?? "" }}
        onFinish={handleSubmit}
      >
        <Form.Item
          name="name"
          label={t("catalogueAdmin.categories.name")}
          rules={[{ required: true, whitespace: true, message: t("catalogueAdmin.errors.required") }]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
