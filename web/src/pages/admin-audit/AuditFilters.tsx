import { ClearOutlined, CloseOutlined } from "@ant-design/icons";
import { Button, DatePicker, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useTutoredCourses } from "../../api/courses.js";
import { actionKey, knownActions } from "../learner-report/auditChanges.js";
import { type AuditView, hasFilters } from "./auditView.js";

export interface AuditFiltersProps {
  view: AuditView;
  /** Names of the learner and the author filtered on, as far as the screen has seen them. */
  learnerName: string;
  actorName: string;
  /** Name of the course filtered on, when the list shows it (it may be past the first courses of the menu). */
  courseName: string;
  onChange: (changes: Partial<AuditView>) => void;
}

/** The audit screen's filters: action, course, period, and the learner or author chosen from the list. */
export function AuditFilters({ view, learnerName, actorName, courseName, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [courseSearch, setCourseSearch] = useState("");
  const courses = useTutoredCourses({
    page: 1,
    pageSize: 100,
    sort: "name",
    order: "asc",
    q: courseSearch || undefined,
  });

  function handlePeriodChange(range: [Dayjs | null, Dayjs | null] | null) {
    onChange({
      from: range?.[0] ? range[0].format("YYYY-MM-DD") : "",
      to: range?.[1] ? range[1].format("YYYY-MM-DD") : "",
    });
  }

  function handleClear() {
    setCourseSearch("");
    onChange({ action: "", courseId: "", learnerId: "", actorId: "", from: "", to: "" });
  }

  const courseOptions = (courses.data?.items ?? []).map((course) => ({ value: course.id, label: course.name }));
  if (view.courseId && !courseOptions.some((option) => option.value === view.courseId)) {
    courseOptions.unshift({ value: view.courseId, label: courseName || t("audit.admin.selectedCourse") });
  }
  const actionOptions = knownActions.map((action) => {
    const key = actionKey(action);
    return { value: action, label: key ? t(`audit.actions.${key}`) : action };
  });

  return (
    <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
      <Select
        aria-label={t("audit.action")}
        value={view.action}
        onChange={(value: string) => onChange({ action: value })}
        options={[{ value: "", label: t("audit.admin.allActions") }, ...actionOptions]}
        style={{ width: 240 }}
        popupMatchSelectWidth={false}
      />
      <Select
        aria-label={t("audit.course")}
        value={view.courseId}
        onChange={(value: string) => onChange({ courseId: value })}
        options={[{ value: "", label: t("audit.admin.allCourses") }, ...courseOptions]}
        showSearch={{ filterOption: false, onSearch: setCourseSearch }}
        loading={courses.isFetching}
        style={{ width: 260 }}
        popupMatchSelectWidth={false}
      />
      <DatePicker.RangePicker
        aria-label={t("audit.admin.period")}
        placeholder={[t("audit.admin.periodStart"), t("audit.admin.periodEnd")]}
        value={[view.from ? dayjs(view.from) : null, view.to ? dayjs(view.to) : null]}
        onChange={handlePeriodChange}
        format="DD/MM/YYYY"
        allowEmpty={[true, true]}
        style={{ width: 260 }}
      />
      {view.learnerId ? (
        <Button
          icon={<CloseOutlined />}
          iconPlacement="end"
          title={t("audit.admin.removeFilter")}
          onClick={() => onChange({ learnerId: "" })}
        >
          {t("audit.admin.learnerFilter", { name: learnerName })}
        </Button>
      ) : null}
      {view.actorId ? (
        <Button
          icon={<CloseOutlined />}
          iconPlacement="end"
          title={t("audit.admin.removeFilter")}
          onClick={() => onChange({ actorId: "" })}
        >
          {t("audit.admin.actorFilter", { name: actorName })}
        </Button>
      ) : null}
      {hasFilters(view) ? (
        <Button icon={<ClearOutlined />} onClick={handleClear}>
          {t("audit.admin.clearFilters")}
        </Button>
      ) : null}
    </div>
  );
}
