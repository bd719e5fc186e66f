import { PaperClipOutlined } from "@ant-design/icons";
import { Empty, Segmented, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MissionQueueItem } from "../../../../common/api/missions.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import type { MissionQueue } from "../../api/tutoring.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { TablePager } from "../../components/TablePager.js";
import { missionPath } from "../tutoring-center/centerPaths.js";
import { learnerName } from "../tutoring-center/learnerName.js";
import type { MissionStatusFilter, MissionsView } from "./missionsView.js";
import { VerdictTag } from "./VerdictTag.js";

export interface MissionsQueueTableProps {
  title: string;
  view: MissionsView;
  data: MissionQueue | undefined;
  isPending: boolean;
  isFetching: boolean;
  isError: boolean;
  /** The global queue spans courses: show which one. */
  showCourse?: boolean;
  onRetry: () => void;
  onViewChange: (patch: Partial<MissionsView>) => void;
}

/** A queue of mission submissions (T7): pending ones oldest first, each opening the submission to correct. */
export function MissionsQueueTable({
  title,
  view,
  data,
  isPending,
  isFetching,
  isError,
  showCourse = false,
  onRetry,
  onViewChange,
}: MissionsQueueTableProps) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentUser();

  function handleStatusChange(status: MissionStatusFilter) {
    onViewChange({ status, page: 1 });
  }

  function handlePagerChange(page: number, pageSize: number) {
    onViewChange({ page, pageSize });
  }

  const columns: TableColumnsType<MissionQueueItem> = [
    {
      key: "learner",
      title: t("missions.learner"),
      width: 180,
      render: (_value, item) => (
        <Link to={missionPath(item.course.id, item.submissionId)} className="learner-name">
          {learnerName(item.learner)}
        </Link>
      ),
    },
    ...(showCourse
      ? [
          {
            key: "course",
            title: t("missions.course"),
            render: (_value: unknown, item: MissionQueueItem) => item.course.name,
          },
        ]
      : []),
    { key: "lesson", title: t("missions.lesson"), render: (_value, item) => item.lesson.title },
    {
      key: "attempt",
      title: t("missions.attempt"),
      width: 80,
      align: "center",
      render: (_value, item) => item.attemptNumber,
    },
    {
      key: "submittedAt",
      title: t("missions.submittedAt"),
      width: 160,
      render: (_value, item) => <span className="tabular">{formatDateTime(item.submittedAt, timeZone)}</span>,
    },
    {
      key: "files",
      title: t("missions.files"),
      width: 90,
      align: "center",
      render: (_value, item) =>
        item.files > 0 ? (
          <span>
            <PaperClipOutlined aria-hidden="true" /> {item.files}
          </span>
        ) : (
          <span className="muted">0</span>
        ),
    },
    {
      key: "correction",
      title: t("missions.correction"),
      width: 180,
      render: (_value, item) => (
        <VerdictTag verdict={item.correction?.verdict ?? null} score={item.correction?.score ?? null} />
      ),
    },
    {
      key: "action",
      title: t("missions.action"),
      width: 120,
      render: (_value, item) => (
        <Link to={missionPath(item.course.id, item.submissionId)}>
          {item.correction ? t("missions.open") : t("missions.correct")}
          <span className="visually-hidden">{` — ${learnerName(item.learner)}`}</span>
        </Link>
      ),
    },
  ];

  return (
    <TableCard
      title={title}
      tools={
        <Segmented<MissionStatusFilter>
          aria-label={t("missions.statusFilter")}
          value={view.status}
          onChange={handleStatusChange}
          options={[
            { value: "pending", label: t("missions.status.pending") },
            { value: "corrected", label: t("missions.status.corrected") },
            { value: "all", label: t("missions.status.all") },
          ]}
        />
      }
    >
      {isError && !data ? (
        <QueryErrorResult title={t("missions.loadError")} retrying={isFetching} onRetry={onRetry} />
      ) : (
        <>
          <Table<MissionQueueItem>
            rowKey="submissionId"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={{ spinning: isFetching, delay: 300 }}
            pagination={false}
            scroll={{ x: 860 }}
            locale={{
              emptyText: isPending ? (
                <div style={{ height: 96 }} />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={view.status === "pending" ? t("missions.emptyPending") : t("missions.empty")}
                />
              ),
            }}
          />
          <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }}>
            <TablePager
              page={view.page}
              pageSize={view.pageSize}
              total={data?.total ?? 0}
              onChange={handlePagerChange}
            />
          </div>
        </>
      )}
    </TableCard>
  );
}
