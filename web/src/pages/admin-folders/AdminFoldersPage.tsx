import {
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  FolderAddOutlined,
  FolderOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import { Button, Empty, Popconfirm, Table, type TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminFolder } from "../../../../common/api/catalogue-admin.js";
import { useAdminFolders, useDeleteFolder } from "../../api/catalogueAdmin.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { errorMessage } from "../admin-courses/formErrors.js";
import { FolderMoveModal } from "./FolderMoveModal.js";
import { FolderNameModal } from "./FolderNameModal.js";
import { type FolderNode, nestFolders } from "./folderTree.js";
import "../admin-courses/catalogueAdmin.css";
import { useFeedback } from "../../app/feedback.js";

type Dialog =
  | { kind: "create"; parent: AdminFolder | null }
  | { kind: "rename"; folder: AdminFolder }
  | { kind: "move"; folder: AdminFolder };

/** `Administration > Répertoires`: the folder tree courses are filed in; a folder is deleted only when empty. */
export function AdminFoldersPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const folders = useAdminFolders();
  const remove = useDeleteFolder();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // Every folder starts open (a new sub-folder shows at once); the admin may close some.
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const items = folders.data?.items ?? [];
  const tree = useMemo(() => nestFolders(items), [items]);

  function handleDelete(folder: AdminFolder) {
    return remove
      .mutateAsync(folder.id)
      .then(() => void message.success(t("catalogueAdmin.folders.deleted", { name: folder.name })))
      .catch((error: unknown) => void message.error(errorMessage(error, t), 8));
  }

  const columns: TableColumnsType<FolderNode> = [
    {
      key: "name",
      title: t("catalogueAdmin.folders.name"),
      render: (_value, folder) => (
        <span style={{ display: "inline-flex", alignItems: "center", gap: 8 }}>
          <FolderOutlined aria-hidden="true" style={{ color: "#b45309" }} />
          {folder.name}
        </span>
      ),
    },
    {
      key: "courses",
      title: t("catalogueAdmin.courseCount"),
      dataIndex: "courseCount",
      width: 140,
      align: "right",
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("catalogueAdmin.actions")}</VisuallyHidden>,
      width: 176,
      align: "right",
      render: (_value, folder) => {
        const empty = folder.courseCount === 0 && folder.childCount === 0;
        return (
          <span style={{ display: "inline-flex", gap: 4 }}>
            <Button
              type="text"
              icon={<FolderAddOutlined />}
              aria-label={t("catalogueAdmin.folders.createIn", { name: folder.name })}
              title={t("catalogueAdmin.folders.createIn", { name: folder.name })}
              onClick={() => setDialog({ kind: "create", parent: folder })}
            />
            <Button
              type="text"
              icon={<EditOutlined />}
              aria-label={t("catalogueAdmin.folders.renameTitle", { name: folder.name })}
              title={t("catalogueAdmin.folders.renameTitle", { name: folder.name })}
              onClick={() => setDialog({ kind: "rename", folder })}
            />
            <Button
              type="text"
              icon={<DragOutlined />}
              aria-label={t("catalogueAdmin.folders.moveTitle", { name: folder.name })}
              title={t("catalogueAdmin.folders.moveTitle", { name: folder.name })}
              onClick={() => setDialog({ kind: "move", folder })}
            />
            <Popconfirm
              title={t("catalogueAdmin.folders.deleteTitle", { name: folder.name })}
              description={empty ? t("catalogueAdmin.folders.deleteText") : t("catalogueAdmin.errors.folderNotEmpty")}
              okText={t("catalogueAdmin.delete")}
              okButtonProps={{ danger: true, disabled: !empty }}
              cancelText={t("catalogueAdmin.cancel")}
              onConfirm={() => handleDelete(folder)}
            >
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("catalogueAdmin.deleteNamed", { name: folder.name })}
                title={t("catalogueAdmin.deleteNamed", { name: folder.name })}
              />
            </Popconfirm>
          </span>
        );
      },
    },
  ];

  const title = t("catalogueAdmin.folders.title");
  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={[t("nav.administration"), title]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: "create", parent: null })}>
            {t("catalogueAdmin.folders.createRoot")}
          </Button>
        }
      />
      <p className="admin-intro">{t("catalogueAdmin.folders.intro")}</p>
      <TableCard title={t("catalogueAdmin.folders.tableTitle")}>
        {folders.isError && !folders.data ? (
          <QueryErrorResult
            title={t("catalogueAdmin.loadError")}
            retrying={folders.isFetching}
            onRetry={() => void folders.refetch()}
          />
        ) : folders.isPending ? (
          <div style={{ height: 96 }} />
        ) : (
          <Table<FolderNode>
            rowKey="id"
            columns={columns}
            dataSource={tree}
            pagination={false}
            expandable={{
              indentSize: 24,
              expandedRowKeys: items.filter((f) => f.childCount > 0 && !collapsed.has(f.id)).map((f) => f.id),
              onExpand: (expanded, folder) =>
                setCollapsed((previous) => {
                  const next = new Set(previous);
                  if (expanded) next.delete(folder.id);
                  else next.add(folder.id);
                  return next;
                }),
            }}
            loading={{ spinning: folders.isFetching, delay: 200 }}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("catalogueAdmin.folders.empty")} />,
            }}
          />
        )}
      </TableCard>
      {dialog?.kind === "create" ? (
        <FolderNameModal folder={null} parent={dialog.parent} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "rename" ? (
        <FolderNameModal folder={dialog.folder} parent={null} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "move" ? (
        <FolderMoveModal folder={dialog.folder} folders={items} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
