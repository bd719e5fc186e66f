import { ClearOutlined, FileTextOutlined } from "@ant-design/icons";
import { Button, Checkbox, type CheckboxChangeEvent, Empty, Table, type TableColumnsType, type TableProps } from "antd";
import { type Ref, useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TutoredLearner, TutoredLearnersPage } from "../../../../common/api/tutoring.js";
import { formatDuration } from "../../../../common/format.js";
import { ApiError } from "../../api/client.js";
import { type ExportFormat, type LiveState, useExportReports, useSelectionSummary } from "../../api/tutoring.js";
import { useFeedback } from "../../app/feedback.js";
import { currentLocale } from "../../app/i18n.js";
import { learnerReportPath } from "../../app/navigation.js";
import { EnrollmentStatusTag } from "../../components/EnrollmentStatusTag.js";
import { Panel } from "../../components/Panel.js";
import { pagerSummary } from "../../components/pagerSummary.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TablePager } from "../../components/TablePager.js";
import { CertificateCell } from "../actions/CertificateCell.js";
import { LearnerActions } from "../actions/LearnerActions.js";
import {
  type CenterSort,
  type CenterView,
  centerPageSizes,
  centerViewToFilters,
  filtersKey,
  hasColumnFilters,
} from "./centerView.js";
import { maxExport } from "./ExportReportsButton.js";
import { FilterRowContext, FilterRowHeader } from "./FilterRowHeader.js";
import { LearnersFilterRow } from "./LearnersFilterRow.js";
import { LiveIndicator } from "./LiveIndicator.js";
import { learnerName } from "./learnerName.js";
import {
  allPages,
  emptySelection,
  isSelected,
  type LearnerSelection,
  selectedCount,
  setSelected,
  toServerSelection,
} from "./learnerSelection.js";
import { ProgressCell } from "./ProgressCell.js";
import { RiskBadge } from "./RiskBadge.js";
import { SelectionBar } from "./SelectionBar.js";

type SortOrder = "ascend" | "descend";
// The server always sorts (by name when nothing else is asked): a header toggles ascending/descending.
const sortDirections: SortOrder[] = ["ascend", "descend", "ascend"];
const tableComponents = { header: { wrapper: FilterRowHeader } };

export interface LearnersTableProps {
  courseId: string;
  view: CenterView;
  page: TutoredLearnersPage | undefined;
  isPending: boolean;
  isFetching: boolean;
  isError: boolean;
  onRetry: () => void;
  onViewChange: (patch: Partial<CenterView>) => void;
  onClearFilters: () => void;
  /** The table's title, focused when the `APPRENANTS` indicator is opened. */
  titleRef?: Ref<HTMLHeadingElement>;
  /** Whether the table follows the learners live (B5). */
  live: LiveState;
}

