import { DownOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { LessonStatusTag } from "../../components/LessonStatusTag.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { LessonAttempts, type ReportAttempt, type ReportLesson } from "./LessonAttempts.js";
import { LessonTypeIcon } from "./LessonTypeIcon.js";
import { RowActionsButton } from "./RowActionsButton.js";
import { useFormatScore } from "./useFormatScore.js";

export interface CourseCompositionProps {
  courseId: string;
  learnerId: string;
  lessons: ReportLesson[];
  timeZone: string;
  loading: boolean;
  onEditStats: (lesson: ReportLesson) => void;
  onDeleteAttempt: (lesson: ReportLesson, attempt: ReportAttempt) => void;
}

const tabular = { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" } as const;

/** `Composition du cours` (R3): one row per lesson, `n.a.` where a value does not apply; rows expand to attempts. */
export function CourseComposition({
  courseId,
  learnerId,
  lessons,
  timeZone,
  loading,
  onEditStats,
  onDeleteAttempt,
}: CourseCompositionProps) {
  const { t } = useTranslation();
  const formatScore = useFormatScore();

  const columns: TableColumnsType<ReportLesson> = [
    {
      key: "lesson",
      title: t("report.composition.lesson"),
      render: (_value, lesson) => (
        <span style={{ display: "inline-flex", alignItems: "center", gap: 10 }}>
          <LessonTypeIcon type={lesson.type} />
          <span>{lesson.title}</span>
        </span>
      ),
    },
    {
      key: "status",
      title: t("report.composition.status"),
      width: 110,
      render: (_value, lesson) => <LessonStatusTag status={lesson.status} />,
    },
    {
      key: "score",
      title: t("report.composition.score"),
      align: "right",
      width: 70,
      render: (_value, lesson) => <span style={tabular}>{formatScore(lesson.score)}</span>,
    },
    {
      key: "avgScore",
      title: t("report.composition.avgScore"),
      align: "right",
      width: 106,
      render: (_value, lesson) => <span style={tabular}>{formatScore(lesson.avgScore)}</span>,
    },
    {
      key: "passingScore",
      title: t("report.composition.passingScore"),
      align: "right",
      width: 86,
      render: (_value, lesson) => <span style={tabular}>{formatScore(lesson.passingScore)}</span>,
    },
    {
      key: "attempts",
      title: t("report.composition.attempts"),
      align: "right",
      width: 66,
      render: (_value, lesson) => <span style={tabular}>{lesson.attemptsCount}</span>,
    },
    {
      key: "timeSpent",
      title: t("report.composition.timeSpent"),
      align: "right",
      width: 108,
      render: (_value, lesson) => <span style={tabular}>{formatDuration(lesson.timeSpentSeconds)}</span>,
    },
    {
      key: "statusAt",
      title: t("report.composition.statusAt"),
      width: 148,
      render: (_value, lesson) => <span style={tabular}>{formatDateTime(lesson.statusAt, timeZone)}</span>,
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("report.composition.actions")}</VisuallyHidden>,
      width: 56,
      align: "center",
      render: (_value, lesson) => (
        <RowActionsButton
          label={t("report.menu.lessonActions", { lesson: lesson.title })}
          items={[{ key: "edit", label: t("report.menu.editStats") }]}
          onSelect={() => onEditStats(lesson)}
        />
      ),
    },
  ];

  return (
    <Table<ReportLesson>
      rowKey="lessonId"
      size="middle"
      columns={columns.map((column) => ({ ...column, onHeaderCell: () => ({ style: { whiteSpace: "nowrap" } }) }))}
      dataSource={lessons}
      pagination={false}
      loading={{ spinning: loading, delay: 200 }}
      scroll={{ x: 960 }}
      expandable={{
        rowExpandable: (lesson) => lesson.attemptsTotal > 0,
        columnWidth: 48,
        expandIcon: ({ expanded, expandable, record, onExpand }) =>
          expandable ? (
            <Button
              type="text"
              size="small"
              icon={expanded ? <DownOutlined /> : <RightOutlined />}
              aria-expanded={expanded}
              aria-label={t("report.attempts.toggle", { lesson: record.title, count: record.attemptsTotal })}
              title={t(expanded ? "report.attempts.hide" : "report.attempts.show")}
              onClick={(event) => onExpand(record, event)}
            />
          ) : null,
        expandedRowRender: (lesson) => (
          <LessonAttempts
            courseId={courseId}
            learnerId={learnerId}
            lesson={lesson}
            timeZone={timeZone}
            onDeleteAttempt={onDeleteAttempt}
          />
        ),
      }}
      locale={{ emptyText: t("report.composition.empty") }}
    />
  );
}
