import { Drawer, Empty, Pagination, Skeleton } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CourseLesson } from "../../../../common/api/courses.js";
import { useLessonComments } from "../../api/coursesDetail.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { CommentThread } from "./CommentThread.js";

const pageSize = 10;

export interface LessonCommentsDrawerProps {
  courseId: string;
  /** The lesson whose comments to show; null keeps the drawer closed. */
  lesson: CourseLesson | null;
  onClose: () => void;
}

/** `Voir les commentaires`: the learners' comments on a lesson, newest first, and the tutor's answers. */
export function LessonCommentsDrawer({ courseId, lesson, onClose }: LessonCommentsDrawerProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const lessonId = lesson?.id ?? null;
  const comments = useLessonComments(courseId, lessonId, page, pageSize);

  useEffect(() => {
    // Another lesson starts on its first page.
    if (lessonId) setPage(1);
  }, [lessonId]);

  function handleRetry() {
    void comments.refetch();
  }

  const total = comments.data?.total ?? 0;

  return (
    <Drawer
      open={lesson !== null}
      onClose={onClose}
      placement="right"
      size={560}
      title={lesson ? t("courseLessons.comments.title", { title: lesson.title }) : ""}
      closable={{ "aria-label": t("courseLessons.close") }}
      destroyOnHidden
    >
      {comments.isPending ? (
        <Skeleton active avatar paragraph={{ rows: 3 }} />
      ) : comments.isError && !comments.data ? (
        <QueryErrorResult
          title={t("courseLessons.comments.loadError")}
          retrying={comments.isFetching}
          onRetry={handleRetry}
        />
      ) : total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("courseLessons.comments.empty")} />
      ) : (
        <>
          <p style={{ margin: "0 0 16px", color: "rgba(0, 0, 0, 0.65)" }}>
            {t("courseLessons.comments.count", { count: total })}
          </p>
          <div style={{ display: "flex", flexDirection: "column", gap: 20 }}>
            {(comments.data?.items ?? []).map((comment) => (
              <CommentThread key={comment.id} courseId={courseId} lessonId={lesson?.id ?? ""} comment={comment} />
            ))}
          </div>
          {total > pageSize ? (
            <Pagination
              size="small"
              current={page}
              pageSize={pageSize}
              total={total}
              showSizeChanger={false}
              onChange={setPage}
              style={{ marginTop: 20, justifyContent: "center" }}
            />
          ) : null}
        </>
      )}
    </Drawer>
  );
}
