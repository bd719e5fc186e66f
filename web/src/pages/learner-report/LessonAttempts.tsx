import { Table, type TableColumnsType } from "antd";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { reportAttemptSchema, reportLessonSchema } from "../../../../common/api/tutoring.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { LessonStatusTag } from "../../components/LessonStatusTag.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { RowActionsButton } from "./RowActionsButton.js";
import { useFormatScore } from "./useFormatScore.js";

export type ReportLesson = z.infer<typeof reportLessonSchema>;
export type ReportAttempt = z.infer<typeof reportAttemptSchema>;

export interface LessonAttemptsProps {
  lesson: ReportLesson;
  timeZone: string;
  onDeleteAttempt: (lesson: ReportLesson, attempt: ReportAttempt) => void;
}

const tabular = { fontVariantNumeric: "tabular-nums" } as const;

/** A lesson's attempts, shown when its row of `Composition du cours` is expanded (R3b). */
export function LessonAttempts({ lesson, timeZone, onDeleteAttempt }: LessonAttemptsProps) {
  const { t } = useTranslation();
  const formatScore = useFormatScore();
  const caption = t("report.attempts.caption", { lesson: lesson.title });

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
    <Table<ReportAttempt>
      rowKey="number"
      size="small"
      columns={columns}
      dataSource={lesson.attempts}
      pagination={false}
      components={{ table: (props: ComponentProps<"table">) => <table {...props} aria-label={caption} /> }}
      locale={{ emptyText: t("report.attempts.empty") }}
      style={{ margin: "4px 0 4px 36px", maxWidth: 880 }}
    />
  );
}
