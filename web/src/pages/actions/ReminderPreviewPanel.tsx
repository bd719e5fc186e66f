import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import type { ReminderPreview } from "../../../../common/api/reminders.js";

export interface ReminderPreviewPanelProps {
  templateChosen: boolean;
  preview: ReminderPreview | undefined;
  loading: boolean;
  failed: boolean;
  onIndexChange: (index: number) => void;
}

/** The message as one recipient will read it, with the variables filled; switchable to the other recipients. */
export function ReminderPreviewPanel({
  templateChosen,
  preview,
  loading,
  failed,
  onIndexChange,
}: ReminderPreviewPanelProps) {
  const { t } = useTranslation();
  if (!templateChosen) {
    return (
      <div className="action-preview action-preview-empty">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("actions.reminder.chooseTemplate")} />
      </div>
    );
  }
  if (failed && !preview) {
    return <Alert type="error" showIcon role="alert" title={t("actions.reminder.previewError")} />;
  }
  if (!preview) {
    return (
      <div className="action-preview">
        <Skeleton active paragraph={{ rows: 5 }} />
      </div>
    );
  }
  const { recipient, count, index } = preview;
  return (
    <section className="action-preview" aria-label={t("actions.reminder.previewLabel")} aria-busy={loading}>
      <div className="action-preview-head">
        <span>
          {recipient ? (
            <>
              <span className="action-preview-muted">{t("actions.reminder.previewFor")} </span>
              <strong>
                {recipient.firstName} {recipient.lastName}
              </strong>{" "}
              <span className="action-preview-muted">&lt;{recipient.email}&gt;</span>
            </>
          ) : (
            t("actions.reminder.noRecipient")
          )}
        </span>
        {count > 1 ? (
          <span className="action-preview-pager">
            <Button
              size="small"
              type="text"
              icon={<LeftOutlined />}
              aria-label={t("actions.reminder.previousRecipient")}
              disabled={index === 0 || loading}
              onClick={() => onIndexChange(index - 1)}
            />
            <span aria-live="polite">{t("actions.reminder.recipientOf", { index: index + 1, count })}</span>
            <Button
              size="small"
              type="text"
              icon={<RightOutlined />}
              aria-label={t("actions.reminder.nextRecipient")}
              disabled={index >= count - 1 || loading}
              onClick={() => onIndexChange(index + 1)}
            />
          </span>
        ) : null}
      </div>
      <div className="action-preview-subject">
        <span className="action-preview-muted">{t("actions.reminder.subject")} </span>
        <strong>{preview.subject}</strong>
      </div>
      <div className="action-preview-body">{preview.body}</div>
    </section>
  );
}
