import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, Popconfirm, Space, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminTutorAssignment } from "../../../../common/api/people.js";
import { useDeleteAssignment, useTutorAssignments } from "../../api/people.js";
import { useFeedback } from "../../app/feedback.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryTable } from "../../components/QueryTable.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { CoursePicker } from "../admin-enrollments/CoursePicker.js";
import { AssignmentFormModal } from "./AssignmentFormModal.js";

/** `Administration > Tuteurs`: which tutor follows which course, for every learner or some lists only (S3). */
export function AdminTutorsPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [view, setView] = useState({ page: 1, pageSize: 25, q: "", courseId: undefined as string | undefined });
  const [editing, setEditing] = useState<AdminTutorAssignment | "new" | null>(null);
  const assignments = useTutorAssignments({
    page: view.page,
    pageSize: view.pageSize,
    q: view.q || undefined,
    courseId: view.courseId,
  });
  const remove = useDeleteAssignment();

  function handleRemove(a: AdminTutorAssignment) {
    remove.mutate(a.id, {
      onSuccess: () =>
        void message.success(
          t("people.tutors.removed", { name: `${a.tutor.firstName} ${a.tutor.lastName}`, course: a.course.name }),
        ),
      onError: () => void message.error(t("people.errors.save")),
    });
  }

  const columns: TableColumnsType<AdminTutorAssignment> = [
    {
      key: "tutor",
      title: t("people.tutors.table.tutor"),
      render: (_v, a) => (
        <>
          <div>
            <strong>{a.tutor.lastName.toUpperCase()}</strong> {a.tutor.firstName}
          </div>
          <div style={{ color: "rgba(0,0,0,0.65)", overflowWrap: "anywhere" }}>{a.tutor.email}</div>
        </>
      ),
    },
    { key: "course", title: t("people.tutors.table.course"), render: (_v, a) => a.course.name },
    {
      key: "lists",
      title: t("people.tutors.table.learners"),
      render: (_v, a) =>
        a.lists.length === 0 ? (
          t("people.tutors.everyone")
        ) : (
          <span>
            {t("people.tutors.onlyLists")}{" "}
            {a.lists.map((l) => (
              <Tag key={l.id}>{l.name}</Tag>
            ))}
          </span>
        ),
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("people.table.actions")}</VisuallyHidden>,
      width: 190,
      align: "right",
      render: (_v, a) => {
        const name = `${a.tutor.firstName} ${a.tutor.lastName}`;
        return (
          <Space size={4} wrap>
            <Button size="small" onClick={() => setEditing(a)} aria-label={t("people.tutors.editLabel", { name })}>
              {t("people.edit")}
            </Button>
            <Popconfirm
              title={t("people.tutors.removeConfirm", { name, course: a.course.name })}
              okText={t("people.remove")}
              cancelText={t("actions.cancel")}
              okButtonProps={{ danger: true }}
              onConfirm={() => handleRemove(a)}
            >
              <Button size="small" danger aria-label={t("people.tutors.removeLabel", { name })}>
                {t("people.remove")}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  const title = t("people.tutors.title");
  return (
    <AccessibleForm>
      <PageHeader
        title={title}
        breadcrumb={[t("nav.administration"), title]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("people.tutors.create")}
          </Button>
        }
      />
      <TableCard
        title={t("people.tutors.tableTitle")}
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
              aria-label={t("people.tutors.searchLabel")}
              onSearch={(value) => setView((v) => ({ ...v, page: 1, q: value.trim() }))}
              style={{ width: 260 }}
            />
          </span>
        }
      >
        <QueryTable<AdminTutorAssignment>
          query={assignments}
          items={assignments.data?.items ?? []}
          errorTitle={t("people.errors.load")}
          empty={t("people.tutors.empty")}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={assignments.data?.items.length ? { x: 900 } : undefined}
          pager={{
            page: view.page,
            pageSize: view.pageSize,
            total: assignments.data?.total ?? 0,
            onChange: (page, pageSize) => setView((v) => ({ ...v, page, pageSize })),
          }}
        />
      </TableCard>
      {editing ? (
        <AssignmentFormModal
          assignment={editing === "new" ? null : editing}
          courseId={view.courseId}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </AccessibleForm>
  );
}
