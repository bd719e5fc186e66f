import { Card, Select } from "antd";
import { type MouseEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { LearnerReport } from "../../../../common/api/tutoring.js";
import { learnerReportPath } from "../../app/navigation.js";
import { reportSections } from "./reportSections.js";

export interface ReportNavigationProps {
  report: LearnerReport;
}

/** `Navigation` (R2): the same learner's report in another tutored course, and links to the report's sections. */
export function ReportNavigation({ report }: ReportNavigationProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const titleId = useId();
  const selectId = useId();

  function handleCourseChange(courseId: string) {
    if (courseId !== report.course.id) void navigate(learnerReportPath(courseId, report.learner.id));
  }

  function handleSectionClick(event: MouseEvent<HTMLAnchorElement>, id: string) {
    const target = document.getElementById(id);
    if (!target) return;
    // The router owns the URL; scroll and move the focus here so keyboard and screen reader users land there too.
    event.preventDefault();
    const reducedMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    target.scrollIntoView({ behavior: reducedMotion ? "auto" : "smooth", block: "start" });
    target.focus({ preventScroll: true });
  }

  return (
    <nav aria-labelledby={titleId} style={{ height: "100%" }}>
      <Card
        title={
          <h2 id={titleId} style={{ margin: 0, fontSize: 16, fontWeight: 600 }}>
            {t("report.navigation.title")}
          </h2>
        }
        style={{ height: "100%" }}
      >
        <label htmlFor={selectId} style={{ display: "block", fontWeight: 500, marginBottom: 6 }}>
          {t("report.navigation.otherCourse")}
        </label>
        <Select
          id={selectId}
          value={report.course.id}
          onChange={handleCourseChange}
          options={report.courses.map((course) => ({ value: course.id, label: course.name }))}
          style={{ width: "100%" }}
          popupMatchSelectWidth={false}
        />
        <h3 style={{ fontSize: 13, fontWeight: 600, margin: "20px 0 8px", color: "rgba(0, 0, 0, 0.65)" }}>
          {t("report.navigation.sections")}
        </h3>
        <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 2 }}>
          {reportSections.map((section) => (
            <li key={section.id}>
              <a
                href={`#${section.id}`}
                onClick={(event) => handleSectionClick(event, section.id)}
                style={{ display: "block", padding: "5px 10px", borderLeft: "2px solid #dbe3f4" }}
              >
                {t(section.titleKey)}
              </a>
            </li>
          ))}
        </ul>
      </Card>
    </nav>
  );
}
