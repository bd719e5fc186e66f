import { Form, Modal, TreeSelect } from "antd";
import { useTranslation } from "react-i18next";
import type { AdminFolder } from "../../../../common/api/catalogue-admin.js";
import { useUpdateFolder } from "../../api/catalogueAdmin.js";
import { useFeedback } from "../../app/feedback.js";
import { errorMessage, showFieldErrors } from "../admin-courses/formErrors.js";
import { type FolderNode, nestFolders, subtreeIds } from "./folderTree.js";

const ROOT = "__root__";

type Option = { value: string; title: string; disabled?: boolean; children?: Option[] };

export interface FolderMoveModalProps {
  folder: AdminFolder;
  folders: AdminFolder[];
  onClose: () => void;
}

/** Moves a folder (with its sub-folders and courses) under another folder or to the root. */
export function FolderMoveModal({ folder, folders, onClose }: FolderMoveModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ parentId: string }>();
  const update = useUpdateFolder();
  // The server refuses a move into the folder's own subtree; the choice isn't even offered here.
  const blocked = subtreeIds(folders, folder.id);
  const toOption = (node: FolderNode): Option => ({
    value: node.id,
    title: node.name,
    disabled: blocked.has(node.id),
    ...(node.children ? { children: node.children.map(toOption) } : {}),
  });
  const treeData: Option[] = [
    { value: ROOT, title: t("catalogueAdmin.folders.root") },
    ...nestFolders(folders).map(toOption),
  ];

  async function handleSubmit(values: { parentId: string }) {
    try {
      await update.mutateAsync({ folderId: folder.id, parentId: values.parentId === ROOT ? null : values.parentId });
      void message.success(t("catalogueAdmin.folders.moved", { name: folder.name }));
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error, t, ["parentId"])) void message.error(errorMessage(error, t));
    }
  }

  return (
    <Modal
      open
      title={t("catalogueAdmin.folders.moveTitle", { name: folder.name })}
      okText={t("catalogueAdmin.folders.move")}
      cancelText={t("catalogueAdmin.cancel")}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        name="folderMove"
        form={form}
        layout="vertical"
        initialValues={{ parentId: folder.parentId ?? ROOT }}
        onFinish={handleSubmit}
      >
        <Form.Item name="parentId" label={t("catalogueAdmin.folders.newParent")} rules={[{ required: true }]}>
          <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
