import { Alert, Button, Form, Modal, Skeleton } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useEditLessonStats, useLessonStats } from "../../api/reports.js";
import type { ReportLesson } from "./LessonAttempts.js";
import { LessonTypeIcon } from "./LessonTypeIcon.js";
import { StatsForm } from "./StatsForm.js";
import "./statsEditor.css";
import type { StatsFormValues } from "./statsFormRules.js";

export interface EditStatsModalProps {
  courseId: string;
  learnerId: string;
  /** The lesson whose statistics are edited; null when the dialog is closed. */
  lesson: ReportLesson | null;
  timeZone: string;
  onClose: () => void;
}

/** `Modifier les statistiques` (R6): the learner's figures on one lesson, validated as the server does. */
export function EditStatsModal({ courseId, learnerId, lesson, timeZone, onClose }: EditStatsModalProps) {
  const { t } = useTranslation();
  const stats = useLessonStats(courseId, learnerId, lesson?.lessonId ?? null);
  const save = useEditLessonStats(courseId, learnerId);
  const [stale, setStale] = useState(false);
  const [form] = Form.useForm<StatsFormValues>();

  function handleClose() {
    setStale(false);
    save.reset();
    onClose();
  }

  async function handleReload() {
    setStale(false);
    save.reset();
    await stats.refetch();
  }

  return (
    <Modal
      open={lesson !== null}
      title={t("stats.title")}
      onCancel={handleClose}
      destroyOnHidden
      width={680}
      className="stats-editor"
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={handleClose}>
          {t("stats.cancel")}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={save.isPending}
          disabled={!stats.data || stale}
          onClick={() => form.submit()}
        >
          {t("stats.submit")}
        </Button>,
      ]}
    >
      {lesson ? (
        <p style={{ display: "flex", alignItems: "center", gap: 10, margin: "0 0 16px" }}>
          <LessonTypeIcon type={lesson.type} />
          <span>
            <span style={{ color: "rgba(0, 0, 0, 0.65)" }}>{t("stats.lessonLabel")} </span>
            <strong style={{ fontWeight: 600 }}>{lesson.title}</strong>
          </span>
        </p>
      ) : null}
      {stale ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t("stats.staleTitle")}
          description={t("stats.staleText")}
          action={
            <Button size="small" onClick={() => void handleReload()} loading={stats.isFetching}>
              {t("stats.reload")}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {stats.isError && !stats.data ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t("stats.loadError")}
          action={
            <Button size="small" onClick={() => void stats.refetch()}>
              {t("errors.retry")}
            </Button>
          }
        />
      ) : stats.data && !stats.isFetching ? (
        <StatsForm
          key={stats.dataUpdatedAt}
          form={form}
          stats={stats.data}
          lessonId={lesson?.lessonId ?? ""}
          timeZone={timeZone}
          save={save}
          onStale={() => setStale(true)}
          onSaved={handleClose}
        />
      ) : (
        <Skeleton active paragraph={{ rows: 6 }} />
      )}
    </Modal>
  );
}
