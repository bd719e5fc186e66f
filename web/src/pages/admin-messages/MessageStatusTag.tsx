import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { MessageStatus } from "./messagesView.js";

// Text colours chosen for 4.5:1 contrast on their tag backgrounds.
const styles: Record<MessageStatus, { color: string; background: string; borderColor: string }> = {
  pending: { color: "#874d00", background: "#fff7e6", borderColor: "#ffd591" },
  sending: { color: "#1d4ed8", background: "#eef3ff", borderColor: "#c7d6fb" },
  sent: { color: "#135200", background: "#f0fae6", borderColor: "#b7eb8f" },
  failed: { color: "#a8071a", background: "#fff1f0", borderColor: "#ffccc7" },
  held: { color: "rgba(0, 0, 0, 0.75)", background: "#f5f5f5", borderColor: "#d9d9d9" },
};

export interface MessageStatusTagProps {
  status: MessageStatus;
}

/** A message's delivery state: en attente, en cours d'envoi, envoyé, échec, retenu. */
export function MessageStatusTag({ status }: MessageStatusTagProps) {
  const { t } = useTranslation();
  return <Tag style={{ ...styles[status], marginInlineEnd: 0 }}>{t(`messages.status.${status}`)}</Tag>;
}
