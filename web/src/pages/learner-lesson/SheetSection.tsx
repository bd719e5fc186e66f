import { CheckCircleFilled, DownloadOutlined, FilePdfOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { LearnerLesson } from "../../../../common/api/learner.js";
import { learnerPaths, useMarkRead } from "../../api/learner.js";
import { useFeedback } from "../../app/feedback.js";
import { useReadingSession } from "./useReadingSession.js";

export interface SheetSectionProps {
  courseId: string;
  lessonId: string;
  sheet: NonNullable<LearnerLesson["sheet"]>;
}

/** A practical sheet: its text (as text, never HTML), its PDF, and `Marquer comme lu`; reading time counts while shown. */
export function SheetSection({ courseId, lessonId, sheet }: SheetSectionProps) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const markRead = useMarkRead(courseId, lessonId);
  useReadingSession(courseId, lessonId, true);
  const size = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });

  function handleMarkRead() {
    markRead.mutate(undefined, { onSuccess: () => void message.success(t("learner.sheet.markedRead")) });
  }

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("learner.sheet.title")}</h2>}>
      <article style={{ maxWidth: 760, fontSize: 15, lineHeight: 1.65 }}>
        {sheet.paragraphs.length === 0 ? (
          <p style={{ color: "rgba(0, 0, 0, 0.65)" }}>
            {sheet.document ? t("learner.sheet.noText") : t("learner.sheet.noContent")}
          </p>
        ) : (
          sheet.paragraphs.map((paragraph, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are static text in a fixed order
            <p key={index} style={{ whiteSpace: "pre-wrap" }}>
              {paragraph}
            </p>
          ))
        )}
      </article>
      {sheet.document ? (
        <Card size="small" style={{ maxWidth: 760, marginBottom: 16 }}>
          <Space wrap>
            <FilePdfOutlined aria-hidden="true" style={{ fontSize: 20, color: "#b91c1c" }} />
            <span>
              {sheet.document.fileName} (
              {t("learner.sheet.size", { value: size.format(sheet.document.sizeBytes / 1024) })})
            </span>
            {sheet.document.mimeType === "application/pdf" ? (
              <Button href={learnerPaths.document(courseId, lessonId)} target="_blank" rel="noopener">
                {t("learner.sheet.openPdf")}
              </Button>
            ) : null}
            <Button
              href={learnerPaths.document(courseId, lessonId, true)}
              icon={<DownloadOutlined aria-hidden="true" />}
            >
              {t("learner.sheet.download")}
            </Button>
          </Space>
        </Card>
      ) : null}
      {markRead.isError ? (
        <Alert type="error" showIcon role="alert" title={t("learner.saveError")} style={{ marginBottom: 12 }} />
      ) : null}
      {sheet.read ? (
        <p style={{ margin: 0, color: "#166534", fontWeight: 500 }}>
          <CheckCircleFilled aria-hidden="true" /> {t("learner.sheet.read")}
        </p>
      ) : (
        <Button type="primary" onClick={handleMarkRead} loading={markRead.isPending}>
          {t("learner.sheet.markRead")}
        </Button>
      )}
      <p style={{ marginBottom: 0, marginTop: 12, color: "rgba(0, 0, 0, 0.65)", fontSize: 13 }}>
        {t("learner.sheet.timeCounted")}
      </p>
    </Card>
  );
}
