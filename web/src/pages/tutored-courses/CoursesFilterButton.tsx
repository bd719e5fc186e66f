import { FilterFilled, FilterOutlined } from "@ant-design/icons";
import { Badge, Button, Form, Input, type InputRef, Popover } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

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
  const [form] = Form.useForm<CoursesFilters>();
  const active = (value.course ? 1 : 0) + (value.list ? 1 : 0);
  const firstField = useRef<InputRef>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  function handleAfterOpenChange(next: boolean) {
    // Keyboard users land in the panel, and back on the icon once it closes.
    if (next) firstField.current?.focus();
    else if (document.activeElement === document.body || document.activeElement === null) trigger.current?.focus();
  }

  function handleOpenChange(next: boolean) {
    if (next) form.setFieldsValue(value);
    setOpen(next);
  }

  function handleFinish(values: CoursesFilters) {
    onChange({ course: (values.course ?? "").trim(), list: (values.list ?? "").trim() });
    setOpen(false);
  }

  function handleReset() {
    form.setFieldsValue({ course: "", list: "" });
    onChange({ course: "", list: "" });
    setOpen(false);
  }

  const content = (
    <Form<CoursesFilters>
      form={form}
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
        <Button onClick={handleReset}>{t("courseList.filterReset")}</Button>
        <Button type="primary" htmlType="submit">
          {t("courseList.filterApply")}
        </Button>
      </div>
    </Form>
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
        />
      </Badge>
    </Popover>
  );
}
