import { Alert, Button, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { OpenCourse } from "../../../../common/api/learner.js";
import { formatDuration } from "../../../../common/format.js";
import { learnerPaths, useEnroll } from "../../api/learner.js";
import { useFeedback } from "../../app/feedback.js";
import { TableCard } from "../../components/TableCard.js";

export interface OpenCoursesCardProps {
  courses: OpenCourse[];
}

/** `Catalogue`: the courses open to the learner that they can enroll in themselves (free enrollment). */
export function OpenCoursesCard({ courses }: OpenCoursesCardProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const enroll = useEnroll();
  const [pending, setPending] = useState<string | null>(null);

  function handleEnroll(course: OpenCourse) {
    setPending(course.courseId);
    enroll.mutate(course.courseId, {
      onSuccess: () => {
        void message.success(t("learner.enrolled", { name: course.name }));
        void navigate(learnerPaths.course(course.courseId));
      },
      onSettled: () => setPending(null),
    });
  }

  const columns: TableColumnsType<OpenCourse> = [
    {
      key: "name",
      title: t("myCourses.course"),
      render: (_value, course) => (
        <div>
          <Link to={learnerPaths.course(course.courseId)}>{course.name}</Link>
          {course.description ? (
            <div style={{ color: "rgba(0, 0, 0, 0.65)", fontSize: 13, marginTop: 2 }}>{course.description}</div>
          ) : null}
        </div>
      ),
    },
    {
      key: "lessons",
      title: t("learner.lessonsCount"),
      width: 110,
      render: (_value, course) => <span style={{ fontVariantNumeric: "tabular-nums" }}>{course.lessons}</span>,
    },
    {
      key: "duration",
      title: t("learner.duration"),
      width: 130,
      render: (_value, course) => (
        <span style={{ fontVariantNumeric: "tabular-nums" }}>{formatDuration(course.durationSeconds)}</span>
      ),
    },
    {
      key: "action",
      title: t("learner.action"),
      width: 150,
      render: (_value, course) => (
        <Button
          type="primary"
          onClick={() => handleEnroll(course)}
          loading={pending === course.courseId}
          disabled={pending !== null && pending !== course.courseId}
          aria-label={t("learner.enrollIn", { name: course.name })}
        >
          {t("learner.enroll")}
        </Button>
      ),
    },
  ];

  return (
    <div style={{ marginTop: 24 }}>
      <TableCard title={t("learner.catalogueTitle")}>
        {enroll.isError ? (
          <Alert type="error" showIcon title={t("learner.enrollError")} style={{ margin: 16 }} />
        ) : null}
        <Table<OpenCourse>
          rowKey="courseId"
          columns={columns}
          dataSource={courses}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </TableCard>
    </div>
  );
}
