import { Alert, Button, Checkbox, Form, Input, Modal } from "antd";
import { type FocusEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { MailTemplate } from "../../../../common/api/reminders.js";
import { usedVariables } from "../../../../common/templates.js";
import { useCreateTemplate, useUpdateTemplate } from "../../api/actions.js";
import { useCurrentUser } from "../../api/auth.js";
import { ApiError } from "../../api/client.js";
import { useFeedback } from "../../app/feedback.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { TemplateVariables } from "./TemplateVariables.js";

export interface TemplateFormValues {
  name: string;
  subject: string;
  body: string;
  shared: boolean;
}

type TextField = "subject" | "body";
const templateFields = ["name", "subject", "body"] as const;

export interface TemplateEditorModalProps {
  /** The template to edit or read; null to create one from `draft`. */
  template: MailTemplate | null;
  /** The starting values of a new template (empty, or a copy of another). */
  draft: TemplateFormValues;
  variables: readonly string[];
  onClose: () => void;
  /** A shared template the user may not edit: start a personal copy of it. */
  onDuplicate: (template: MailTemplate) => void;
}

/** Creates, edits or shows a mail template: name, subject and body, with the variables beside the editor. */
export function TemplateEditorModal({ template, draft, variables, onClose, onDuplicate }: TemplateEditorModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const user = useCurrentUser();
  const [form] = Form.useForm<TemplateFormValues>();
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const saving = create.isPending || update.isPending;
  const readOnly = template !== null && !template.editable;
  const isAdmin = user.roles.includes("admin");
  // Where a clicked variable goes: the field (and caret) the user was last in; the body by default.
  const target = useRef<{ field: TextField; element: HTMLInputElement | HTMLTextAreaElement } | null>(null);

  function handleFocus(field: TextField) {
    return (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      target.current = { field, element: event.currentTarget };
    };
  }

  function handleInsert(variable: string) {
    const token = `{{${variable}}}`;
    const field = target.current?.field ?? "body";
    const element = target.current?.element;
    const value: string = form.getFieldValue(field) ?? "";
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    form.setFieldValue(field, value.slice(0, start) + token + value.slice(end));
    void form.validateFields([field]).catch(() => undefined);
    if (element) {
      // Back in the field, the caret just after what was inserted, ready to type on.
      requestAnimationFrame(() => {
        element.focus();
        element.setSelectionRange(start + token.length, start + token.length);
      });
    }
  }

  function unknownVariablesText(field: TextField): string {
    const text: string = form.getFieldValue(field) ?? "";
    const unknown = usedVariables(text).filter((name) => !variables.includes(name));
    return t("templates.errors.unknownVariable", {
      variables: unknown.map((name) => `{{${name}}}`).join(", "),
      count: unknown.length,
    });
  }

  function handleError(error: Error) {
    if (error instanceof ApiError && error.status === 400) {
      const fields = error.fields.flatMap((field) => {
        const name = templateFields.find((known) => `body.${known}` === field.field);
        if (!name) return [];
        const text = field.rule === "unknown_variable" && name !== "name" ? unknownVariablesText(name) : field.message;
        return [{ name, errors: [text] }];
      });
      if (fields.length > 0) {
        form.setFields(fields);
        return;
      }
    }
    void message.error(
      error instanceof ApiError && error.status === 403 ? t("templates.errors.forbidden") : t("templates.errors.save"),
    );
  }

  function handleFinish(values: TemplateFormValues) {
    const input = {
      name: values.name.trim(),
      subject: values.subject.trim(),
      body: values.body.trim(),
      shared: isAdmin ? values.shared : false,
    };
    const done = {
      onSuccess: () => {
        void message.success(t("templates.saved", { name: input.name }));
        onClose();
      },
      onError: handleError,
    };
    if (template) update.mutate({ templateId: template.id, input }, done);
    else create.mutate(input, done);
  }

  const viewTitle = template?.shared ? t("templates.viewTitle") : t("templates.viewOtherTitle");
  const title = readOnly ? viewTitle : template ? t("templates.editTitle") : t("templates.createTitle");

  const footer = readOnly
    ? [
        <Button key="duplicate" onClick={() => template && onDuplicate(template)}>
          {t("templates.duplicate")}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          {t("actions.close")}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t("actions.cancel")}
        </Button>,
        <Button key="save" type="primary" loading={saving} onClick={() => form.submit()}>
          {t("templates.save")}
        </Button>,
      ];

  return (
    <AccessibleForm>
      <Modal open title={title} onCancel={onClose} width={960} footer={footer} mask={{ closable: false }}>
        {readOnly ? (
          <Alert
            type="info"
            showIcon
            title={template?.shared ? t("templates.readOnly") : t("templates.readOnlyOther")}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <div className="template-editor">
          <Form<TemplateFormValues>
            form={form}
            layout="vertical"
            initialValues={template ?? draft}
            onFinish={handleFinish}
            disabled={readOnly}
            className="template-editor-form"
          >
            <Form.Item
              name="name"
              label={t("templates.name")}
              rules={[
                { required: true, whitespace: true, message: t("templates.errors.nameRequired") },
                { max: 200, message: t("templates.errors.tooLong", { max: 200 }) },
              ]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="subject"
              label={t("templates.subject")}
              rules={[
                { required: true, whitespace: true, message: t("templates.errors.subjectRequired") },
                { max: 300, message: t("templates.errors.tooLong", { max: 300 }) },
              ]}
            >
              <Input maxLength={300} onFocus={handleFocus("subject")} />
            </Form.Item>
            <Form.Item
              name="body"
              label={t("templates.body")}
              rules={[
                { required: true, whitespace: true, message: t("templates.errors.bodyRequired") },
                { max: 20_000, message: t("templates.errors.tooLong", { max: 20_000 }) },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 10, maxRows: 20 }} onFocus={handleFocus("body")} />
            </Form.Item>
            {isAdmin ? (
              <Form.Item name="shared" valuePropName="checked" extra={t("templates.sharedHelp")}>
                <Checkbox>{t("templates.sharedLabel")}</Checkbox>
              </Form.Item>
            ) : null}
          </Form>
          <TemplateVariables variables={variables} disabled={readOnly} onInsert={handleInsert} />
        </div>
      </Modal>
    </AccessibleForm>
  );
}
