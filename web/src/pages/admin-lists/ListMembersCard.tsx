import { App, Button, Empty, Input, Popconfirm, Space, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminList, ListMember } from "../../../../common/api/people.js";
import { useAddMembers, useListMembers, useRemoveMember } from "../../api/people.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { TablePager } from "../../components/TablePager.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { UserPicker } from "../admin-users/UserPicker.js";

export interface ListMembersCardProps {
  list: AdminList;
}

/** The members of a learner list: add people found by name or email, remove one. */
export function ListMembersCard({ list }: ListMembersCardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [view, setView] = useState({ page: 1, pageSize: 25, q: "" });
  const [adding, setAdding] = useState<string[]>([]);
  const members = useListMembers(list.id, { page: view.page, pageSize: view.pageSize, q: view.q || undefined });
  const add = useAddMembers();
  const remove = useRemoveMember();

  function handleAdd() {
    add.mutate(
      { listId: list.id, input: { userIds: adding } },
      {
        onSuccess: ({ added }) => {
          void message.success(t("people.lists.added", { count: added, name: list.name }));
          setAdding([]);
        },
        onError: () => void message.error(t("people.errors.save")),
      },
    );
  }

  const columns: TableColumnsType<ListMember> = [
    {
      key: "name",
      title: t("people.users.table.name"),
      render: (_v, m) => (
        <span>
          <strong>{m.lastName.toUpperCase()}</strong> {m.firstName}
        </span>
      ),
    },
    { key: "email", title: t("people.users.table.email"), render: (_v, m) => m.email },
    { key: "organisation", title: t("people.users.table.organisation"), render: (_v, m) => m.organisation ?? "—" },
    {
      key: "actions",
      title: <VisuallyHidden>{t("people.table.actions")}</VisuallyHidden>,
      width: 120,
      align: "right",
      render: (_v, m) => {
        const name = `${m.firstName} ${m.lastName}`;
        return (
          <Popconfirm
            title={t("people.lists.removeConfirm", { name, list: list.name })}
            okText={t("people.remove")}
            cancelText={t("actions.cancel")}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutate(
                { listId: list.id, userId: m.id },
                {
                  onSuccess: () => void message.success(t("people.lists.memberRemoved", { name, list: list.name })),
                  onError: () => void message.error(t("people.errors.save")),
                },
              )
            }
          >
            <Button size="small" danger aria-label={t("people.lists.removeLabel", { name })}>
              {t("people.remove")}
            </Button>
          </Popconfirm>
        );
      },
    },
  ];

  return (
    <TableCard
      title={t("people.lists.membersTitle", { name: list.name })}
      tools={
        <Input.Search
          allowClear
          maxLength={320}
          placeholder={t("people.users.searchPlaceholder")}
          aria-label={t("people.lists.searchMembers")}
          onSearch={(value) => setView((v) => ({ ...v, page: 1, q: value.trim() }))}
          style={{ width: 240 }}
        />
      }
    >
      <Space.Compact style={{ display: "flex", padding: "12px 16px", borderBottom: "1px solid #f0f0f0" }}>
        <div style={{ flex: 1 }}>
          <UserPicker
            multiple
            aria-label={t("people.lists.addLabel")}
            value={adding}
            onChange={(value) => setAdding(value as string[])}
          />
        </div>
        <Button type="primary" disabled={adding.length === 0} loading={add.isPending} onClick={handleAdd}>
          {t("people.lists.add")}
        </Button>
      </Space.Compact>
      {members.isError && !members.data ? (
        <QueryErrorResult
          title={t("people.errors.load")}
          retrying={members.isFetching}
          onRetry={() => void members.refetch()}
        />
      ) : (
        <>
          <Table<ListMember>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={members.data?.items ?? []}
            pagination={false}
            loading={{ spinning: members.isFetching, delay: 200 }}
            scroll={members.data?.items.length ? { x: 640 } : undefined}
            locale={{
              emptyText: members.isPending ? (
                <div style={{ height: 96 }} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("people.lists.noMembers")} />
              ),
            }}
          />
          <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }}>
            <TablePager
              page={view.page}
              pageSize={view.pageSize}
              total={members.data?.total ?? 0}
              onChange={(page, pageSize) => setView((v) => ({ ...v, page, pageSize }))}
            />
          </div>
        </>
      )}
    </TableCard>
  );
}
