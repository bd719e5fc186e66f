import { Alert, Form, InputNumber, Modal, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { ReminderRule, ReminderRuleInput } from "../../../../common/api/reminders.js";
import { useMailTemplates, useSaveRule } from "../../api/actions.js";
import { ApiError } from "../../api/client.js";
import { useFeedback } from "../../app/feedback.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { useRuleDescription } from "./useRuleDescription.js";

type RuleKind = ReminderRule["kind"];

interface RuleFormValues {
  kind: RuleKind;
  days: number | null;
  progressBelow: number | null;
  templateId: string | undefined;
}

const kinds: RuleKind[] = ["before_objective", "inactive", "not_started"];
const defaults: Record<RuleKind, { days: number; progressBelow: number | null }> = {
  before_objective: { days: 7, progressBelow: 50 },
  inactive: { days: 14, progressBelow: null },
  not_started: { days: 10, progressBelow: null },
};

export interface RuleFormModalProps {
  courseId: string;
  /** The rule to edit; null to create one. */
  rule: ReminderRule | null;
  onClose: () => void;
}

/** Creates or edits an automatic reminder rule: its condition, its period in days and the template it sends. */
export function RuleFormModal({ courseId, rule, onClose }: RuleFormModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<RuleFormValues>();
  const templates = useMailTemplates();
  const save = useSaveRule(courseId);
  const describeRule = useRuleDescription();
  const kind = Form.useWatch("kind", form) ?? rule?.kind ?? "before_objective";
  const days = Form.useWatch("days", form);
  const progressBelow = Form.useWatch("progressBelow", form);

  const initialValues: RuleFormValues = rule
    ? { kind: rule.kind, days: rule.days, progressBelow: rule.progressBelow, templateId: rule.template.id }
    : { kind: "before_objective", ...defaults.before_objective, templateId: undefined };

  function handleValuesChange(changed: Partial<RuleFormValues>) {
    // A new kind starts from its usual figures; progress applies to the objective-date rule only.
    if (changed.kind) form.setFieldsValue({ ...defaults[changed.kind] });
  }

  function handleFinish(values: RuleFormValues) {
    const input: ReminderRuleInput = {
      kind: values.kind,
      days: values.days ?? defaults[values.kind].days,
      progressBelow: values.kind === "before_objective" ? (values.progressBelow ?? null) : null,
      templateId: values.templateId ?? "",
      paused: rule?.paused ?? false,
    };
    save.mutate(
      { ruleId: rule?.id ?? null, input },
      {
        onSuccess: () => {
          void message.success(rule ? t("rules.saved") : t("rules.created"));
          onClose();
        },
      },
    );
  }

  const saveError = save.error
    ? save.error instanceof ApiError && save.error.status === 404
      ? t("rules.errors.templateGone")
      : t("rules.errors.save")
    : null;

  return (
    <AccessibleForm>
      <Modal
        open
        title={rule ? t("rules.editTitle") : t("rules.createTitle")}
        onCancel={onClose}
        okText={rule ? t("rules.save") : t("rules.create")}
        cancelText={t("actions.cancel")}
        okButtonProps={{ loading: save.isPending }}
        onOk={() => form.submit()}
        width={640}
        mask={{ closable: false }}
      >
        <Form<RuleFormValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onValuesChange={handleValuesChange}
          onFinish={handleFinish}
        >
          <Form.Item name="kind" label={t("rules.kindLabel")}>
            <Radio.Group className="certificate-kinds">
              {kinds.map((value) => (
                <Radio key={value} value={value} className="certificate-kind">
                  <span className="certificate-kind-name">{t(`rules.kind.${value}`)}</span>
                  <span className="certificate-kind-text">{t(`rules.kindText.${value}`)}</span>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <div className="class-form-row">
            <Form.Item
              name="days"
              label={t(`rules.daysLabel.${kind}`)}
              rules={[
                { required: true, message: t("rules.errors.days") },
                { type: "number", min: 1, max: 365, message: t("rules.errors.days") },
              ]}
              style={{ flex: "1 1 200px" }}
            >
              <InputNumber min={1} max={365} precision={0} suffix={t("rules.daysUnit")} style={{ width: "100%" }} />
            </Form.Item>
            {kind === "before_objective" ? (
              <Form.Item
                name="progressBelow"
                label={t("rules.progressBelowLabel")}
                extra={t("rules.progressBelowHelp")}
                rules={[{ type: "number", min: 1, max: 100, message: t("rules.errors.progress") }]}
                style={{ flex: "1 1 200px" }}
              >
                <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: "100%" }} />
              </Form.Item>
            ) : null}
          </div>
          <Form.Item
            name="templateId"
            label={t("rules.template")}
            rules={[{ required: true, message: t("rules.errors.template") }]}
          >
            <Select<string>
              showSearch={{ optionFilterProp: "label" }}
              loading={templates.isPending}
              placeholder={t("actions.reminder.templatePlaceholder")}
              options={(templates.data?.items ?? []).map((template) => ({ value: template.id, label: template.name }))}
            />
          </Form.Item>
        </Form>
        {days ? (
          <Alert
            type="info"
            showIcon
            title={t("rules.preview", {
              rule: describeRule({
                kind,
                days,
                progressBelow: kind === "before_objective" ? (progressBelow ?? null) : null,
              }),
            })}
          />
        ) : null}
        {saveError ? <Alert type="error" showIcon role="alert" title={saveError} style={{ marginTop: 12 }} /> : null}
      </Modal>
    </AccessibleForm>
  );
}
