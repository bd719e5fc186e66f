import { FilterOutlined } from "@ant-design/icons";
import { Button, Empty, Table, type TableColumnsType } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AuditEntry } from "../../../../common/api/statistics.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { useAdminAudit } from "../../api/reports.js";
import { learnerReportPath } from "../../app/navigation.js";
import { PageHeader } from "../../components/PageHeader.js";
import { pagerSummary } from "../../components/pagerSummary.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { TablePager } from "../../components/TablePager.js";
import { AuditActionLabel } from "../learner-report/AuditActionLabel.js";
import { AuditChanges } from "../learner-report/AuditChanges.js";
import { personName } from "../learner-report/auditEntryView.js";
import { AuditFilters } from "./AuditFilters.js";
import { auditViewToQuery, hasFilters, useAuditView } from "./auditView.js";

const muted = { color: "rgba(0, 0, 0, 0.65)" } as const;

/** `Administration > Journal d'audit` (B4): every change made to learner data, with filters (admins). */
export function AdminAuditPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const timeZone = user.timeZone;
  const [view, updateView] = useAuditView();
  const audit = useAdminAudit(auditViewToQuery(view, timeZone));
  const entries = audit.data?.items ?? [];
  const total = audit.data?.total ?? 0;
  // A learner or author filter keeps only their entries, so the list itself says whom it keeps.
  const learnerName = personName(entries.find((entry) => entry.learner?.id === view.learnerId)?.learner ?? null);
  const actorName = personName(entries.find((entry) => entry.actor?.id === view.actorId)?.actor ?? null);

  useEffect(() => {
    // A bookmarked page may no longer exist: show the last one instead.
    if (audit.isPlaceholderData || entries.length > 0 || total === 0) return;
    const { pages } = pagerSummary(view.page, view.pageSize, total);
    if (view.page > pages) updateView({ page: pages });
  }, [audit.isPlaceholderData, entries.length, total, view.page, view.pageSize, updateView]);

  function handlePagerChange(page: number, pageSize: number) {
    updateView({ page, pageSize });
  }

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
      width: 160,
      render: (_value, entry) => {
        const actor = entry.actor;
        if (!actor) return <span style={muted}>{t("audit.system")}</span>;
        const name = personName(actor);
        return (
          <span style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
            {name}
            {view.actorId !== actor.id ? (
              <Button
                type="text"
                size="small"
                icon={<FilterOutlined />}
                aria-label={t("audit.admin.filterByActor", { name })}
                title={t("audit.admin.filterByActor", { name })}
                onClick={() => updateView({ actorId: actor.id })}
              />
            ) : null}
          </span>
        );
      },
    },
    {
      key: "action",
      title: t("audit.action"),
      width: 200,
      render: (_value, entry) => <AuditActionLabel entry={entry} entries={entries} timeZone={timeZone} />,
    },
    {
      key: "learner",
      title: t("audit.learner"),
      width: 240,
      render: (_value, entry) => {
        const learner = entry.learner;
        if (!learner) return null;
        const name = personName(learner);
        return (
          <>
            <span style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
              {entry.course ? (
                <Link to={learnerReportPath(entry.course.id, learner.id)} title={t("audit.admin.openReport", { name })}>
                  {name}
                </Link>
              ) : (
                name
              )}
              {view.learnerId !== learner.id ? (
                <Button
                  type="text"
                  size="small"
                  icon={<FilterOutlined />}
                  aria-label={t("audit.admin.filterByLearner", { name })}
                  title={t("audit.admin.filterByLearner", { name })}
                  onClick={() => updateView({ learnerId: learner.id })}
                />
              ) : null}
            </span>
            {entry.course ? <div style={muted}>{entry.course.name}</div> : null}
            {entry.lesson ? <div style={muted}>{entry.lesson.title}</div> : null}
          </>
        );
      },
    },
    {
      key: "changes",
      title: t("audit.changes"),
      render: (_value, entry) => (
        <>
          <AuditChanges entry={entry} others={entries} timeZone={timeZone} />
          {entry.reason ? (
            <div style={{ ...muted, marginTop: 4, overflowWrap: "anywhere" }}>
              {t("audit.fieldLabel", { label: t("audit.reason") })} {entry.reason}
            </div>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t("audit.admin.title")} breadcrumb={[t("nav.administration"), t("audit.admin.title")]} />
      <TableCard
        title={t("audit.admin.tableTitle")}
        tools={
          <AuditFilters
            view={view}
            learnerName={learnerName || t("audit.admin.someone")}
            actorName={actorName || t("audit.admin.someone")}
            courseName={entries.find((entry) => entry.course?.id === view.courseId)?.course?.name ?? ""}
            onChange={updateView}
          />
        }
      >
        {audit.isError && !audit.data ? (
          <QueryErrorResult
            title={t("audit.admin.loadError")}
            retrying={audit.isFetching}
            onRetry={() => void audit.refetch()}
          />
        ) : (
          <>
            <Table<AuditEntry>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={entries}
              pagination={false}
              loading={{ spinning: audit.isFetching, delay: 200 }}
              scroll={{ x: 1040 }}
              locale={{
                emptyText: audit.isPending ? (
                  <div style={{ height: 96 }} />
                ) : (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={
                      <>
                        <strong>{t("audit.admin.emptyTitle")}</strong>
                        <br />
                        {hasFilters(view) ? t("audit.admin.noMatch") : t("audit.admin.empty")}
                      </>
                    }
                  />
                ),
              }}
            />
            <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }}>
              <TablePager page={view.page} pageSize={view.pageSize} total={total} onChange={handlePagerChange} />
            </div>
          </>
        )}
      </TableCard>
    </>
  );
}
