import { PaperClipOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { OutboxMessage } from "../../api/actions.js";

export interface MessageContentProps {
  message: OutboxMessage;
}

/** A message as it was written: its text, attachments and, when delivery failed, the last error. */
export function MessageContent({ message }: MessageContentProps) {
  const { t } = useTranslation();
  return (
    <div style={{ display: "grid", gap: 10, padding: "4px 0" }}>
      {message.lastError ? (
        <div>
          <strong>{t("messages.lastError")}</strong> <span className="message-error">{message.lastError}</span>
        </div>
      ) : null}
      <pre className="message-text">{message.text}</pre>
      {message.attachments.length > 0 ? (
        <div>
          <strong>{t("messages.attachments")}</strong>{" "}
          {message.attachments.map((name) => (
            <span key={name} style={{ marginInlineEnd: 12, whiteSpace: "nowrap" }}>
              <PaperClipOutlined aria-hidden="true" /> {name}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