/** `UTILISATEURS TUTORÉS` (T4, T5, B1): filter row, server sort and paging, selection across pages, export. */
export function LearnersTable({
  courseId,
  view,
  page,
  isPending,
  isFetching,
  isError,
  onRetry,
  onViewChange,
  onClearFilters,
  titleRef,
  live,
}: LearnersTableProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const titleId = useId();
  const currentFilters = filtersKey(view);
  // The selection belongs to the filters it was made under: new filters, new (empty) selection.
  const [state, setState] = useState<{ filters: string; selection: LearnerSelection }>({
    filters: currentFilters,
    selection: emptySelection,
  });
  const selection = state.filters === currentFilters ? state.selection : emptySelection;
  const total = page?.total ?? 0;
  const items = page?.items ?? [];
  const filters = useMemo(() => centerViewToFilters(view), [view]);
  const serverSelection = toServerSelection(selection, filters);
  const summary = useSelectionSummary(courseId, selection.mode === "all" ? serverSelection : null);
  const count =
    selection.mode === "all" && summary.data && !summary.isPlaceholderData
      ? summary.data.count
      : selectedCount(selection, total);
  const exporter = useExportReports(courseId);

  useEffect(() => {
    // A bookmarked page number may no longer exist (fewer learners now): show the last page instead.
    if (!page || items.length > 0 || total === 0) return;
    const { pages } = pagerSummary(view.page, view.pageSize, total);
    if (view.page > pages) onViewChange({ page: pages });
  }, [page, items.length, total, view.page, view.pageSize, onViewChange]);

  function updateSelection(next: LearnerSelection) {
    setState({ filters: currentFilters, selection: next });
  }

  function handleSelectAllPages(selected: boolean) {
    updateSelection(selected ? allPages : emptySelection);
  }

  function handleClearSelection() {
    updateSelection(emptySelection);
  }

  function handleExport(format: ExportFormat) {
    if (!serverSelection) return;
    const key = "center-export";
    void message.open({ key, type: "loading", content: t("center.export.preparing", { count }), duration: 0 });
    exporter.mutate(
      { selection: serverSelection, format, lang: currentLocale() },
      {
        onSuccess: ({ fileName }) => {
          void message.open({ key, type: "success", content: t("center.export.done", { fileName }) });
        },
        onError: (error) => {
          const text =
            error instanceof ApiError && error.status === 400
              ? t("center.export.refused", { max: maxExport })
              : t("center.export.failed");
          void message.open({ key, type: "error", content: text, duration: 8 });
        },
      },
    );
  }

  function handlePagerChange(nextPage: number, pageSize: number) {
    onViewChange({ page: nextPage, pageSize });
  }

  const handleTableChange: TableProps<TutoredLearner>["onChange"] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== "sort" || Array.isArray(sorter)) return;
    const sort = (sorter.columnKey as CenterSort | undefined) ?? "name";
    onViewChange({ sort, order: sorter.order === "descend" ? "desc" : "asc", page: 1 });
  };

  function sortOrder(column: CenterSort): SortOrder | null {
    if (view.sort !== column) return null;
    return view.order === "desc" ? "descend" : "ascend";
  }

  const columns: TableColumnsType<TutoredLearner> = [
    {
      key: "name",
      title: t("center.table.user"),
      sorter: true,
      sortOrder: sortOrder("name"),
      sortDirections,
      render: (_value, learner) => <span className="learner-name">{learnerName(learner)}</span>,
    },
    {
      key: "status",
      title: t("center.table.status"),
      width: 132,
      sorter: true,
      sortOrder: sortOrder("status"),
      sortDirections,
      render: (_value, learner) => <EnrollmentStatusTag status={learner.status} />,
    },
    {
      key: "progress",
      title: t("center.table.progress"),
      width: 150,
      sorter: true,
      sortOrder: sortOrder("progress"),
      sortDirections,
      render: (_value, learner) => <ProgressCell percent={learner.progressPct} />,
    },
    {
      key: "time",
      title: t("center.table.time"),
      width: 156,
      sorter: true,
      sortOrder: sortOrder("time"),
      sortDirections,
      render: (_value, learner) => <span className="tabular">{formatDuration(learner.timeSpentSeconds)}</span>,
    },
    {
      key: "risk",
      title: t("center.table.risk"),
      width: 150,
      sorter: true,
      sortOrder: sortOrder("risk"),
      sortDirections,
      render: (_value, learner) => <RiskBadge learner={learner} inactivityDays={page?.inactivityDays ?? 0} />,
    },
    {
      key: "report",
      title: t("center.table.report"),
      width: 84,
      align: "center",
      render: (_value, learner) => (
        <Link
          to={learnerReportPath(courseId, learner.userId)}
          aria-label={t("center.table.reportLink", { name: learnerName(learner) })}
          title={t("center.table.reportLink", { name: learnerName(learner) })}
          className="icon-link"
        >
          <FileTextOutlined aria-hidden="true" />
        </Link>
      ),
    },
    {
      key: "certificate",
      title: t("center.table.certificate"),
      width: 104,
      align: "center",
      render: (_value, learner) => <CertificateCell courseId={courseId} learner={learner} />,
    },
  ];

  const rowSelection: TableProps<TutoredLearner>["rowSelection"] = {
    selectedRowKeys: items.filter((learner) => isSelected(selection, learner.userId)).map((l) => l.userId),
    preserveSelectedRowKeys: true,
    columnWidth: 48,
    onSelect: (learner, selected) => updateSelection(setSelected(selection, [learner.userId], selected)),
    getCheckboxProps: (learner) => ({ "aria-label": t("center.table.selectRow", { name: learnerName(learner) }) }),
    // The page's checkbox sits in the filter row, as in the source (and out of antd's hidden measuring row, which
    // copies the header and would hold a focusable copy of it).
    hideSelectAll: true,
    columnTitle: <span className="visually-hidden">{t("center.table.selection")}</span>,
  };
  const pageIds = items.map((learner) => learner.userId);
  const selectedOnPage = pageIds.filter((id) => isSelected(selection, id)).length;

  function handleSelectPage(event: CheckboxChangeEvent) {
    updateSelection(setSelected(selection, pageIds, event.target.checked));
  }

  const selectPage = (
    <Checkbox
      aria-label={t("center.table.selectPage")}
      checked={pageIds.length > 0 && selectedOnPage === pageIds.length}
      indeterminate={selectedOnPage > 0 && selectedOnPage < pageIds.length}
      disabled={pageIds.length === 0}
      onChange={handleSelectPage}
    />
  );

  const emptyText = isPending ? (
    <div style={{ height: 96 }} />
  ) : (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <strong>{t("center.table.emptyTitle")}</strong>
          <br />
          {t("center.table.emptyText")}
        </>
      }
    >
      {hasColumnFilters(view) ? <Button onClick={onClearFilters}>{t("center.filters.clear")}</Button> : null}
    </Empty>
  );

  return (
    <section aria-labelledby={titleId}>
      <Panel>
        <div className="center-table-header">
          <h2 id={titleId} ref={titleRef} tabIndex={-1} className="center-card-title" style={{ margin: 0 }}>
            {t("center.table.title")}
          </h2>
          <span className="center-table-tools">
            {hasColumnFilters(view) ? (
              <Button size="small" icon={<ClearOutlined />} onClick={onClearFilters}>
                {t("center.filters.clear")}
              </Button>
            ) : null}
            <LiveIndicator state={live} />
          </span>
        </div>
        {isError && !page ? (
          <QueryErrorResult title={t("center.table.loadError")} retrying={isFetching} onRetry={onRetry} />
        ) : (
          <>
            <FilterRowContext.Provider
              value={<LearnersFilterRow view={view} selectionCell={selectPage} onChange={onViewChange} />}
            >
              <Table<TutoredLearner>
                rowKey="userId"
                columns={columns}
                dataSource={items}
                components={tableComponents}
                rowSelection={rowSelection}
                loading={{ spinning: isFetching, delay: 300 }}
                pagination={false}
                onChange={handleTableChange}
                scroll={{ x: 980 }}
                locale={{ emptyText }}
              />
            </FilterRowContext.Provider>
            <SelectionBar
              selection={selection}
              count={count}
              total={total}
              exporting={exporter.isPending}
              onSelectAllPages={handleSelectAllPages}
              onClear={handleClearSelection}
              onExport={handleExport}
              actions={<LearnerActions courseId={courseId} selection={serverSelection} count={count} />}
            />
            <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }}>
              <TablePager
                page={view.page}
                pageSize={view.pageSize}
                total={total}
                pageSizeOptions={centerPageSizes}
                onChange={handlePagerChange}
              />
            </div>
          </>
        )}
      </Panel>
    </section>
  );
}
