import { Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LearnerLessonRow } from "../../../../common/api/learner.js";
import { formatDuration } from "../../../../common/format.js";
import { learnerPaths } from "../../api/learner.js";
import { LessonStatusTag } from "../../components/LessonStatusTag.js";
import { LessonTypeIcon } from "../../components/LessonTypeIcon.js";
import { TableCard } from "../../components/TableCard.js";

export interface LearnerLessonsTableProps {
  courseId: string;
  lessons: LearnerLessonRow[];
  /** Not enrolled yet: titles are not links and no statistics are shown. */
  enrolled: boolean;
}

/** The course's lessons in order: type icon, title, status, score and time spent. */
export function LearnerLessonsTable({ courseId, lessons, enrolled }: LearnerLessonsTableProps) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const columns: TableColumnsType<LearnerLessonRow> = [
    {
      key: "position",
      title: t("learner.position"),
      width: 60,
      render: (_value, lesson) => <span style={{ fontVariantNumeric: "tabular-nums" }}>{lesson.position}</span>,
    },
    {
      key: "title",
      title: t("learner.lesson"),
      render: (_value, lesson) => (
        <span style={{ display: "inline-flex", alignItems: "center", gap: 12 }}>
          <LessonTypeIcon type={lesson.type} />
          {enrolled ? <Link to={learnerPaths.lesson(courseId, lesson.id)}>{lesson.title}</Link> : lesson.title}
        </span>
      ),
    },
  ];
  if (enrolled) {
    columns.push(
      {
        key: "status",
        title: t("myCourses.status"),
        width: 140,
        render: (_value, lesson) => <LessonStatusTag status={lesson.status} />,
      },
      {
        key: "score",
        title: t("learner.score"),
        width: 100,
        render: (_value, lesson) => (
          <span style={{ fontVariantNumeric: "tabular-nums" }}>
            {lesson.score === null ? "—" : t("learner.percent", { value: percent.format(lesson.score) })}
          </span>
        ),
      },
      {
        key: "time",
        title: t("myCourses.timeSpent"),
        width: 130,
        render: (_value, lesson) => (
          <span style={{ fontVariantNumeric: "tabular-nums" }}>{formatDuration(lesson.timeSpentSeconds)}</span>
        ),
      },
    );
  } else {
    columns.push({
      key: "duration",
      title: t("learner.duration"),
      width: 130,
      render: (_value, lesson) => (
        <span style={{ fontVariantNumeric: "tabular-nums" }}>{formatDuration(lesson.durationSeconds ?? 0)}</span>
      ),
    });
  }
  return (
    <TableCard title={t("learner.lessonsTitle")}>
      <Table<LearnerLessonRow> rowKey="id" columns={columns} dataSource={lessons} pagination={false} />
    </TableCard>
  );
}
