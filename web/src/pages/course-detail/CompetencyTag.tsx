import { Popover } from "antd";
import { useTranslation } from "react-i18next";
import type { CourseDetail } from "../../../../common/api/courses.js";

export interface CompetencyTagProps {
  competency: CourseDetail["competencies"][number];
}

/** `09.S'organiser`: a competency of the course; its framework and description open on hover, focus or click. */
export function CompetencyTag({ competency }: CompetencyTagProps) {
  const { t } = useTranslation();
  const name = `${competency.code}.${competency.label}`;
  return (
    <Popover
      trigger={["hover", "focus", "click"]}
      title={name}
      content={
        <div style={{ maxWidth: 320 }}>
          <p style={{ margin: "0 0 6px", color: "rgba(0, 0, 0, 0.65)" }}>
            {t("courseDetail.info.framework", { name: competency.framework })}
          </p>
          <p style={{ margin: 0 }}>{competency.description}</p>
        </div>
      }
    >
      <button
        type="button"
        aria-label={t("courseDetail.info.competencyButton", { name, framework: competency.framework })}
        style={{
          display: "inline-flex",
          alignItems: "center",
          padding: "2px 10px",
          border: "1px solid #bfd0fe",
          borderRadius: 14,
          background: "#eff4ff",
          color: "#1e40af",
          fontSize: 14,
          cursor: "help",
        }}
      >
        {name}
      </button>
    </Popover>
  );
}
