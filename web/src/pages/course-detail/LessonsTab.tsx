import { CommentOutlined } from "@ant-design/icons";
import { Progress, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CourseLesson } from "../../../../common/api/courses.js";
import { formatDuration } from "../../../../common/format.js";
import { useCourseLessons } from "../../api/coursesDetail.js";
import { LessonTypeIcon } from "../../components/LessonTypeIcon.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { LessonCommentsDrawer } from "./LessonCommentsDrawer.js";
import { LessonPreviewModal } from "./LessonPreviewModal.js";
import { LessonRowActions } from "./LessonRowActions.js";

export interface LessonsTabProps {
  courseId: string;
}

/** `Leçons` (C8): the course's lessons in order, with points, completion among the tutor's learners, comments and corrections. */
export function LessonsTab({ courseId }: LessonsTabProps) {
  const { t } = useTranslation();
  const lessons = useCourseLessons(courseId);
  const [previewed, setPreviewed] = useState<CourseLesson | null>(null);
  const [commented, setCommented] = useState<CourseLesson | null>(null);

  function handleRetry() {
    void lessons.refetch();
  }

  function handleClosePreview() {
    setPreviewed(null);
  }

  function handleCloseComments() {
    setCommented(null);
  }

  const columns: TableColumnsType<CourseLesson> = [
    {
      key: "lesson",
      title: t("courseLessons.lesson"),
      render: (_value, lesson) => (
        <div style={{ display: "flex", alignItems: "center", gap: 12 }}>
          <LessonTypeIcon type={lesson.type} />
          <div style={{ minWidth: 0 }}>
            <div style={{ fontWeight: 500 }}>{lesson.title}</div>
            <div style={{ fontSize: 13, color: "rgba(0, 0, 0, 0.62)" }} aria-hidden="true">
              {t(`courseLessons.types.${lesson.type}`)}
              {lesson.durationSeconds !== null ? ` · ${formatDuration(lesson.durationSeconds)}` : ""}
            </div>
          </div>
        </div>
      ),
    },
    {
      key: "points",
      title: t("courseLessons.points"),
      width: 72,
      align: "end",
      render: (_value, lesson) => <span style={{ fontVariantNumeric: "tabular-nums" }}>{lesson.points}</span>,
    },
    {
      key: "completion",
      title: t("courseLessons.completion"),
      width: 170,
      render: (_value, lesson) => (
        <div>
          <span style={{ fontVariantNumeric: "tabular-nums" }}>
            {t("courseLessons.completedOf", { completed: lesson.completed, learners: lesson.learners })}
          </span>
          {lesson.learners > 0 ? (
            <div aria-hidden="true">
              <Progress
                percent={Math.round((lesson.completed / lesson.learners) * 100)}
                showInfo={false}
                size="small"
                style={{ margin: "2px 0 0" }}
              />
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: "comments",
      title: t("courseLessons.commentsColumn"),
      width: 120,
      align: "center",
      render: (_value, lesson) => (
        <span style={{ display: "inline-flex", alignItems: "center", gap: 6, fontVariantNumeric: "tabular-nums" }}>
          <CommentOutlined aria-hidden="true" style={{ color: "rgba(0, 0, 0, 0.45)" }} />
          {lesson.comments}
        </span>
      ),
    },
    {
      key: "corrections",
      title: t("courseLessons.pendingCorrections"),
      width: 130,
      align: "center",
      render: (_value, lesson) =>
        lesson.pendingCorrections > 0 ? (
          <Tag style={{ color: "#9a3412", background: "#fff4ea", borderColor: "#fdc99b", marginInlineEnd: 0 }}>
            {t("courseLessons.toCorrect", { count: lesson.pendingCorrections })}
          </Tag>
        ) : (
          <span style={{ fontVariantNumeric: "tabular-nums" }}>0</span>
        ),
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("courseLessons.actions")}</VisuallyHidden>,
      width: 56,
      align: "center",
      render: (_value, lesson) => (
        <LessonRowActions
          lessonTitle={lesson.title}
          onPreview={() => setPreviewed(lesson)}
          onComments={() => setCommented(lesson)}
        />
      ),
    },
  ];

  if (lessons.isError && !lessons.data) {
    return (
      <QueryErrorResult title={t("courseLessons.loadError")} retrying={lessons.isFetching} onRetry={handleRetry} />
    );
  }

  return (
    <>
      <Table<CourseLesson>
        rowKey="id"
        columns={columns}
        dataSource={lessons.data?.items ?? []}
        loading={{ spinning: lessons.isPending, delay: 200 }}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: lessons.isPending ? <div style={{ height: 96 }} /> : t("courseLessons.empty") }}
      />
      <LessonPreviewModal courseId={courseId} lesson={previewed} onClose={handleClosePreview} />
      <LessonCommentsDrawer courseId={courseId} lesson={commented} onClose={handleCloseComments} />
    </>
  );
}
