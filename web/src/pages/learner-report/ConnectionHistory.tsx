import { Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { reportSessionSchema } from "../../../../common/api/tutoring.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { TablePager } from "../../components/TablePager.js";
import { HorizontalScroll } from "./HorizontalScroll.js";

type ReportSession = z.infer<typeof reportSessionSchema>;

export interface ConnectionHistoryProps {
  sessions: { items: ReportSession[]; total: number; page: number; pageSize: number };
  timeZone: string;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

const tabular = { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" } as const;

/** `Historique des connexions` (R4): each session with its lesson and duration, newest first, paged by the server. */
export function ConnectionHistory({ sessions, timeZone, loading, onPageChange }: ConnectionHistoryProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ReportSession> = [
    {
      key: "date",
      title: t("report.connections.date"),
      width: 170,
      render: (_value, session) => <span style={tabular}>{formatDateTime(session.startedAt, timeZone)}</span>,
    },
    { key: "lesson", title: t("report.connections.lesson"), dataIndex: "lessonTitle" },
    {
      key: "timeSpent",
      title: t("report.connections.timeSpent"),
      align: "right",
      width: 140,
      onHeaderCell: () => ({ style: { whiteSpace: "nowrap" } }),
      render: (_value, session) => <span style={tabular}>{formatDuration(session.durationSeconds)}</span>,
    },
  ];
  return (
    <>
      <HorizontalScroll label={t("report.connections.title")} minWidth={560}>
        <Table<ReportSession>
          // Two sessions may start in the same second; position on the page tells them apart.
          rowKey={(session) => `${session.startedAt}-${sessions.items.indexOf(session)}`}
          size="middle"
          columns={columns}
          dataSource={sessions.items}
          pagination={false}
          loading={{ spinning: loading, delay: 200 }}
          locale={{ emptyText: <span style={{ color: "rgba(0, 0, 0, 0.65)" }}>{t("report.connections.empty")}</span> }}
        />
      </HorizontalScroll>
      <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }}>
        <TablePager page={sessions.page} pageSize={sessions.pageSize} total={sessions.total} onChange={onPageChange} />
      </div>
    </>
  );
}
