import {
  AuditOutlined,
  FileTextOutlined,
  FlagOutlined,
  LaptopOutlined,
  QuestionCircleOutlined,
  VideoCameraOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LessonType } from "../../../common/enums.js";
import { VisuallyHidden } from "./VisuallyHidden.js";

const icons: Record<LessonType, { icon: ReactNode; color: string; background: string }> = {
  elearning: { icon: <LaptopOutlined />, color: "#1d4ed8", background: "#e8efff" },
  sheet: { icon: <FileTextOutlined />, color: "#0f766e", background: "#e3f6f3" },
  quiz: { icon: <QuestionCircleOutlined />, color: "#7c3aed", background: "#f1eafe" },
  webinar: { icon: <VideoCameraOutlined />, color: "#b45309", background: "#fdf1e1" },
  mission: { icon: <FlagOutlined />, color: "#be123c", background: "#fde8ec" },
  observation: { icon: <AuditOutlined />, color: "#4d7c0f", background: "#eef7e0" },
};

export interface LessonTypeIconProps {
  type: LessonType;
  /** Pixel size of the square. */
  size?: number;
}

/** The icon of a lesson type (e-learning, fiche pratique, quiz, webinaire, mission, observation), named for screen readers. */
export function LessonTypeIcon({ type, size = 32 }: LessonTypeIconProps) {
  const { t } = useTranslation();
  const { icon, color, background } = icons[type];
  const label = t(`courseLessons.types.${type}`);
  return (
    <span
      title={label}
      style={{
        display: "inline-flex",
        alignItems: "center",
        justifyContent: "center",
        flex: "none",
        width: size,
        height: size,
        borderRadius: 8,
        color,
        background,
        fontSize: Math.round(size * 0.5),
      }}
    >
      <span aria-hidden="true" style={{ display: "inline-flex" }}>
        {icon}
      </span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </span>
  );
}
