import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { EnrollmentStatus } from "../../../common/enums.js";

// antd's preset tag colours fall below the 4.5:1 text contrast WCAG AA asks for; these pass.
const statusStyles: Record<EnrollmentStatus, { color: string; background: string; borderColor: string }> = {
  not_started: { color: "#374151", background: "#f3f4f6", borderColor: "#d1d5db" },
  in_progress: { color: "#1e40af", background: "#eff4ff", borderColor: "#bfd0fe" },
  completed: { color: "#166534", background: "#ecfdf3", borderColor: "#a7e3bd" },
};

export interface EnrollmentStatusTagProps {
  status: EnrollmentStatus;
}

/** `Non commencé` / `En cours` / `Terminé` as a coloured label. */
export function EnrollmentStatusTag({ status }: EnrollmentStatusTagProps) {
  const { t } = useTranslation();
  return <Tag style={statusStyles[status]}>{t(`status.${status}`)}</Tag>;
}
