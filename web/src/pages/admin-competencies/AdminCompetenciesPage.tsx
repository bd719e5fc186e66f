import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Popconfirm, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminCompetency, AdminFramework } from "../../../../common/api/catalogue-admin.js";
import { useAdminFrameworks, useDeleteCompetency, useDeleteFramework } from "../../api/catalogueAdmin.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { errorMessage } from "../admin-courses/formErrors.js";
import { CompetencyModal } from "./CompetencyModal.js";
import { FrameworkModal } from "./FrameworkModal.js";
import "../admin-courses/catalogueAdmin.css";
import { useFeedback } from "../../app/feedback.js";

type Dialog =
  | { kind: "framework"; framework: AdminFramework | null }
  | { kind: "competency"; framework: AdminFramework; competency: AdminCompetency | null };

/** `Administration > Compétences`: competency frameworks and their competencies (code, label), linked to courses. */
export function AdminCompetenciesPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const frameworks = useAdminFrameworks();
  const removeFramework = useDeleteFramework();
  const removeCompetency = useDeleteCompetency();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  function handleDeleteFramework(framework: AdminFramework) {
    return removeFramework
      .mutateAsync(framework.id)
      .then(() => void message.success(t("catalogueAdmin.competencies.deleted", { name: framework.name })))
      .catch((error: unknown) => void message.error(errorMessage(error, t)));
  }

  function handleDeleteCompetency(competency: AdminCompetency) {
    return removeCompetency
      .mutateAsync(competency.id)
      .then(() => void message.success(t("catalogueAdmin.competencies.deleted", { name: competency.label })))
      .catch((error: unknown) => void message.error(errorMessage(error, t)));
  }

  const columnsFor = (framework: AdminFramework): TableColumnsType<AdminCompetency> => [
    { key: "code", title: t("catalogueAdmin.competencies.code"), dataIndex: "code", width: 120 },
    {
      key: "label",
      title: t("catalogueAdmin.competencies.label"),
      render: (_value, competency) => (
        <>
          <div>{competency.label}</div>
          {competency.description ? <div className="admin-muted">{competency.description}</div> : null}
        </>
      ),
    },
    { key: "courses", title: t("catalogueAdmin.courseCount"), dataIndex: "courseCount", width: 140, align: "right" },
    {
      key: "actions",
      title: <VisuallyHidden>{t("catalogueAdmin.actions")}</VisuallyHidden>,
      width: 104,
      align: "right",
      render: (_value, competency) => (
        <span style={{ display: "inline-flex", gap: 4 }}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t("catalogueAdmin.editNamed", { name: `${competency.code} ${competency.label}` })}
            title={t("catalogueAdmin.editNamed", { name: `${competency.code} ${competency.label}` })}
            onClick={() => setDialog({ kind: "competency", framework, competency })}
          />
          <Popconfirm
            title={t("catalogueAdmin.competencies.deleteCompetency", { name: competency.label })}
            description={t("catalogueAdmin.competencies.deleteCompetencyText", { count: competency.courseCount })}
            okText={t("catalogueAdmin.delete")}
            okButtonProps={{ danger: true }}
            cancelText={t("catalogueAdmin.cancel")}
            onConfirm={() => handleDeleteCompetency(competency)}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t("catalogueAdmin.deleteNamed", { name: `${competency.code} ${competency.label}` })}
              title={t("catalogueAdmin.deleteNamed", { name: `${competency.code} ${competency.label}` })}
            />
          </Popconfirm>
        </span>
      ),
    },
  ];

  const title = t("catalogueAdmin.competencies.title");
  const items = frameworks.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={[t("nav.administration"), title]}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: "framework", framework: null })}
          >
            {t("catalogueAdmin.competencies.createFramework")}
          </Button>
        }
      />
      <p className="admin-intro">{t("catalogueAdmin.competencies.intro")}</p>
      {frameworks.isError && !frameworks.data ? (
        <QueryErrorResult
          title={t("catalogueAdmin.loadError")}
          retrying={frameworks.isFetching}
          onRetry={() => void frameworks.refetch()}
        />
      ) : !frameworks.isPending && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("catalogueAdmin.competencies.empty")} />
      ) : (
        <div className="admin-cards">
          {items.map((framework) => (
            <TableCard
              key={framework.id}
              title={framework.name}
              tools={
                <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 8 }}>
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => setDialog({ kind: "competency", framework, competency: null })}
                  >
                    {t("catalogueAdmin.competencies.addCompetency")}
                  </Button>
                  <Button
                    icon={<EditOutlined />}
                    aria-label={t("catalogueAdmin.editNamed", { name: framework.name })}
                    title={t("catalogueAdmin.editNamed", { name: framework.name })}
                    onClick={() => setDialog({ kind: "framework", framework })}
                  />
                  <Popconfirm
                    title={t("catalogueAdmin.competencies.deleteFramework", { name: framework.name })}
                    description={t("catalogueAdmin.competencies.deleteFrameworkText", {
                      count: framework.competencies.length,
                    })}
                    okText={t("catalogueAdmin.delete")}
                    okButtonProps={{ danger: true }}
                    cancelText={t("catalogueAdmin.cancel")}
                    onConfirm={() => handleDeleteFramework(framework)}
                  >
                    <Button
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("catalogueAdmin.deleteNamed", { name: framework.name })}
                      title={t("catalogueAdmin.deleteNamed", { name: framework.name })}
                    />
                  </Popconfirm>
                </span>
              }
            >
              {framework.description ? (
                <p className="admin-muted" style={{ margin: "12px 16px 0" }}>
                  {framework.description}
                </p>
              ) : null}
              <Table<AdminCompetency>
                rowKey="id"
                columns={columnsFor(framework)}
                dataSource={framework.competencies}
                pagination={false}
                locale={{
                  emptyText: (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("catalogueAdmin.competencies.none")} />
                  ),
                }}
              />
            </TableCard>
          ))}
        </div>
      )}
      {dialog?.kind === "framework" ? (
        <FrameworkModal framework={dialog.framework} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "competency" ? (
        <CompetencyModal framework={dialog.framework} competency={dialog.competency} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
