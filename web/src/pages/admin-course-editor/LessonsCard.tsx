import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Popconfirm, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AdminLesson } from "../../../../common/api/catalogue-admin.js";
import { formatDuration } from "../../../../common/format.js";
import { useAdminLessons, useDeleteLesson, useReorderLessons } from "../../api/catalogueAdmin.js";
import { useFeedback } from "../../app/feedback.js";
import { adminLessonQuizPath, adminLessonScormPath } from "../../app/navigation.js";
import { LessonTypeIcon } from "../../components/LessonTypeIcon.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { errorMessage } from "../admin-courses/formErrors.js";
import { LessonModal } from "./LessonModal.js";

export interface LessonsCardProps {
  courseId: string;
}

/** The course's lessons in order: add, edit, move up or down, delete (only while no learner worked on it). */
export function LessonsCard({ courseId }: LessonsCardProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const lessons = useAdminLessons(courseId);
  const reorder = useReorderLessons(courseId);
  const remove = useDeleteLesson(courseId);
  const [editing, setEditing] = useState<{ lesson: AdminLesson | null } | null>(null);
  const items = lessons.data?.items ?? [];

  function handleMove(index: number, delta: -1 | 1) {
    const ids = items.map((l) => l.id);
    const target = index + delta;
    const moved = ids[index];
    const other = ids[target];
    if (moved === undefined || other === undefined) return;
    ids[index] = other;
    ids[target] = moved;
    reorder.mutate(ids, {
      onSuccess: () => void message.success(t("catalogueAdmin.lessons.reordered")),
      onError: (error) => void message.error(errorMessage(error, t)),
    });
  }

  function handleDelete(lesson: AdminLesson) {
    return remove
      .mutateAsync(lesson.id)
      .then(() => void message.success(t("catalogueAdmin.lessons.deleted", { title: lesson.title })))
      .catch((error: unknown) => void message.error(errorMessage(error, t), 8));
  }

  const columns: TableColumnsType<AdminLesson> = [
    { key: "position", title: "#", dataIndex: "position", width: 56, align: "right" },
    {
      key: "title",
      title: t("catalogueAdmin.lessons.title"),
      render: (_value, lesson) => (
        <span className="admin-lesson-title">
          <LessonTypeIcon type={lesson.type} size={28} />
          <span>
            <span>{lesson.title}</span>
            <span className="admin-muted" style={{ display: "block", fontSize: 12 }}>
              {t(`courseLessons.types.${lesson.type}`)}
              {lesson.type === "elearning" ? (
                <>
                  {" · "}
                  <Link to={adminLessonScormPath(courseId, lesson.id)}>{t("catalogueAdmin.lessons.scormLink")}</Link>
                </>
              ) : null}
              {lesson.type === "quiz" ? (
                <>
                  {" · "}
                  <Link to={adminLessonQuizPath(courseId, lesson.id)}>{t("catalogueAdmin.lessons.quizLink")}</Link>
                </>
              ) : null}
            </span>
          </span>
        </span>
      ),
    },
    { key: "points", title: t("catalogueAdmin.lessons.points"), dataIndex: "points", width: 80, align: "right" },
    {
      key: "duration",
      title: t("catalogueAdmin.lessons.duration"),
      width: 110,
      align: "right",
      render: (_value, lesson) => (lesson.durationSeconds === null ? "—" : formatDuration(lesson.durationSeconds)),
    },
    {
      key: "activity",
      title: t("catalogueAdmin.lessons.activity"),
      dataIndex: "learnersWithActivity",
      width: 110,
      align: "right",
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("catalogueAdmin.actions")}</VisuallyHidden>,
      width: 176,
      align: "right",
      render: (_value, lesson, index) => (
        <span style={{ display: "inline-flex", gap: 4 }}>
          <Button
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={index === 0 || reorder.isPending}
            aria-label={t("catalogueAdmin.lessons.moveUp", { title: lesson.title })}
            title={t("catalogueAdmin.lessons.moveUp", { title: lesson.title })}
            onClick={() => handleMove(index, -1)}
          />
          <Button
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={index === items.length - 1 || reorder.isPending}
            aria-label={t("catalogueAdmin.lessons.moveDown", { title: lesson.title })}
            title={t("catalogueAdmin.lessons.moveDown", { title: lesson.title })}
            onClick={() => handleMove(index, 1)}
          />
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t("catalogueAdmin.editNamed", { name: lesson.title })}
            title={t("catalogueAdmin.editNamed", { name: lesson.title })}
            onClick={() => setEditing({ lesson })}
          />
          <Popconfirm
            title={t("catalogueAdmin.lessons.deleteTitle", { title: lesson.title })}
            description={
              lesson.learnersWithActivity > 0
                ? t("catalogueAdmin.errors.lessonHasActivity")
                : t("catalogueAdmin.lessons.deleteText")
            }
            okText={t("catalogueAdmin.delete")}
            okButtonProps={{ danger: true, disabled: lesson.learnersWithActivity > 0 }}
            cancelText={t("catalogueAdmin.cancel")}
            onConfirm={() => handleDelete(lesson)}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t("catalogueAdmin.deleteNamed", { name: lesson.title })}
              title={t("catalogueAdmin.deleteNamed", { name: lesson.title })}
            />
          </Popconfirm>
        </span>
      ),
    },
  ];

  return (
    <TableCard
      title={t("catalogueAdmin.lessons.tableTitle")}
      tools={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ lesson: null })}>
          {t("catalogueAdmin.lessons.add")}
        </Button>
      }
    >
      {lessons.isError && !lessons.data ? (
        <QueryErrorResult
          title={t("catalogueAdmin.loadError")}
          retrying={lessons.isFetching}
          onRetry={() => void lessons.refetch()}
        />
      ) : (
        <Table<AdminLesson>
          rowKey="id"
          columns={columns}
          dataSource={items}
          pagination={false}
          loading={{ spinning: lessons.isFetching && !reorder.isPending, delay: 200 }}
          scroll={{ x: 720 }}
          locale={{
            emptyText: lessons.isPending ? (
              <div style={{ height: 96 }} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("catalogueAdmin.lessons.empty")} />
            ),
          }}
        />
      )}
      <p className="admin-muted" style={{ margin: 0, padding: "12px 16px" }}>
        {t("catalogueAdmin.lessons.deletePolicy")}
      </p>
      {editing ? (
        <LessonModal
          courseId={courseId}
          lesson={editing.lesson ? (items.find((l) => l.id === editing.lesson?.id) ?? editing.lesson) : null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </TableCard>
  );
}
