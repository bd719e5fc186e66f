import {
  AimOutlined,
  EyeOutlined,
  FileTextOutlined,
  LaptopOutlined,
  QuestionCircleOutlined,
  VideoCameraOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LessonType } from "../../../../common/enums.js";

const icons: Record<LessonType, ReactNode> = {
  elearning: <LaptopOutlined />,
  sheet: <FileTextOutlined />,
  quiz: <QuestionCircleOutlined />,
  webinar: <VideoCameraOutlined />,
  mission: <AimOutlined />,
  observation: <EyeOutlined />,
};

export interface LessonTypeIconProps {
  type: LessonType;
}

/** The lesson's type as an icon, named for assistive technologies and on hover. */
export function LessonTypeIcon({ type }: LessonTypeIconProps) {
  const { t } = useTranslation();
  const label = t(`report.lessonType.${type}`);
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      style={{
        display: "inline-flex",
        alignItems: "center",
        justifyContent: "center",
        flex: "0 0 auto",
        width: 26,
        height: 26,
        borderRadius: 6,
        background: "#eef2ff",
        color: "#1d4ed8",
        fontSize: 14,
      }}
    >
      {icons[type]}
    </span>
  );
}
