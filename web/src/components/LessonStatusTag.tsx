import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { LessonStatus } from "../../../common/enums.js";

// Contrast-safe (WCAG AA) like EnrollmentStatusTag; antd's preset colours are too pale for text.
const statusStyles: Record<LessonStatus, { color: string; background: string; borderColor: string }> = {
  not_attempted: { color: "#374151", background: "#f3f4f6", borderColor: "#d1d5db" },
  in_progress: { color: "#1e40af", background: "#eff4ff", borderColor: "#bfd0fe" },
  completed: { color: "#166534", background: "#ecfdf3", borderColor: "#a7e3bd" },
  passed: { color: "#115e59", background: "#effcf9", borderColor: "#99e2d6" },
  failed: { color: "#991b1b", background: "#fef2f2", borderColor: "#fecaca" },
};

export interface LessonStatusTagProps {
  status: LessonStatus;
}

/** A lesson's status as the learner report shows it: `Terminé`, `Réussi`, `Echoué`… */
export function LessonStatusTag({ status }: LessonStatusTagProps) {
  const { t } = useTranslation();
  return <Tag style={{ ...statusStyles[status], marginInlineEnd: 0 }}>{t(`report.lessonStatus.${status}`)}</Tag>;
}
