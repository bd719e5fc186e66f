import { Select } from "antd";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { EnrollmentType } from "../../../../common/enums.js";
import { useCourseSwitcherOptions } from "../../api/tutoring.js";
import { courseCenterPath } from "../../app/navigation.js";
import { Panel } from "../../components/Panel.js";

const allEnrollments = "all";
type EnrollmentChoice = EnrollmentType | typeof allEnrollments;

export interface CenterToolbarProps {
  courseId: string;
  courseName: string | undefined;
  enrollmentType: EnrollmentType | null;
  onEnrollmentTypeChange: (value: EnrollmentType | null) => void;
}

/** `MES FORMATIONS TUTORÉES`: the enrollment filter that drives the whole screen, and the course switcher. */
export function CenterToolbar({ courseId, courseName, enrollmentType, onEnrollmentTypeChange }: CenterToolbarProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const titleId = useId();
  const enrollmentLabelId = useId();
  const courseLabelId = useId();
  const [search, setSearch] = useState("");
  const courses = useCourseSwitcherOptions(search.trim());

  const options = (courses.data?.items ?? []).map((course) => ({ value: course.id, label: course.name }));
  if (courseName && !options.some((option) => option.value === courseId)) {
    options.unshift({ value: courseId, label: courseName });
  }

  function handleEnrollmentChange(value: EnrollmentChoice) {
    onEnrollmentTypeChange(value === allEnrollments ? null : value);
  }

  function handleCourseChange(value: string) {
    setSearch("");
    if (value !== courseId) void navigate(courseCenterPath(value));
  }

  return (
    <section aria-labelledby={titleId} style={{ marginBottom: 16 }}>
      <Panel padding="12px 16px">
        <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "12px 24px" }}>
          <h2 id={titleId} style={{ margin: 0, fontSize: 14, fontWeight: 600, letterSpacing: 0.6 }}>
            {t("center.tutoredCourses")}
          </h2>
          <span style={{ display: "inline-flex", alignItems: "center", gap: 8 }}>
            <span id={enrollmentLabelId} className="center-toolbar-label">
              {t("center.enrollmentFilter")}
            </span>
            <Select<EnrollmentChoice>
              aria-labelledby={enrollmentLabelId}
              value={enrollmentType ?? allEnrollments}
              onChange={handleEnrollmentChange}
              style={{ width: 230 }}
              options={[
                { value: allEnrollments, label: t("center.enrollment.all") },
                { value: "mandatory", label: t("center.enrollment.mandatory") },
                { value: "recommended", label: t("center.enrollment.recommended") },
                { value: "free", label: t("center.enrollment.free") },
              ]}
            />
          </span>
          <span style={{ display: "inline-flex", alignItems: "center", gap: 8, flex: "1 1 280px", minWidth: 0 }}>
            <span id={courseLabelId} className="center-toolbar-label" style={{ whiteSpace: "nowrap" }}>
              {t("center.course")}
            </span>
            <Select<string>
              aria-labelledby={courseLabelId}
              value={courseName ? courseId : undefined}
              onChange={handleCourseChange}
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={courses.isFetching}
              notFoundContent={courses.isFetching ? t("app.loading") : t("center.noCourseFound")}
              options={options}
              style={{ flex: 1, minWidth: 200, maxWidth: 340 }}
              popupMatchSelectWidth={false}
            />
          </span>
        </div>
      </Panel>
    </section>
  );
}
