import { DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Popconfirm, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MailTemplate } from "../../../../common/api/reminders.js";
import { formatDateTime } from "../../../../common/format.js";
import { useDeleteTemplate, useMailTemplates } from "../../api/actions.js";
import { useCurrentUser } from "../../api/auth.js";
import { ApiError } from "../../api/client.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { TemplateEditorModal, type TemplateFormValues } from "./TemplateEditorModal.js";
import "../actions/actions.css";
import { useFeedback } from "../../app/feedback.js";

const emptyDraft: TemplateFormValues = { name: "", subject: "", body: "", shared: false };

type Editing = { template: MailTemplate | null; draft: TemplateFormValues; key: number };

/** `Tutorat > Modèles de mail` (A1): the templates of reminders; shared ones are the admins', read-only for tutors. */
export function MailTemplatesPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const user = useCurrentUser();
  const templates = useMailTemplates();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<Editing | null>(null);
  const items = templates.data?.items ?? [];

  function openEditor(template: MailTemplate | null, draft: TemplateFormValues = emptyDraft) {
    setEditing({ template, draft, key: Date.now() });
  }

  function handleDuplicate(template: MailTemplate) {
    openEditor(null, {
      name: t("templates.copyName", { name: template.name }),
      subject: template.subject,
      body: template.body,
      shared: false,
    });
  }

  function handleDelete(template: MailTemplate) {
    return remove
      .mutateAsync(template.id)
      .then(() => void message.success(t("templates.deleted", { name: template.name })))
      .catch((error: unknown) =>
        message.error(
          error instanceof ApiError && error.code === "template_in_use"
            ? t("templates.errors.inUse")
            : t("templates.errors.delete"),
          8,
        ),
      );
  }

  const columns: TableColumnsType<MailTemplate> = [
    {
      key: "name",
      title: t("templates.name"),
      render: (_value, template) => (
        <span style={{ display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
          <Button type="link" style={{ padding: 0, height: "auto" }} onClick={() => openEditor(template)}>
            {template.name}
          </Button>
          <Tag style={{ marginInlineEnd: 0 }} color={template.shared ? "blue" : undefined}>
            {template.shared ? t("templates.shared") : t("templates.personal")}
          </Tag>
        </span>
      ),
    },
    {
      key: "subject",
      title: t("templates.subject"),
      render: (_value, template) => <span className="template-subject">{template.subject}</span>,
    },
    {
      key: "updatedAt",
      title: t("templates.updatedAt"),
      width: 160,
      render: (_value, template) => (
        <span className="action-num">{formatDateTime(template.updatedAt, user.timeZone)}</span>
      ),
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("templates.actionsColumn")}</VisuallyHidden>,
      width: 104,
      align: "right",
      render: (_value, template) =>
        template.editable ? (
          <span style={{ display: "inline-flex", gap: 4 }}>
            <Button
              type="text"
              icon={<EditOutlined />}
              aria-label={t("templates.edit", { name: template.name })}
              title={t("templates.edit", { name: template.name })}
              onClick={() => openEditor(template)}
            />
            <Popconfirm
              title={t("templates.deleteTitle", { name: template.name })}
              description={t("templates.deleteText")}
              okText={t("templates.delete")}
              okButtonProps={{ danger: true }}
              cancelText={t("actions.cancel")}
              onConfirm={() => handleDelete(template)}
            >
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("templates.deleteLabel", { name: template.name })}
                title={t("templates.deleteLabel", { name: template.name })}
              />
            </Popconfirm>
          </span>
        ) : (
          <Button
            type="text"
            icon={<EyeOutlined />}
            aria-label={t("templates.view", { name: template.name })}
            title={t("templates.view", { name: template.name })}
            onClick={() => openEditor(template)}
          />
        ),
    },
  ];

  const title = t("templates.title");
  return (
    <AccessibleForm>
      <PageHeader
        title={title}
        breadcrumb={[t("nav.tutoring"), title]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor(null)}>
            {t("templates.create")}
          </Button>
        }
      />
      <p className="page-intro">{t("templates.intro")}</p>
      <TableCard title={t("templates.tableTitle")}>
        {templates.isError && !templates.data ? (
          <QueryErrorResult
            title={t("templates.loadError")}
            retrying={templates.isFetching}
            onRetry={() => void templates.refetch()}
          />
        ) : (
          <Table<MailTemplate>
            rowKey="id"
            columns={columns}
            dataSource={items}
            pagination={false}
            loading={{ spinning: templates.isFetching, delay: 200 }}
            scroll={{ x: 720 }}
            locale={{
              emptyText: templates.isPending ? (
                <div style={{ height: 96 }} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("templates.empty")} />
              ),
            }}
          />
        )}
      </TableCard>
      {editing ? (
        <TemplateEditorModal
          key={editing.key}
          template={editing.template}
          draft={editing.draft}
          variables={templates.data?.variables ?? []}
          onClose={() => setEditing(null)}
          onDuplicate={handleDuplicate}
        />
      ) : null}
    </AccessibleForm>
  );
}
