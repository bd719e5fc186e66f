import { Button, Form, Input, type InputRef } from "antd";
import { type RefObject, useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { CoursesFilters } from "./CoursesFilterButton.js";

export interface CoursesFilterFormProps {
  value: CoursesFilters;
  /** The course name field, focused when the panel opens. */
  firstField: RefObject<InputRef | null>;
  onApply: (filters: CoursesFilters) => void;
  onReset: () => void;
}

/** The filter panel's fields (a chunk of its own, loaded when the panel first opens). */
export function CoursesFilterForm({ value, firstField, onApply, onReset }: CoursesFilterFormProps) {
  const { t } = useTranslation();

  useEffect(() => {
    // The panel may have opened before this chunk arrived: keyboard users still land in it (without
    // scrolling, in case the panel is not placed yet).
    firstField.current?.focus({ preventScroll: true });
  }, [firstField]);

  function handleFinish(values: CoursesFilters) {
    onApply({ course: (values.course ?? "").trim(), list: (values.list ?? "").trim() });
  }

  return (
    <Form<CoursesFilters>
      layout="vertical"
      onFinish={handleFinish}
      initialValues={value}
      style={{ width: 280 }}
      requiredMark={false}
    >
      <Form.Item name="course" label={t("courseList.filterCourse")} style={{ marginBottom: 12 }}>
        <Input ref={firstField} allowClear maxLength={200} placeholder={t("courseList.filterCoursePlaceholder")} />
      </Form.Item>
      <Form.Item
        name="list"
        label={t("courseList.filterList")}
        extra={t("courseList.filterListHelp")}
        style={{ marginBottom: 16 }}
      >
        <Input allowClear maxLength={200} placeholder={t("courseList.filterListPlaceholder")} />
      </Form.Item>
      <div style={{ display: "flex", justifyContent: "flex-end", gap: 8 }}>
        <Button onClick={onReset}>{t("courseList.filterReset")}</Button>
        <Button type="primary" htmlType="submit">
          {t("courseList.filterApply")}
        </Button>
      </div>
    </Form>
  );
}
