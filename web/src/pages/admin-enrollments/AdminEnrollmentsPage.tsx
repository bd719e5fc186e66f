import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, Popconfirm, Space, type TableColumnsType, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminEnrollment } from "../../../../common/api/people.js";
import { formatDateTime } from "../../../../common/format.js";
import { useAdminEnrollments, useDeleteEnrollment } from "../../api/people.js";
import { useFeedback } from "../../app/feedback.js";
import { EnrollmentStatusTag } from "../../components/EnrollmentStatusTag.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryTable } from "../../components/QueryTable.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { CoursePicker } from "./CoursePicker.js";
import { EnrollmentFormModal } from "./EnrollmentFormModal.js";

/** `Administration > Inscriptions`: who is enrolled in which course, with type and dates; enrol, change, remove (S3). */
export function AdminEnrollmentsPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [view, setView] = useState({ page: 1, pageSize: 25, q: "", courseId: undefined as string | undefined });
  const [editing, setEditing] = useState<AdminEnrollment | "new" | null>(null);
  const enrollments = useAdminEnrollments({
    page: view.page,
    pageSize: view.pageSize,
    q: view.q || undefined,
    courseId: view.courseId,
  });
  const remove = useDeleteEnrollment();
  // Dates are calendar days stored at midnight UTC: shown as entered, whatever the viewer's time zone.
  const date = (iso: string | null) => (iso ? formatDateTime(iso, "UTC").slice(0, 10) : "—");

  function handleRemove(e: AdminEnrollment) {
    remove.mutate(e.id, {
      onSuccess: () =>
        void message.success(
          t("people.enrollments.removed", { name: `${e.user.firstName} ${e.user.lastName}`, course: e.course.name }),
        ),
      onError: () => void message.error(t("people.errors.save")),
    });
  }

  const columns: TableColumnsType<AdminEnrollment> = [
    {
      key: "learner",
      title: t("people.enrollments.table.learner"),
      render: (_v, e) => (
        <>
          <div>
            <strong>{e.user.lastName.toUpperCase()}</strong> {e.user.firstName}
          </div>
          <div style={{ color: "rgba(0,0,0,0.65)", overflowWrap: "anywhere" }}>{e.user.email}</div>
        </>
      ),
    },
    { key: "course", title: t("people.enrollments.table.course"), render: (_v, e) => e.course.name },
    {
      key: "type",
      title: t("people.enrollments.table.type"),
      width: 120,
      render: (_v, e) => t(`people.enrollmentTypes.${e.type}`),
    },
    { key: "startAt", title: t("people.enrollments.table.startAt"), width: 100, render: (_v, e) => date(e.startAt) },
    {
      key: "objectiveAt",
      title: t("people.enrollments.table.objectiveAt"),
      width: 100,
      render: (_v, e) => date(e.objectiveAt),
    },
    { key: "endAt", title: t("people.enrollments.table.endAt"), width: 100, render: (_v, e) => date(e.endAt) },
    {
      key: "status",
      title: t("people.enrollments.table.status"),
      width: 140,
      render: (_v, e) => (
        <span>
          <EnrollmentStatusTag status={e.status} /> {e.progressPct} %
        </span>
      ),
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("people.table.actions")}</VisuallyHidden>,
      width: 170,
      align: "right",
      render: (_v, e) => {
        const name = `${e.user.firstName} ${e.user.lastName}`;
        return (
          <Space size={4} wrap>
            <Button size="small" onClick={() => setEditing(e)} aria-label={t("people.enrollments.editLabel", { name })}>
              {t("people.edit")}
            </Button>
            {e.hasActivity ? (
              <Tooltip title={t("people.enrollments.hasActivity")}>
                <Button size="small" disabled aria-label={t("people.enrollments.removeLabel", { name })}>
                  {t("people.remove")}
                </Button>
              </Tooltip>
            ) : (
              <Popconfirm
                title={t("people.enrollments.removeConfirm", { name, course: e.course.name })}
                okText={t("people.remove")}
                cancelText={t("actions.cancel")}
                okButtonProps={{ danger: true }}
                onConfirm={() => handleRemove(e)}
              >
                <Button size="small" danger aria-label={t("people.enrollments.removeLabel", { name })}>
                  {t("people.remove")}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  const title = t("people.enrollments.title");
  return (
    <AccessibleForm>
      <PageHeader
        title={title}
        breadcrumb={[t("nav.administration"), title]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("people.enrollments.create")}
          </Button>
        }
      />
      <TableCard
        title={t("people.enrollments.tableTitle")}
        tools={
          <span style={{ display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
            <CoursePicker
              aria-label={t("people.enrollments.courseFilter")}
              placeholder={t("people.enrollments.allCourses")}
              allowClear
              value={view.courseId}
              onChange={(courseId) => setView((v) => ({ ...v, page: 1, courseId }))}
              style={{ width: 280 }}
            />
            <Input.Search
              allowClear
              maxLength={320}
              placeholder={t("people.users.searchPlaceholder")}
              aria-label={t("people.enrollments.searchLabel")}
              onSearch={(value) => setView((v) => ({ ...v, page: 1, q: value.trim() }))}
              style={{ width: 260 }}
            />
          </span>
        }
      >
        <QueryTable<AdminEnrollment>
          query={enrollments}
          items={enrollments.data?.items ?? []}
          errorTitle={t("people.errors.load")}
          empty={t("people.enrollments.empty")}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={enrollments.data?.items.length ? { x: 980 } : undefined}
          pager={{
            page: view.page,
            pageSize: view.pageSize,
            total: enrollments.data?.total ?? 0,
            onChange: (page, pageSize) => setView((v) => ({ ...v, page, pageSize })),
          }}
        />
      </TableCard>
      {editing ? (
        <EnrollmentFormModal
          enrollment={editing === "new" ? null : editing}
          courseId={view.courseId}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </AccessibleForm>
  );
}
