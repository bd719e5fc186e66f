import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Empty, Input, Popconfirm, Space, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminList } from "../../../../common/api/people.js";
import { useAdminLists, useDeleteList } from "../../api/people.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { TablePager } from "../../components/TablePager.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { ListMembersCard } from "./ListMembersCard.js";
import { ListNameModal } from "./ListNameModal.js";

/** `Administration > Listes d'apprenants`: the lists (course audiences, tutor restrictions) and their members (S3). */
export function AdminListsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
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
        breadcrumb={[t("audit.admin.administration"), title]}
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
          {lists.isError && !lists.data ? (
            <QueryErrorResult
              title={t("people.errors.load")}
              retrying={lists.isFetching}
              onRetry={() => void lists.refetch()}
            />
          ) : (
            <>
              <Table<AdminList>
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={lists.data?.items ?? []}
                pagination={false}
                loading={{ spinning: lists.isFetching, delay: 200 }}
                locale={{
                  emptyText: lists.isPending ? (
                    <div style={{ height: 96 }} />
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("people.lists.empty")} />
                  ),
                }}
                rowClassName={(l) => (l.id === selectedId ? "ant-table-row-selected" : "")}
              />
              <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }}>
                <TablePager
                  page={view.page}
                  pageSize={view.pageSize}
                  total={lists.data?.total ?? 0}
                  onChange={(page, pageSize) => setView((v) => ({ ...v, page, pageSize }))}
                />
              </div>
            </>
          )}
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
