import { BarChartOutlined, TeamOutlined } from "@ant-design/icons";
import { Card } from "antd";
import { useTranslation } from "react-i18next";
import type { CourseDetail } from "../../../../common/api/courses.js";
import { courseCenterPath, courseEvaluationPath } from "../../app/navigation.js";
import { ButtonLink } from "../../components/ButtonLink.js";
import { CourseThumbnail } from "../../components/CourseThumbnail.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { CourseTabList } from "./CourseTabList.js";
import type { CourseTab } from "./courseTab.js";

export interface CourseSidePanelProps {
  course: CourseDetail;
  tab: CourseTab;
  onTabChange: (tab: CourseTab) => void;
  panelId: string;
  tabId: (tab: CourseTab) => string;
}

/** The detail's left panel (C6): thumbnail, code, shortcuts and the three tabs (`Stats rapides` sits below it). */
export function CourseSidePanel({ course, tab, onTabChange, panelId, tabId }: CourseSidePanelProps) {
  const { t } = useTranslation();
  return (
    <Card styles={{ body: { padding: 16 } }}>
      <CourseThumbnail courseId={course.id} name={course.name} url={course.thumbnailUrl} />
      <div style={{ margin: "12px 0 14px" }}>
        <div style={{ fontWeight: 600, fontSize: 15, lineHeight: 1.35 }}>{course.name}</div>
        <div style={{ fontSize: 13, color: "rgba(0, 0, 0, 0.65)", marginTop: 2 }}>
          <VisuallyHidden>{t("courseDetail.codeLabel")} </VisuallyHidden>
          {course.code}
        </div>
      </div>
      <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
        <ButtonLink to={courseCenterPath(course.id)} type="primary" icon={<TeamOutlined aria-hidden="true" />} block>
          {t("courseDetail.toCenter")}
        </ButtonLink>
        <ButtonLink to={courseEvaluationPath(course.id)} icon={<BarChartOutlined aria-hidden="true" />} block>
          {t("courseDetail.toEvaluation")}
        </ButtonLink>
      </div>
      <div style={{ borderTop: "1px solid #f0f0f0", margin: "16px -16px 12px" }} />
      <CourseTabList value={tab} onChange={onTabChange} panelId={panelId} tabId={tabId} />
    </Card>
  );
}
