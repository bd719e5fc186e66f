import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Popconfirm, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminCategory } from "../../../../common/api/catalogue-admin.js";
import { useAdminCategories, useDeleteCategory } from "../../api/catalogueAdmin.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { errorMessage } from "../admin-courses/formErrors.js";
import { CategoryModal } from "./CategoryModal.js";
import "../admin-courses/catalogueAdmin.css";
import { useFeedback } from "../../app/feedback.js";

/** `Administration > Catégories`: the categories courses are filed under in the catalogue. */
export function AdminCategoriesPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const categories = useAdminCategories();
  const remove = useDeleteCategory();
  const [editing, setEditing] = useState<{ category: AdminCategory | null } | null>(null);

  function handleDelete(category: AdminCategory) {
    return remove
      .mutateAsync(category.id)
      .then(() => void message.success(t("catalogueAdmin.categories.deleted", { name: category.name })))
      .catch((error: unknown) => void message.error(errorMessage(error, t)));
  }

  const columns: TableColumnsType<AdminCategory> = [
    { key: "name", title: t("catalogueAdmin.categories.name"), dataIndex: "name" },
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
      width: 104,
      align: "right",
      render: (_value, category) => (
        <span style={{ display: "inline-flex", gap: 4 }}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t("catalogueAdmin.editNamed", { name: category.name })}
            title={t("catalogueAdmin.editNamed", { name: category.name })}
            onClick={() => setEditing({ category })}
          />
          <Popconfirm
            title={t("catalogueAdmin.categories.deleteTitle", { name: category.name })}
            description={t("catalogueAdmin.categories.deleteText", { count: category.courseCount })}
            okText={t("catalogueAdmin.delete")}
            okButtonProps={{ danger: true }}
            cancelText={t("catalogueAdmin.cancel")}
            onConfirm={() => handleDelete(category)}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t("catalogueAdmin.deleteNamed", { name: category.name })}
              title={t("catalogueAdmin.deleteNamed", { name: category.name })}
            />
          </Popconfirm>
        </span>
      ),
    },
  ];

  const title = t("catalogueAdmin.categories.title");
  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={[t("nav.administration"), title]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ category: null })}>
            {t("catalogueAdmin.categories.create")}
          </Button>
        }
      />
      <p className="admin-intro">{t("catalogueAdmin.categories.intro")}</p>
      <TableCard title={t("catalogueAdmin.categories.tableTitle")}>
        {categories.isError && !categories.data ? (
          <QueryErrorResult
            title={t("catalogueAdmin.loadError")}
            retrying={categories.isFetching}
            onRetry={() => void categories.refetch()}
          />
        ) : (
          <Table<AdminCategory>
            rowKey="id"
            columns={columns}
            dataSource={categories.data?.items ?? []}
            pagination={false}
            loading={{ spinning: categories.isFetching, delay: 200 }}
            locale={{
              emptyText: categories.isPending ? (
                <div style={{ height: 96 }} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("catalogueAdmin.categories.empty")} />
              ),
            }}
          />
        )}
      </TableCard>
      {editing ? <CategoryModal category={editing.category} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
