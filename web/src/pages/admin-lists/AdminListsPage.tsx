import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, Popconfirm, Space, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminList } from "../../../../common/api/people.js";
import { useAdminLists, useDeleteList } from "../../api/people.js";
import { useFeedback } from "../../app/feedback.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryTable } from "../../components/QueryTable.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { ListMembersCard } from "./ListMembersCard.js";
import { ListNameModal } from "./ListNameModal.js";

/** `Administration > Listes d'apprenants`: the lists (course audiences, tutor restrictions) and their members (S3). */
export function AdminListsPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [view, setView] = useState({ page: 1, pageSize: 10, q: "" });
  const [editing, setEditing] = useState<AdminList | "new" | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const lists = useAdminLists({ page: view.page, pageSize: view.pageSize, q: view.q || undefined });
  const remove = useDeleteList();
  const selected = lists.data?.items.find((l) => l.id === selectedId) ?? null;

  function handleDelete(list: AdminList) {
    remove.mutate(list.id, {
      onSuccess: () => {
        void message.success(t("people.lists.deleted", { name: list.name }));
        if (selectedId === list.id) setSelectedId(null);
      },
      onError: () => void message.error(t("people.errors.save")),
    });
  }

  const columns: TableColumnsType<AdminList> = [
    {
      key: "name",
      title: t("people.lists.table.name"),
      render: (_v, l) => (
        <Button
          type="link"
          style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "left" }}
          aria-pressed={l.id === selectedId}
          onClick={() => setSelectedId(l.id)}
        >
          {l.name}
        </Button>
      ),
    },
    { key: "members", title: t("people.lists.table.members"), width: 120, align: "right", dataIndex: "members" },
    {
      key: "actions",
      title: <VisuallyHidden>{t("people.table.actions")}</VisuallyHidden>,
      width: 240,
      align: "right",
      render: (_v, l) => (
        <Space size={4} wrap>
          <Button
            size="small"
            onClick={() => setEditing(l)}
            aria-label={t("people.lists.renameLabel", { name: l.name })}
          >
            {t("people.lists.rename")}
          </Button>
          <Popconfirm
            title={t("people.lists.deleteConfirm", { name: l.name })}
            description={t("people.lists.deleteHelp")}
            okText={t("people.lists.delete")}
            cancelText={t("actions.cancel")}
            okButtonProps={{ danger: true }}
            onConfirm={() => handleDelete(l)}
          >
            <Button size="small" danger aria-label={t("people.lists.deleteLabel", { name: l.name })}>
              {t("people.lists.delete")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const title = t("people.lists.title");
  return (
    <AccessibleForm>
      <PageHeader
        title={title}
        breadcrumb={[t("nav.administration"), title]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("people.lists.create")}
          </Button>
        }
      />
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        <TableCard
          title={t("people.lists.tableTitle")}
          tools={
            <Input.Search
              allowClear
              maxLength={200}
              placeholder={t("people.lists.searchPlaceholder")}
              aria-label={t("people.lists.searchLabel")}
              onSearch={(value) => setView((v) => ({ ...v, page: 1, q: value.trim() }))}
              style={{ width: 260 }}
            />
          }
        >
          <QueryTable<AdminList>
            query={lists}
            items={lists.data?.items ?? []}
            errorTitle={t("people.errors.load")}
            empty={t("people.lists.empty")}
            rowKey="id"
            size="middle"
            columns={columns}
            rowClassName={(l) => (l.id === selectedId ? "ant-table-row-selected" : "")}
            pager={{
              page: view.page,
              pageSize: view.pageSize,
              total: lists.data?.total ?? 0,
              onChange: (page, pageSize) => setView((v) => ({ ...v, page, pageSize })),
            }}
          />
        </TableCard>
        {selected ? <ListMembersCard key={selected.id} list={selected} /> : <p>{t("people.lists.pick")}</p>}
      </Space>
      {editing ? (
        <ListNameModal
          list={editing === "new" ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setSelectedId(saved.id);
          }}
        />
      ) : null}
    </AccessibleForm>
  );
}
