import { Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { AdminFolder } from "../../../../common/api/catalogue-admin.js";
import { useCreateFolder, useUpdateFolder } from "../../api/catalogueAdmin.js";
import { useFeedback } from "../../app/feedback.js";
import { errorMessage, showFieldErrors } from "../admin-courses/formErrors.js";

export interface FolderNameModalProps {
  /** Rename this folder; otherwise create one under `parent` (null: at the root). */
  folder: AdminFolder | null;
  parent: AdminFolder | null;
  onClose: () => void;
}

/** Names a new folder or renames one. */
export function FolderNameModal({ folder, parent, onClose }: FolderNameModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateFolder();
  const update = useUpdateFolder();

  async function handleSubmit(values: { name: string }) {
    try {
      if (folder) await update.mutateAsync({ folderId: folder.id, name: values.name });
      else await create.mutateAsync({ name: values.name, parentId: parent?.id ?? null });
      void message.success(t("catalogueAdmin.saved"));
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error, t, ["name"])) void message.error(errorMessage(error, t));
    }
  }

  const title = folder
    ? t("catalogueAdmin.folders.renameTitle", { name: folder.name })
    : parent
      ? t("catalogueAdmin.folders.createIn", { name: parent.name })
      : t("catalogueAdmin.folders.createRoot");
  return (
    <Modal
      open
      title={title}
      okText={t("catalogueAdmin.save")}
      cancelText={t("catalogueAdmin.cancel")}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        name="folder"
        form={form}
        layout="vertical"
        initialValues={{ name: folder?.name ?? "" }}
        onFinish={handleSubmit}
      >
        <Form.Item
          name="name"
          label={t("catalogueAdmin.folders.name")}
          rules={[{ required: true, whitespace: true, message: t("catalogueAdmin.errors.required") }]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
