import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import type { LessonPreview } from "../../../../common/api/courses.js";
import { formatDuration } from "../../../../common/format.js";
import { LessonTypeIcon } from "../../components/LessonTypeIcon.js";
import { ElearningPreview } from "./ElearningPreview.js";
import { ObservationPreview } from "./ObservationPreview.js";
import { QuizPreview } from "./QuizPreview.js";
import { SheetPreview } from "./SheetPreview.js";
import { WebinarPreview } from "./WebinarPreview.js";

export interface LessonPreviewContentProps {
  preview: LessonPreview;
}

/** What `Lancer le contenu` shows of a lesson, by type; an e-learning lesson plays in the SCORM player, unrecorded. */
export function LessonPreviewContent({ preview }: LessonPreviewContentProps) {
  const { t } = useTranslation();
  const facts = [
    t(`courseLessons.types.${preview.type}`),
    preview.durationSeconds !== null
      ? t("courseLessons.preview.duration", { duration: formatDuration(preview.durationSeconds) })
      : null,
    preview.passingScore !== null ? t("courseLessons.preview.passingScore", { value: preview.passingScore }) : null,
  ].filter((fact): fact is string => fact !== null);

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <div style={{ display: "flex", alignItems: "flex-start", gap: 12 }}>
        <LessonTypeIcon type={preview.type} size={40} />
        <div style={{ minWidth: 0 }}>
          <div style={{ fontSize: 13, color: "rgba(0, 0, 0, 0.65)" }}>{facts.join(" · ")}</div>
          {preview.description ? (
            <p style={{ margin: "4px 0 0", whiteSpace: "pre-line" }}>{preview.description}</p>
          ) : null}
        </div>
      </div>
      {preview.type === "elearning" ? <ElearningPreview lessonId={preview.id} title={preview.title} /> : null}
      {preview.type === "mission" ? (
        <Alert type="info" showIcon title={t("courseLessons.preview.missionNote")} />
      ) : null}
      {preview.document ? <SheetPreview paragraphs={preview.document} /> : null}
      {preview.questions ? <QuizPreview questions={preview.questions} /> : null}
      {preview.classes ? <WebinarPreview classes={preview.classes} /> : null}
      {preview.grid ? <ObservationPreview grid={preview.grid} /> : null}
    </div>
  );
}
