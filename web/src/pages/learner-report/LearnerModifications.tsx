import { UndoOutlined } from "@ant-design/icons";
import { App, Button, Table, type TableColumnsType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../../common/api/statistics.js";
import { formatDateTime } from "../../../../common/format.js";
import { ApiError } from "../../api/client.js";
import { useLearnerAudit, useUndoAudit } from "../../api/reports.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TablePager } from "../../components/TablePager.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { AuditActionLabel } from "./AuditActionLabel.js";
import { AuditChanges } from "./AuditChanges.js";
import { personName, undoneIds } from "./auditEntryView.js";
import { HorizontalScroll } from "./HorizontalScroll.js";

export interface LearnerModificationsProps {
  courseId: string;
  learnerId: string;
  page: number;
  pageSize: number;
  timeZone: string;
  onPageChange: (page: number, pageSize: number) => void;
}

/** `Modifications` (B4): every change tutors made to this learner's data in the course, with undo of an edit. */
export function LearnerModifications({
  courseId,
  learnerId,
  page,
  pageSize,
  timeZone,
  onPageChange,
}: LearnerModificationsProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const audit = useLearnerAudit(courseId, learnerId, { page, pageSize });
  const undo = useUndoAudit();
  const entries = audit.data?.items ?? [];
  const undone = undoneIds(entries);

  function undoErrorText(error: unknown): string {
    if (error instanceof ApiError && error.code === "newer_data") return t("audit.undo.newerData");
    if (error instanceof ApiError && error.code === "already_undone") return t("audit.undo.alreadyUndone");
    return t("audit.undo.error");
  }

  function handleUndo(entry: AuditEntry) {
    modal.confirm({
      title: t("audit.undo.title"),
      content: t("audit.undo.text", {
        date: formatDateTime(entry.at, timeZone),
        lesson: entry.lesson?.title ?? "",
      }),
      okText: t("audit.undo.confirm"),
      cancelText: t("audit.undo.keep"),
      onOk: async () => {
        try {
          await undo.mutateAsync(entry.id);
          void message.success(t("audit.undo.done"));
        } catch (error) {
          modal.error({ title: t("audit.undo.title"), content: undoErrorText(error) });
        }
      },
    });
  }

  function handleRetry() {
    void audit.refetch();
  }

  const anyUndoable = entries.some((entry) => entry.undoable);
  const columns: TableColumnsType<AuditEntry> = [
    {
      key: "at",
      title: t("audit.at"),
      width: 140,
      render: (_value, entry) => (
        <span style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
          {formatDateTime(entry.at, timeZone)}
        </span>
      ),
    },
    {
      key: "actor",
      title: t("audit.actor"),
      width: 140,
      render: (_value, entry) => personName(entry.actor) || t("audit.system"),
    },
    {
      key: "action",
      title: t("audit.action"),
      width: 240,
      render: (_value, entry) => (
        <>
          <AuditActionLabel entry={entry} entries={entries} timeZone={timeZone} />
          {undone.has(entry.id) ? <Tag style={{ marginInlineStart: 8 }}>{t("audit.undone")}</Tag> : null}
          {entry.lesson ? <div style={{ color: "rgba(0, 0, 0, 0.65)" }}>{entry.lesson.title}</div> : null}
        </>
      ),
    },
    {
      key: "changes",
      title: t("audit.changes"),
      render: (_value, entry) => <AuditChanges entry={entry} others={entries} timeZone={timeZone} />,
    },
    {
      key: "reason",
      title: t("audit.reason"),
      width: 190,
      render: (_value, entry) => <span style={{ overflowWrap: "anywhere" }}>{entry.reason ?? ""}</span>,
    },
  ];
  if (anyUndoable) {
    columns.push({
      key: "undo",
      title: <VisuallyHidden>{t("audit.actionsColumn")}</VisuallyHidden>,
      width: 200,
      render: (_value, entry) =>
        entry.undoable ? (
          <Button size="small" icon={<UndoOutlined />} onClick={() => handleUndo(entry)}>
            {t("audit.undo.button")}
          </Button>
        ) : null,
    });
  }

  if (audit.isError && !audit.data) {
    return <QueryErrorResult title={t("audit.loadError")} retrying={audit.isFetching} onRetry={handleRetry} />;
  }
  return (
    <>
      <HorizontalScroll label={t("audit.modifications")} minWidth={900}>
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={entries}
          pagination={false}
          loading={{ spinning: audit.isFetching, delay: 200 }}
          locale={{
            // antd's placeholder grey is below AA contrast; the darker grey of `Pas de relance envoyée` passes.
            emptyText: audit.isPending ? (
              <div style={{ height: 64 }} />
            ) : (
              <span style={{ color: "rgba(0, 0, 0, 0.65)" }}>{t("audit.empty")}</span>
            ),
          }}
        />
      </HorizontalScroll>
      <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }}>
        <TablePager page={page} pageSize={pageSize} total={audit.data?.total ?? 0} onChange={onPageChange} />
      </div>
    </>
  );
}
