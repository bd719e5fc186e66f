import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, Popconfirm, Select, Space, type TableColumnsType } from "antd";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminUser } from "../../../../common/api/people.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { useAdminUsers, useUpdateUser } from "../../api/people.js";
import { useFeedback } from "../../app/feedback.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryTable } from "../../components/QueryTable.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { RoleTags } from "./RoleTags.js";
import { ToneTag } from "./ToneTag.js";
import { UserFormModal } from "./UserFormModal.js";

type Role = "admin" | "tutor" | "learner";
const allRoles = "all";

/** `Administration > Utilisateurs`: every account, searchable, created, edited and deactivated here (S3). */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const me = useCurrentUser();
  const roleLabelId = useId();
  const [view, setView] = useState({ page: 1, pageSize: 25, q: "", role: null as Role | null });
  const [editing, setEditing] = useState<AdminUser | "new" | null>(null);
  const users = useAdminUsers({
    page: view.page,
    pageSize: view.pageSize,
    q: view.q || undefined,
    role: view.role ?? undefined,
  });
  const update = useUpdateUser();

  function handleActive(user: AdminUser, active: boolean) {
    update.mutate(
      { userId: user.id, input: { active } },
      {
        onSuccess: () =>
          void message.success(
            t(active ? "people.users.reactivated" : "people.users.deactivated", {
              name: `${user.firstName} ${user.lastName}`,
            }),
          ),
        onError: () => void message.error(t("people.errors.save")),
      },
    );
  }

  const columns: TableColumnsType<AdminUser> = [
    {
      key: "name",
      title: t("people.users.table.name"),
      render: (_v, u) => (
        <span>
          <strong>{u.lastName.toUpperCase()}</strong> {u.firstName}
        </span>
      ),
    },
    {
      key: "email",
      title: t("people.users.table.email"),
      render: (_v, u) => <span style={{ overflowWrap: "anywhere" }}>{u.email}</span>,
    },
    { key: "organisation", title: t("people.users.table.organisation"), render: (_v, u) => u.organisation ?? "—" },
    { key: "roles", title: t("people.users.table.roles"), render: (_v, u) => <RoleTags roles={u.roles} /> },
    {
      key: "active",
      title: t("people.users.table.status"),
      width: 120,
      render: (_v, u) =>
        u.active ? (
          <ToneTag tone="success">{t("people.users.active")}</ToneTag>
        ) : (
          <ToneTag tone="neutral">{t("people.users.inactive")}</ToneTag>
        ),
    },
    {
      key: "lastSignInAt",
      title: t("people.users.table.lastSignIn"),
      width: 150,
      render: (_v, u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt, me.timeZone) : t("people.users.never")),
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("people.table.actions")}</VisuallyHidden>,
      width: 210,
      align: "right",
      render: (_v, u) => {
        const name = `${u.firstName} ${u.lastName}`;
        return (
          <Space size={4} wrap>
            <Button size="small" onClick={() => setEditing(u)} aria-label={t("people.users.editLabel", { name })}>
              {t("people.edit")}
            </Button>
            {u.id === me.id ? null : u.active ? (
              <Popconfirm
                title={t("people.users.deactivateConfirm", { name })}
                description={t("people.users.deactivateHelp")}
                okText={t("people.users.deactivate")}
                cancelText={t("actions.cancel")}
                okButtonProps={{ danger: true }}
                onConfirm={() => handleActive(u, false)}
              >
                <Button size="small" danger aria-label={t("people.users.deactivateLabel", { name })}>
                  {t("people.users.deactivate")}
                </Button>
              </Popconfirm>
            ) : (
              <Button
                size="small"
                onClick={() => handleActive(u, true)}
                aria-label={t("people.users.reactivateLabel", { name })}
              >
                {t("people.users.reactivate")}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const title = t("people.users.title");
  return (
    <AccessibleForm>
      <PageHeader
        title={title}
        breadcrumb={[t("nav.administration"), title]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("people.users.create")}
          </Button>
        }
      />
      <TableCard
        title={t("people.users.tableTitle")}
        tools={
          <span style={{ display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
            <span id={roleLabelId}>{t("people.users.roleFilter")}</span>
            <Select<Role | typeof allRoles>
              aria-labelledby={roleLabelId}
              value={view.role ?? allRoles}
              onChange={(value) => setView((v) => ({ ...v, page: 1, role: value === allRoles ? null : value }))}
              style={{ width: 160 }}
              options={[
                { value: allRoles, label: t("people.users.allRoles") },
                ...(["learner", "tutor", "admin"] as const).map((r) => ({ value: r, label: t(`people.roles.${r}`) })),
              ]}
            />
            <Input.Search
              allowClear
              maxLength={320}
              placeholder={t("people.users.searchPlaceholder")}
              aria-label={t("people.users.searchLabel")}
              onSearch={(value) => setView((v) => ({ ...v, page: 1, q: value.trim() }))}
              style={{ width: 280 }}
            />
          </span>
        }
      >
        <QueryTable<AdminUser>
          query={users}
          items={users.data?.items ?? []}
          errorTitle={t("people.errors.load")}
          empty={t("people.users.empty")}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={users.data?.items.length ? { x: 940 } : undefined}
          pager={{
            page: view.page,
            pageSize: view.pageSize,
            total: users.data?.total ?? 0,
            onChange: (page, pageSize) => setView((v) => ({ ...v, page, pageSize })),
          }}
        />
      </TableCard>
      {editing ? <UserFormModal user={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
    </AccessibleForm>
  );
}
