import { Alert, Descriptions, Progress } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ReminderBatch } from "../../../../common/api/reminders.js";
import { useReminderBatch } from "../../api/actions.js";
import { useCurrentUser } from "../../api/auth.js";
import { adminMessagesRoute } from "../../app/navigation.js";

// antd's default label grey (45 % black) is below the 4.5:1 contrast WCAG AA asks for.
const readableLabel = { color: "rgba(0, 0, 0, 0.65)" };

export interface ReminderProgressProps {
  courseId: string;
  /** The batch as the send returned it; its progress is then followed. */
  batch: ReminderBatch;
}

/** How far a sent reminder has gone: queued, sent, failed; and why nothing leaves when no SMTP server is set. */
export function ReminderProgress({ courseId, batch }: ReminderProgressProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const progress = useReminderBatch(courseId, batch);
  const current = progress.data ?? batch;
  const finished = current.queued === 0;
  const percent = current.total > 0 ? Math.round(((current.sent + current.failed) / current.total) * 100) : 0;

  return (
    <div>
      <Alert
        type={current.smtpConfigured ? (current.failed > 0 ? "warning" : "success") : "info"}
        showIcon
        title={t("actions.reminder.queuedTitle", { count: current.total })}
        description={
          current.smtpConfigured
            ? finished
              ? t("actions.reminder.finished")
              : t("actions.reminder.delivering")
            : undefined
        }
        style={{ marginBottom: 16 }}
      />
      <div role="status" aria-live="polite">
        <Progress
          percent={percent}
          // Without SMTP nothing moves: no "in progress" shimmer that would promise otherwise.
          status={
            current.failed > 0 ? "exception" : finished ? "success" : current.smtpConfigured ? "active" : "normal"
          }
          aria-label={t("actions.reminder.progressLabel")}
        />
        <Descriptions
          size="small"
          styles={{ label: readableLabel }}
          column={{ xs: 1, sm: 2, md: 4 }}
          style={{ marginTop: 12 }}
          items={[
            { key: "total", label: t("actions.reminder.total"), children: current.total },
            { key: "queued", label: t("actions.reminder.queued"), children: current.queued },
            { key: "sent", label: t("actions.reminder.sent"), children: current.sent },
            { key: "failed", label: t("actions.reminder.failed"), children: current.failed },
          ]}
        />
      </div>
      {current.smtpConfigured ? null : (
        <Alert
          type="warning"
          showIcon
          title={t("actions.reminder.noSmtp")}
          description={
            user.roles.includes("admin") ? (
              <Link to={adminMessagesRoute}>{t("actions.reminder.openMessages")}</Link>
            ) : (
              t("actions.reminder.noSmtpTutor")
            )
          }
          style={{ marginTop: 16 }}
        />
      )}
    </div>
  );
}
