import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { LessonStatus } from "../../../../common/enums.js";

// Contrast-safe colours (antd's presets fall below 4.5:1).
const styles: Record<LessonStatus, { color: string; background: string; borderColor: string }> = {
  not_attempted: { color: "#374151", background: "#f3f4f6", borderColor: "#d1d5db" },
  in_progress: { color: "#1e40af", background: "#eff4ff", borderColor: "#bfd0fe" },
  completed: { color: "#166534", background: "#ecfdf3", borderColor: "#a7e3bd" },
  passed: { color: "#166534", background: "#ecfdf3", borderColor: "#a7e3bd" },
  failed: { color: "#991b1b", background: "#fef2f2", borderColor: "#fca5a5" },
};

export interface LessonStatusTagProps {
  status: LessonStatus;
}

/** A lesson's status for a learner: `Non commencé`, `En cours`, `Terminé`, `Réussi`, `Échoué`. */
export function LessonStatusTag({ status }: LessonStatusTagProps) {
  const { t } = useTranslation();
  return <Tag style={styles[status]}>{t(`observations.status.${status}`)}</Tag>;
}
