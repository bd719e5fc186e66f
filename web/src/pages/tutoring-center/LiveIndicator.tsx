import { Badge } from "antd";
import { useTranslation } from "react-i18next";
import type { LiveState } from "../../api/tutoring.js";

const badgeStatus = { live: "success", connecting: "processing", offline: "default" } as const;

export interface LiveIndicatorProps {
  state: LiveState;
}

/** Says whether the screen follows the learners live (B5). */
export function LiveIndicator({ state }: LiveIndicatorProps) {
  const { t } = useTranslation();
  return (
    <span role="status" style={{ whiteSpace: "nowrap", fontSize: 13 }}>
      <Badge status={badgeStatus[state]} text={t(`center.live.${state}`)} />
    </span>
  );
}
