import { WarningOutlined } from "@ant-design/icons";
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { TutoredLearner } from "../../../../common/api/tutoring.js";
import { formatDateTime } from "../../../../common/format.js";
import { RISK_OBJECTIVE_DAYS, RISK_PROGRESS_PCT } from "../../../../common/risk.js";
import { useCurrentUser } from "../../api/auth.js";

const riskStyle = { color: "#9a3412", background: "#fff4ed", borderColor: "#fdba8c", marginInlineEnd: 0 };
const dayMs = 86_400_000;

export interface RiskBadgeProps {
  learner: Pick<TutoredLearner, "riskReasons" | "objectiveAt" | "lastActivityAt">;
  /** The course's inactivity threshold (days). */
  inactivityDays: number;
  now?: Date;
}

/** B1: `À risque` with the reasons, in a tooltip (on hover and keyboard focus) and for screen readers. */
export function RiskBadge({ learner, inactivityDays, now = new Date() }: RiskBadgeProps) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentUser();
  if (learner.riskReasons.length === 0) return null;
  const objective = formatDateTime(learner.objectiveAt, timeZone);
  const reasons = learner.riskReasons.map((reason) => {
    if (reason === "late") return t("risk.lateText", { date: objective });
    if (reason === "due_soon") {
      return t("risk.dueSoonText", { date: objective, days: RISK_OBJECTIVE_DAYS, percent: RISK_PROGRESS_PCT });
    }
    if (!learner.lastActivityAt) return t("risk.neverActiveText", { threshold: inactivityDays });
    const days = Math.floor((now.getTime() - new Date(learner.lastActivityAt).getTime()) / dayMs);
    return t("risk.inactiveText", {
      date: formatDateTime(learner.lastActivityAt, timeZone),
      days,
      threshold: inactivityDays,
    });
  });
  const labels = learner.riskReasons.map((reason) => t(`risk.reason.${reason}`)).join(" · ");
  return (
    <Tooltip
      trigger={["hover", "focus"]}
      title={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      }
    >
      {/* Focusable so keyboard users get the tooltip too; the full reasons are also in the text for screen readers. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the tooltip must open on keyboard focus */}
      <span tabIndex={0} className="risk-badge">
        <Tag icon={<WarningOutlined aria-hidden="true" />} style={riskStyle}>
          <span aria-hidden="true">{labels}</span>
          <span className="visually-hidden">{t("risk.screenReader", { reasons: reasons.join(" ") })}</span>
        </Tag>
      </span>
    </Tooltip>
  );
}
