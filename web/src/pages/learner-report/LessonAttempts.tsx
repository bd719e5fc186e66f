import { Alert, Button, Table, type TableColumnsType } from "antd";
import { type ComponentProps, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import {
  ATTEMPTS_PAGE_SIZE,
  type reportAttemptSchema,
  type reportLessonSchema,
} from "../../../../common/api/tutoring.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { useLessonAttempts } from "../../api/reports.js";
import { LessonStatusTag } from "../../components/LessonStatusTag.js";
import { pagerSummary } from "../../components/pagerSummary.js";
import { TablePager } from "../../components/TablePager.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { RowActionsButton } from "./RowActionsButton.js";
import { useFormatScore } from "./useFormatScore.js";

export type ReportLesson = z.infer<typeof reportLessonSchema>;
export type ReportAttempt = z.infer<typeof reportAttemptSchema>;

export interface LessonAttemptsProps {
  courseId: string;
  learnerId: string;
  lesson: ReportLesson;
  timeZone: string;
  onDeleteAttempt: (lesson: ReportLesson, attempt: ReportAttempt) => void;
}

const tabular = { fontVariantNumeric: "tabular-nums" } as const;

/**
 * A lesson's attempts, shown when its row of `Composition du cours` is expanded (R3b), oldest first. The report brings
 * the first page; a pager under it loads the others when the lesson has more attempts than one page holds.
 */
export function LessonAttempts({ courseId, learnerId, lesson, timeZone, onDeleteAttempt }: LessonAttemptsProps) {
  const { t } = useTranslation();
  const formatScore = useFormatScore();
  const caption = t("report.attempts.caption", { lesson: lesson.title });
  const [requestedPage, setRequestedPage] = useState(1);
  // A deletion may leave fewer pages than the one shown: stay on the last one.
  const { pages } = pagerSummary(requestedPage, ATTEMPTS_PAGE_SIZE, lesson.attemptsTotal);
  const page = Math.min(requestedPage, pages);
  const later = useLessonAttempts(
    courseId,
    learnerId,
    lesson.lessonId,
    { page, pageSize: ATTEMPTS_PAGE_SIZE },
    page > 1,
  );
  // Until another page arrives, the rows shown stay on screen under the spinner.
  const attempts = page === 1 ? lesson.attempts : (later.data?.items ?? lesson.attempts);
  const total = page > 1 && later.data ? later.data.total : lesson.attemptsTotal;
  const loading = page > 1 && (later.isPending || later.isPlaceholderData);

  const columns: TableColumnsType<ReportAttempt> = [
    {
      key: "date",
      title: t("report.attempts.date"),
      render: (_value, attempt) => <span style={tabular}>{formatDateTime(attempt.date, timeZone)}</span>,
    },
    {
      key: "status",
      title: t("report.attempts.status"),
      render: (_value, attempt) => <LessonStatusTag status={attempt.status} />,
    },
    {
      key: "score",
      title: t("report.attempts.score"),
      align: "right",
      render: (_value, attempt) => <span style={tabular}>{formatScore(attempt.score)}</span>,
    },
    {
      key: "number",
      title: t("report.attempts.number"),
      align: "right",
      render: (_value, attempt) => <span style={tabular}>{attempt.number}</span>,
    },
    {
      key: "cumulative",
      title: t("report.attempts.cumulative"),
      align: "right",
      render: (_value, attempt) => <span style={tabular}>{formatDuration(attempt.cumulativeSeconds)}</span>,
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("report.attempts.actions")}</VisuallyHidden>,
      width: 56,
      align: "center",
      render: (_value, attempt) => (
        <RowActionsButton
          label={t("report.menu.attemptActions", { number: attempt.number })}
          items={[{ key: "delete", danger: true, label: t("report.menu.deleteAttempt") }]}
          onSelect={() => onDeleteAttempt(lesson, attempt)}
        />
      ),
    },
  ];

  return (
    <div style={{ margin: "4px 0 4px 36px", maxWidth: 880 }}>
      {page > 1 && later.isError && !later.data ? (
        <Alert
          type="error"
          showIcon
          message={t("report.attempts.loadError")}
          action={
            <Button size="small" loading={later.isFetching} onClick={() => void later.refetch()}>
              {t("report.attempts.retry")}
            </Button>
          }
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <Table<ReportAttempt>
        rowKey="number"
        size="small"
        columns={columns}
        dataSource={attempts}
        pagination={false}
        loading={{ spinning: loading, delay: 200 }}
        components={{ table: (props: ComponentProps<"table">) => <table {...props} aria-label={caption} /> }}
        locale={{ emptyText: t("report.attempts.empty") }}
      />
      {pages > 1 ? (
        <div style={{ padding: "8px 0" }}>
          {/* The page size is the server's fixed ATTEMPTS_PAGE_SIZE: no size selector. Named after the lesson, as
              several lessons' attempts can be open at once. */}
          <TablePager
            label={t("report.attempts.pager", { lesson: lesson.title })}
            page={page}
            pageSize={ATTEMPTS_PAGE_SIZE}
            total={total}
            showSizeChanger={false}
            onChange={setRequestedPage}
          />
        </div>
      ) : null}
    </div>
  );
}
