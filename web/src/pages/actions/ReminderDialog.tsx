import { Alert, Button, Form, Modal, Select, Tag } from "antd";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ReminderBatch } from "../../../../common/api/reminders.js";
import { newIdempotencyKey, useMailTemplates, useReminderPreview, useSendReminder } from "../../api/actions.js";
import { ApiError } from "../../api/client.js";
import { mailTemplatesRoute } from "../../app/navigation.js";
import "./actions.css";
import type { ActionDialogProps } from "./actionDialog.js";
import { ReminderPreviewPanel } from "./ReminderPreviewPanel.js";
import { ReminderProgress } from "./ReminderProgress.js";

export type ReminderDialogProps = ActionDialogProps;

/** `Relancer` (A1): choose a template, read it as the recipients will, send it to the selection. */
export function ReminderDialog({ open, courseId, selection, count, onClose, afterClose }: ReminderDialogProps) {
  const { t } = useTranslation();
  const templateLabelId = useId();
  // One key per opening of the dialog: a double click or a retried request sends each learner one message.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [batch, setBatch] = useState<ReminderBatch | null>(null);
  const templates = useMailTemplates();
  const preview = useReminderPreview(courseId, templateId, selection, index);
  const send = useSendReminder(courseId);
  const recipients = preview.data?.count ?? count;

  function handleTemplateChange(value: string) {
    setTemplateId(value);
    setIndex(0);
  }

  function handleSend() {
    if (!templateId) return;
    send.mutate({ templateId, selection, idempotencyKey }, { onSuccess: setBatch });
  }

  const sendError =
    send.error instanceof ApiError && send.error.status === 400
      ? t("actions.reminder.emptySelection")
      : send.error
        ? t("actions.reminder.sendError")
        : null;

  const footer = batch
    ? [
        <Button key="close" type="primary" onClick={onClose}>
          {t("actions.close")}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t("actions.cancel")}
        </Button>,
        <Button
          key="send"
          type="primary"
          loading={send.isPending}
          disabled={!templateId || !preview.data || preview.data.count === 0}
          onClick={handleSend}
        >
          {t("actions.reminder.send", { count: recipients })}
        </Button>,
      ];

  return (
    <Modal
      open={open}
      title={t("actions.reminder.title")}
      onCancel={onClose}
      afterClose={afterClose}
      width={760}
      mask={{ closable: false }}
      footer={footer}
    >
      {batch ? (
        <ReminderProgress courseId={courseId} batch={batch} />
      ) : (
        <>
          <p style={{ margin: "0 0 16px", color: "rgba(0, 0, 0, 0.65)" }}>
            {t("actions.reminder.intro", { count: recipients })}
          </p>
          <Form layout="vertical" requiredMark={false}>
            <Form.Item
              label={<span id={templateLabelId}>{t("actions.reminder.template")}</span>}
              extra={<Link to={mailTemplatesRoute}>{t("actions.reminder.manageTemplates")}</Link>}
              style={{ marginBottom: 16 }}
            >
              <Select<string>
                aria-labelledby={templateLabelId}
                value={templateId ?? undefined}
                placeholder={t("actions.reminder.templatePlaceholder")}
                loading={templates.isPending}
                onChange={handleTemplateChange}
                showSearch={{ optionFilterProp: "title" }}
                options={(templates.data?.items ?? []).map((template) => ({
                  value: template.id,
                  title: template.name,
                  label: (
                    <span style={{ display: "inline-flex", alignItems: "center", gap: 8 }}>
                      {template.name}
                      {template.shared ? <Tag style={{ marginInlineEnd: 0 }}>{t("templates.shared")}</Tag> : null}
                    </span>
                  ),
                }))}
              />
            </Form.Item>
          </Form>
          {templates.isError ? (
            <Alert type="error" showIcon role="alert" title={t("actions.reminder.templatesError")} />
          ) : null}
          <ReminderPreviewPanel
            templateChosen={templateId !== null}
            preview={preview.data}
            loading={preview.isFetching}
            failed={preview.isError}
            onIndexChange={setIndex}
          />
          {sendError ? <Alert type="error" showIcon role="alert" title={sendError} style={{ marginTop: 16 }} /> : null}
        </>
      )}
    </Modal>
  );
}
