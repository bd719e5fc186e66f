import { FilterFilled, FilterOutlined } from "@ant-design/icons";
import { Badge, Button, type InputRef, Popover } from "antd";
import { lazy, Suspense, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

// The panel's form (antd Form and its validator) is only needed once the panel opens.
const CoursesFilterForm = lazy(() => import("./CoursesFilterForm.js").then((m) => ({ default: m.CoursesFilterForm })));

export interface CoursesFilters {
  course: string;
  list: string;
}

export interface CoursesFilterButtonProps {
  value: CoursesFilters;
  onChange: (filters: CoursesFilters) => void;
}

/** The filter icon at the top right of `FORMATIONS` (C3): filters on the course name and on the learner list. */
export function CoursesFilterButton({ value, onChange }: CoursesFilterButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const active = (value.course ? 1 : 0) + (value.list ? 1 : 0);
  const firstField = useRef<InputRef>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  function handleAfterOpenChange(next: boolean) {
    // Keyboard users land in the panel, and back on the icon once it closes.
    if (next) firstField.current?.focus();
    else if (document.activeElement === document.body || document.activeElement === null) trigger.current?.focus();
  }

  function preloadForm() {
    void import("./CoursesFilterForm.js");
  }

  function handleOpenChange(next: boolean) {
    setOpen(next);
  }

  function handleApply(filters: CoursesFilters) {
    onChange(filters);
    setOpen(false);
  }

  function handleReset() {
    onChange({ course: "", list: "" });
    setOpen(false);
  }

  const content = (
    // The panel's own height while its fields load, so the popover does not jump.
    <Suspense fallback={<div style={{ width: 280, minHeight: 196 }} />}>
      <CoursesFilterForm value={value} firstField={firstField} onApply={handleApply} onReset={handleReset} />
    </Suspense>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={handleOpenChange}
      afterOpenChange={handleAfterOpenChange}
      title={t("courseList.filterTitle")}
      content={content}
      destroyOnHidden
    >
      <Badge count={active} size="small" color="#1d4ed8">
        <Button
          ref={trigger}
          icon={active > 0 ? <FilterFilled /> : <FilterOutlined />}
          aria-label={active > 0 ? t("courseList.filterActive", { count: active }) : t("courseList.filter")}
          aria-expanded={open}
          aria-haspopup="dialog"
          onPointerEnter={preloadForm}
          onFocus={preloadForm}
        />
      </Badge>
    </Popover>
  );
}
