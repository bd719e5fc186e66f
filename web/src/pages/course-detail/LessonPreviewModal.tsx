import { EyeOutlined } from "@ant-design/icons";
import { Button, Modal, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import type { CourseLesson } from "../../../../common/api/courses.js";
import { useLessonPreview } from "../../api/coursesDetail.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { LessonPreviewContent } from "./LessonPreviewContent.js";

export interface LessonPreviewModalProps {
  courseId: string;
  /** The lesson to preview; null keeps the dialog closed. */
  lesson: CourseLesson | null;
  onClose: () => void;
}

/** `Lancer le contenu`: the lesson as the learner would see it, in preview; nothing is recorded. */
export function LessonPreviewModal({ courseId, lesson, onClose }: LessonPreviewModalProps) {
  const { t } = useTranslation();
  const preview = useLessonPreview(courseId, lesson?.id ?? null);

  function handleRetry() {
    void preview.refetch();
  }

  return (
    <Modal
      open={lesson !== null}
      onCancel={onClose}
      title={lesson ? t("courseLessons.preview.title", { title: lesson.title }) : ""}
      // The e-learning player needs the room its content was authored for.
      width={lesson?.type === "elearning" ? 1040 : 760}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t("courseLessons.close")}
        </Button>
      }
      closable={{ "aria-label": t("courseLessons.close") }}
    >
      <p
        style={{
          display: "flex",
          alignItems: "center",
          gap: 8,
          margin: "0 0 16px",
          padding: "6px 10px",
          borderRadius: 6,
          background: "#f3f5f9",
          color: "rgba(0, 0, 0, 0.75)",
          fontSize: 13,
        }}
      >
        <EyeOutlined aria-hidden="true" />
        {t("courseLessons.preview.noTracking")}
      </p>
      {preview.isPending ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : preview.isError ? (
        <QueryErrorResult
          title={t("courseLessons.preview.loadError")}
          retrying={preview.isFetching}
          onRetry={handleRetry}
        />
      ) : (
        <LessonPreviewContent preview={preview.data} />
      )}
    </Modal>
  );
}
