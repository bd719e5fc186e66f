import { DatePicker, Form, type FormInstance, Input, InputNumber, Select } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../../api/auth.js";
import { toZonedWallClock } from "../learner-report/zonedTime.js";
import { type ClassFormValues, isHttpUrl, maxDuration, minDuration, timeZoneOptions } from "./classFormValues.js";

export interface ClassFormProps {
  form: FormInstance<ClassFormValues>;
  initialValues: ClassFormValues;
  onFinish: (values: ClassFormValues) => void;
  disabled?: boolean;
}

/** Title, start, duration, time zone, join link and description of a virtual class (A2), checked as the server does. */
export function ClassForm({ form, initialValues, onFinish, disabled = false }: ClassFormProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const zones = useMemo(() => timeZoneOptions(initialValues.timeZone || user.timeZone), [initialValues, user]);
  const startsAt = Form.useWatch("startsAt", form);
  const timeZone = Form.useWatch("timeZone", form) ?? initialValues.timeZone;
  const inPast = startsAt ? startsAt.isBefore(toZonedWallClock(new Date(), timeZone)) : false;

  return (
    <Form<ClassFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      disabled={disabled}
      requiredMark="optional"
      className="class-form"
    >
      <Form.Item
        name="title"
        label={t("classes.form.title")}
        rules={[
          { required: true, whitespace: true, message: t("classes.form.titleRequired") },
          { max: 300, message: t("classes.form.tooLong", { max: 300 }) },
        ]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <div className="class-form-row">
        <Form.Item
          name="startsAt"
          label={t("classes.form.startsAt")}
          rules={[{ required: true, message: t("classes.form.startsAtRequired") }]}
          extra={inPast ? t("classes.form.inPast") : undefined}
          style={{ flex: "1 1 220px" }}
        >
          <DatePicker
            showTime={{ format: "HH:mm", minuteStep: 5 }}
            format="DD/MM/YYYY HH:mm"
            style={{ width: "100%" }}
          />
        </Form.Item>
        <Form.Item
          name="durationMinutes"
          label={t("classes.form.duration")}
          rules={[
            { required: true, message: t("classes.form.durationRange", { min: minDuration, max: maxDuration }) },
            {
              type: "number",
              min: minDuration,
              max: maxDuration,
              message: t("classes.form.durationRange", { min: minDuration, max: maxDuration }),
            },
          ]}
          style={{ flex: "0 1 160px" }}
        >
          <InputNumber
            min={minDuration}
            max={maxDuration}
            step={15}
            precision={0}
            suffix="min"
            style={{ width: "100%" }}
          />
        </Form.Item>
        <Form.Item
          name="timeZone"
          label={t("classes.form.timeZone")}
          rules={[{ required: true, message: t("classes.form.timeZoneRequired") }]}
          style={{ flex: "1 1 200px" }}
        >
          <Select showSearch options={zones.map((zone) => ({ value: zone, label: zone }))} />
        </Form.Item>
      </div>
      <Form.Item
        name="joinUrl"
        label={t("classes.form.joinUrl")}
        extra={t("classes.form.joinUrlHelp")}
        rules={[
          { required: true, whitespace: true, message: t("classes.form.joinUrlRequired") },
          {
            validator: async (_rule, value: string | undefined) => {
              if (value?.trim() && !isHttpUrl(value)) throw new Error(t("classes.form.joinUrlInvalid"));
            },
          },
        ]}
      >
        <Input type="url" inputMode="url" placeholder="https://" maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t("classes.form.description")}
        rules={[{ max: 5000, message: t("classes.form.tooLong", { max: 5000 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} showCount />
      </Form.Item>
    </Form>
  );
}
