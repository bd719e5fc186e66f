import { Alert, App, Checkbox, DatePicker, Form, type FormInstance, Input, InputNumber, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LessonStatsForm } from "../../../../common/api/statistics.js";
import { formatDateTime } from "../../../../common/format.js";
import { ApiError } from "../../api/client.js";
import type { useEditLessonStats } from "../../api/reports.js";
import { toLocale } from "../../app/i18n.js";
import {
  dateError,
  fromServerField,
  hasCmiData,
  locationError,
  maxReasonLength,
  reasonError,
  type StatsFieldError,
  type StatsFormValues,
  scoreError,
  statusError,
  suspendDataError,
  timeError,
  toEdit,
  toFormValues,
} from "./statsFormRules.js";
import { toZonedWallClock } from "./zonedTime.js";

export interface StatsFormProps {
  form: FormInstance<StatsFormValues>;
  stats: LessonStatsForm;
  lessonId: string;
  timeZone: string;
  save: ReturnType<typeof useEditLessonStats>;
  onStale: () => void;
  onSaved: () => void;
}

/** The fields of `Modifier les statistiques`, checked with the server's rules; a refused save shows on its field. */
export function StatsForm({ form, stats, lessonId, timeZone, save, onStale, onSaved }: StatsFormProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const cmi = hasCmiData(stats);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    // The form instance outlives a reload of the values (it belongs to the dialog): start from the new ones.
    form.resetFields();
  }, [form]);

  function text(error: StatsFieldError): string {
    const values = { ...error.values };
    if (error.key === "beforeEnrollment") values.date = formatDateTime(stats.enrolledAt, timeZone);
    return t(`stats.errors.${error.key}`, values);
  }

  function rule<V>(check: (value: V) => StatsFieldError | null) {
    return {
      validator: async (_rule: unknown, value: V) => {
        const error = check(value);
        if (error) throw new Error(text(error));
      },
    };
  }

  function handleFinish(values: StatsFormValues) {
    setFailure(null);
    save.mutate(
      { lessonId, edit: toEdit(values, stats, timeZone) },
      {
        onSuccess: () => {
          void message.success(t("stats.saved"));
          onSaved();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) {
            onStale();
            return;
          }
          if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) {
            const fields = error.fields.flatMap((field) => {
              const mapped = fromServerField(field, stats);
              return mapped
                ? [{ name: mapped.field, errors: [mapped.message ? text(mapped.message) : field.message] }]
                : [];
            });
            if (fields.length > 0) {
              form.setFields(fields);
              return;
            }
          }
          setFailure(t("stats.saveError"));
        },
      },
    );
  }

  const nowInZone = toZonedWallClock(new Date(), timeZone);
  const enrolledInZone = toZonedWallClock(stats.enrolledAt, timeZone);
  function disabledDate(day: Dayjs) {
    return day.isAfter(nowInZone, "day") || day.isBefore(enrolledInZone, "day");
  }

  const cmiHelp = (max: number) =>
    cmi ? t("stats.cmiHelp", { max, version: stats.scormVersion ?? "2004" }) : t("stats.cmiNotApplicable");

  return (
    <Form<StatsFormValues>
      form={form}
      layout="vertical"
      initialValues={toFormValues(stats, timeZone)}
      onFinish={handleFinish}
      onFinishFailed={() => setFailure(null)}
      requiredMark={false}
      scrollToFirstError
    >
      {failure ? <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} /> : null}
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(240px, 1fr))", columnGap: 16 }}>
        <Form.Item
          name="status"
          label={t("stats.status")}
          rules={[rule<StatsFormValues["status"] | undefined>((v) => statusError(v, stats))]}
        >
          <Select
            options={stats.allowedStatuses.map((status) => ({
              value: status,
              label: t(`report.lessonStatus.${status}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="statusAt"
          label={t("stats.date")}
          extra={t("stats.dateHelp", { date: formatDateTime(stats.enrolledAt, timeZone) })}
          rules={[rule<Dayjs | null>((v) => dateError(v, stats, timeZone))]}
        >
          <DatePicker
            showTime={{ format: "HH:mm" }}
            format="DD/MM/YYYY HH:mm"
            disabledDate={disabledDate}
            style={{ width: "100%" }}
          />
        </Form.Item>
        <Form.Item
          name="score"
          label={t("stats.score")}
          extra={t("stats.scoreHelp")}
          rules={[rule<number | null>((v) => scoreError(v))]}
        >
          <InputNumber<number>
            style={{ width: "100%" }}
            step={1}
            decimalSeparator={toLocale(i18n.language) === "fr" ? "," : "."}
          />
        </Form.Item>
        <Form.Item
          name="time"
          label={t("stats.timeSpent")}
          extra={t("stats.timeHelp")}
          rules={[rule<string | undefined>((v) => timeError(v))]}
        >
          <Input placeholder="HH:MM:SS" autoComplete="off" inputMode="numeric" />
        </Form.Item>
      </div>
      <Form.Item
        name="clearAttempts"
        valuePropName="checked"
        extra={t("stats.clearAttemptsHelp", { count: stats.attemptsCount })}
      >
        <Checkbox>{t("stats.clearAttempts")}</Checkbox>
      </Form.Item>
      <div
        style={{
          display: "grid",
          gridTemplateColumns: cmi ? "1fr" : "repeat(auto-fit, minmax(240px, 1fr))",
          columnGap: 16,
        }}
      >
        <Form.Item
          name="location"
          label={t("stats.location")}
          extra={cmiHelp(stats.limits.location)}
          rules={[rule<string | undefined>((v) => locationError(v, stats))]}
        >
          <Input
            disabled={!cmi}
            count={cmi ? { show: true, max: stats.limits.location } : undefined}
            autoComplete="off"
          />
        </Form.Item>
        <Form.Item
          name="suspendData"
          label={t("stats.suspendData")}
          extra={cmiHelp(stats.limits.suspendData)}
          rules={[rule<string | undefined>((v) => suspendDataError(v, stats))]}
        >
          {cmi ? (
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              count={{ show: true, max: stats.limits.suspendData }}
              style={{ fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", fontSize: 13 }}
            />
          ) : (
            <Input disabled autoComplete="off" />
          )}
        </Form.Item>
      </div>
      <Form.Item name="reason" label={t("stats.reason")} rules={[rule<string | undefined>((v) => reasonError(v))]}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t("stats.reasonPlaceholder")}
          count={{ show: true, max: maxReasonLength }}
        />
      </Form.Item>
      {/* Enter in a field submits, as in any form. */}
      <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
    </Form>
  );
}
