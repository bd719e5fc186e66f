import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCourseSwitcherOptions } from "../../api/tutoring.js";
import "./coursePicker.css";

export interface CoursePickerProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  "aria-label"?: string;
  style?: React.CSSProperties;
}

/** A course chosen by typing part of its name (an admin sees every course). */
export function CoursePicker({ id, value, onChange, allowClear, placeholder, style, ...rest }: CoursePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const courses = useCourseSwitcherOptions(search);
  const options = (courses.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Select<string>
      id={id}
      className="people-course-picker"
      aria-label={rest["aria-label"]}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={allowClear}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      loading={courses.isFetching}
      placeholder={placeholder ?? t("people.pickers.course")}
      notFoundContent={courses.isFetching ? t("people.pickers.searching") : t("people.pickers.noCourse")}
      style={style ?? { width: "100%" }}
    />
  );
}
