import { Button, Input, Popconfirm, Space, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminList, ListMember } from "../../../../common/api/people.js";
import { useAddMembers, useListMembers, useRemoveMember } from "../../api/people.js";
import { useFeedback } from "../../app/feedback.js";
import { QueryTable } from "../../components/QueryTable.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { UserPicker } from "../admin-users/UserPicker.js";

export interface ListMembersCardProps {
  list: AdminList;
}

/** The members of a learner list: add people found by name or email, remove one. */
export function ListMembersCard({ list }: ListMembersCardProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
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
      <QueryTable<ListMember>
        query={members}
        items={members.data?.items ?? []}
        errorTitle={t("people.errors.load")}
        empty={t("people.lists.noMembers")}
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={members.data?.items.length ? { x: 640 } : undefined}
        pager={{
          page: view.page,
          pageSize: view.pageSize,
          total: members.data?.total ?? 0,
          onChange: (page, pageSize) => setView((v) => ({ ...v, page, pageSize })),
        }}
      />
    </TableCard>
  );
}
