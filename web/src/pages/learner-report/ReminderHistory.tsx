import { Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { reportReminderSchema } from "../../../../common/api/tutoring.js";
import { formatDateTime } from "../../../../common/format.js";
import { HorizontalScroll } from "./HorizontalScroll.js";

type ReportReminder = z.infer<typeof reportReminderSchema>;

export interface ReminderHistoryProps {
  reminders: ReportReminder[];
  timeZone: string;
}

/** `Historique des relances` (R5): date, kind and mail template; `Pas de relance envoyée` when none. */
export function ReminderHistory({ reminders, timeZone }: ReminderHistoryProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ReportReminder> = [
    {
      key: "date",
      title: t("report.reminders.date"),
      width: 170,
      render: (_value, reminder) => (
        <span style={{ fontVariantNumeric: "tabular-nums" }}>{formatDateTime(reminder.sentAt, timeZone)}</span>
      ),
    },
    {
      key: "type",
      title: t("report.reminders.type"),
      render: (_value, reminder) => t(`report.reminders.kind.${reminder.kind}`),
    },
    { key: "template", title: t("report.reminders.template"), dataIndex: "templateName" },
  ];
  return (
    <HorizontalScroll label={t("report.reminders.title")} minWidth={520}>
      <Table<ReportReminder>
        rowKey={(reminder) => `${reminder.sentAt}-${reminders.indexOf(reminder)}`}
        size="middle"
        columns={columns}
        dataSource={reminders}
        pagination={reminders.length > 25 ? { pageSize: 25, showSizeChanger: false } : false}
        locale={{ emptyText: <span style={{ color: "rgba(0, 0, 0, 0.65)" }}>{t("report.reminders.empty")}</span> }}
      />
    </HorizontalScroll>
  );
}
