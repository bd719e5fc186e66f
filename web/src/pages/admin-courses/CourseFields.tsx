import { Form, Input, InputNumber, Radio, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import type { CourseFormOptions } from "../../../../common/api/catalogue-admin.js";

/** The course form's values as antd holds them (the audience as a radio choice). */
export interface CourseFormValues {
  code: string;
  name: string;
  folderId: string | null;
  description: string;
  catalogueVisible: boolean;
  audience: "everyone" | "lists";
  listIds: string[];
  inactivityDays: number;
  categoryIds: string[];
  competencyIds: string[];
}

export const courseFieldNames = [
  "code",
  "name",
  "folderId",
  "description",
  "catalogueVisible",
  "listIds",
  "inactivityDays",
  "categoryIds",
  "competencyIds",
];

/** The request body of a course form. */
export function courseInput(values: CourseFormValues) {
  const { audience, ...rest } = values;
  return {
    ...rest,
    folderId: values.folderId ?? null,
    description: values.description ?? "",
    everyone: audience === "everyone",
    listIds: audience === "everyone" ? [] : (values.listIds ?? []),
  };
}

export interface CourseFieldsProps {
  options: CourseFormOptions | undefined;
}

/** The fields of a course: identity, folder, description, visibility, audience, at-risk delay, categories, competencies. */
export function CourseFields({ options }: CourseFieldsProps) {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t("catalogueAdmin.errors.required") };
  const audience = Form.useWatch<CourseFormValues["audience"]>("audience");
  return (
    <>
      <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 2fr)", gap: 16 }}>
        <Form.Item name="code" label={t("catalogueAdmin.courses.code")} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="name" label={t("catalogueAdmin.courses.name")} rules={[required]}>
          <Input maxLength={300} />
        </Form.Item>
      </div>
      <Form.Item name="folderId" label={t("catalogueAdmin.courses.folder")}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          className="admin-select"
          placeholder={t("catalogueAdmin.courses.noFolder")}
          options={(options?.folders ?? []).map((f) => ({ value: f.id, label: f.label }))}
        />
      </Form.Item>
      <Form.Item name="description" label={t("catalogueAdmin.description")}>
        <Input.TextArea maxLength={20_000} autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Form.Item
        name="catalogueVisible"
        label={t("catalogueAdmin.courses.catalogueVisible")}
        valuePropName="checked"
        extra={t("catalogueAdmin.courses.catalogueVisibleHelp")}
      >
        <Switch />
      </Form.Item>
      <Form.Item name="audience" label={t("catalogueAdmin.courses.audience")}>
        <Radio.Group
          options={[
            { value: "everyone", label: t("catalogueAdmin.courses.everyone") },
            { value: "lists", label: t("catalogueAdmin.courses.lists") },
          ]}
        />
      </Form.Item>
      {audience === "lists" ? (
        <Form.Item
          name="listIds"
          label={t("catalogueAdmin.courses.listIds")}
          rules={[{ required: true, type: "array", min: 1, message: t("catalogueAdmin.errors.listRequired") }]}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(options?.lists ?? []).map((l) => ({ value: l.id, label: l.name }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="inactivityDays"
        label={t("catalogueAdmin.courses.inactivityDays")}
        extra={t("catalogueAdmin.courses.inactivityDaysHelp")}
        rules={[{ required: true, message: t("catalogueAdmin.errors.required") }]}
      >
        <InputNumber min={1} max={365} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="categoryIds" label={t("catalogueAdmin.courses.categories")}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={(options?.categories ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="competencyIds" label={t("catalogueAdmin.courses.competencies")}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={(options?.competencies ?? []).map((c) => ({
            value: c.id,
            label: `${c.code} ${c.label} (${c.framework})`,
          }))}
        />
      </Form.Item>
    </>
  );
}
