import { PlusOutlined } from "@ant-design/icons";
import { Button, Popconfirm, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiToken } from "../../../../common/api/tokens.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { useApiTokens, useRevokeApiToken } from "../../api/people.js";
import { useFeedback } from "../../app/feedback.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryTable } from "../../components/QueryTable.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { ToneTag } from "../admin-users/ToneTag.js";
import { CreateTokenModal } from "./CreateTokenModal.js";

/** `Administration > Jetons d'API`: personal tokens other systems call the API with; created, listed, revoked (S3). */
export function AdminTokensPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const me = useCurrentUser();
  const [view, setView] = useState({ page: 1, pageSize: 25 });
  const [creating, setCreating] = useState(false);
  const tokens = useApiTokens(view);
  const revoke = useRevokeApiToken();

  function handleRevoke(token: ApiToken) {
    revoke.mutate(token.id, {
      onSuccess: () => void message.success(t("people.tokens.revoked", { name: token.name })),
      onError: () => void message.error(t("people.errors.save")),
    });
  }

  const columns: TableColumnsType<ApiToken> = [
    { key: "name", title: t("people.tokens.table.name"), render: (_v, k) => <strong>{k.name}</strong> },
    {
      key: "user",
      title: t("people.tokens.table.user"),
      render: (_v, k) => (
        <>
          <div>
            {k.user.lastName.toUpperCase()} {k.user.firstName}
          </div>
          <div style={{ color: "rgba(0,0,0,0.65)", overflowWrap: "anywhere" }}>{k.user.email}</div>
        </>
      ),
    },
    {
      key: "scopes",
      title: t("people.tokens.table.scopes"),
      render: (_v, k) =>
        k.scopes.map((s) => (
          <ToneTag key={s} tone={s === "write" ? "warning" : "info"}>
            {t(`people.tokens.scopes.${s}`)}
          </ToneTag>
        )),
    },
    {
      key: "createdAt",
      title: t("people.tokens.table.createdAt"),
      width: 140,
      render: (_v, k) => formatDateTime(k.createdAt, me.timeZone),
    },
    {
      key: "lastUsedAt",
      title: t("people.tokens.table.lastUsedAt"),
      width: 170,
      render: (_v, k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt, me.timeZone) : t("people.tokens.neverUsed")),
    },
    {
      key: "state",
      title: t("people.tokens.table.state"),
      width: 150,
      render: (_v, k) =>
        k.revokedAt ? (
          <Tag>{t("people.tokens.revokedAt", { date: formatDateTime(k.revokedAt, me.timeZone) })}</Tag>
        ) : (
          <ToneTag tone="success">{t("people.tokens.active")}</ToneTag>
        ),
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("people.table.actions")}</VisuallyHidden>,
      width: 110,
      align: "right",
      render: (_v, k) =>
        k.revokedAt ? null : (
          <Popconfirm
            title={t("people.tokens.revokeConfirm", { name: k.name })}
            description={t("people.tokens.revokeHelp")}
            okText={t("people.tokens.revoke")}
            cancelText={t("actions.cancel")}
            okButtonProps={{ danger: true }}
            onConfirm={() => handleRevoke(k)}
          >
            <Button size="small" danger aria-label={t("people.tokens.revokeLabel", { name: k.name })}>
              {t("people.tokens.revoke")}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  const title = t("people.tokens.title");
  return (
    <AccessibleForm>
      <PageHeader
        title={title}
        breadcrumb={[t("nav.administration"), title]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("people.tokens.create")}
          </Button>
        }
      />
      <p style={{ maxWidth: 820 }}>{t("people.tokens.intro")}</p>
      <TableCard title={t("people.tokens.tableTitle")}>
        <QueryTable<ApiToken>
          query={tokens}
          items={tokens.data?.items ?? []}
          errorTitle={t("people.errors.load")}
          empty={t("people.tokens.empty")}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={tokens.data?.items.length ? { x: 900 } : undefined}
          pager={{
            page: view.page,
            pageSize: view.pageSize,
            total: tokens.data?.total ?? 0,
            onChange: (page, pageSize) => setView({ page, pageSize }),
          }}
        />
      </TableCard>
      {creating ? <CreateTokenModal onClose={() => setCreating(false)} /> : null}
    </AccessibleForm>
  );
}
