import { Empty, Progress, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyCourse } from "../../../../common/api/learner.js";
import { formatDateTime, formatDuration } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { learnerPaths, useMyCourses } from "../../api/learner.js";
import { EnrollmentStatusTag } from "../../components/EnrollmentStatusTag.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { OpenCoursesCard } from "./OpenCoursesCard.js";

/**
 * `Mes formations`: the signed-in learner's courses with status, progress, time spent and objective
 * date, each opening its course page; below, the catalogue courses open to them, to enroll in.
 */
export function MyCoursesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const courses = useMyCourses();

  function handleRetry() {
    void courses.refetch();
  }

  const columns: TableColumnsType<MyCourse> = [
    {
      key: "name",
      dataIndex: "name",
      title: t("myCourses.course"),
      sorter: (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }),
      render: (_value, course) => <Link to={learnerPaths.course(course.courseId)}>{course.name}</Link>,
    },
    {
      key: "status",
      title: t("myCourses.status"),
      width: 150,
      render: (_value, course) => <EnrollmentStatusTag status={course.status} />,
    },
    {
      key: "progress",
      title: t("myCourses.progress"),
      width: 200,
      sorter: (a, b) => a.progressPct - b.progressPct,
      render: (_value, course) => (
        <Progress
          percent={course.progressPct}
          size="small"
          status={course.status === "completed" ? "success" : "normal"}
          format={(percent) => t("myCourses.progressValue", { value: percent ?? 0 })}
          aria-label={t("myCourses.progress")}
        />
      ),
    },
    {
      key: "time",
      title: t("myCourses.timeSpent"),
      width: 150,
      sorter: (a, b) => a.timeSpentSeconds - b.timeSpentSeconds,
      render: (_value, course) => (
        <span style={{ fontVariantNumeric: "tabular-nums" }}>{formatDuration(course.timeSpentSeconds)}</span>
      ),
    },
    {
      key: "objective",
      title: t("myCourses.objective"),
      width: 170,
      render: (_value, course) => (
        <span style={{ fontVariantNumeric: "tabular-nums" }}>{formatDateTime(course.objectiveAt, user.timeZone)}</span>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t("myCourses.title")} breadcrumb={[]} />
      <TableCard title={t("myCourses.tableTitle")}>
        {courses.isError && !courses.data ? (
          <QueryErrorResult title={t("myCourses.loadError")} retrying={courses.isFetching} onRetry={handleRetry} />
        ) : (
          <Table<MyCourse>
            rowKey="courseId"
            columns={columns}
            dataSource={courses.data?.items ?? []}
            loading={{ spinning: courses.isPending, delay: 200 }}
            pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{
              emptyText: courses.isPending ? (
                <div style={{ height: 96 }} />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    <>
                      <strong>{t("myCourses.emptyTitle")}</strong>
                      <br />
                      {t("myCourses.emptyText")}
                    </>
                  }
                />
              ),
            }}
          />
        )}
      </TableCard>
      {courses.data && courses.data.catalogue.length > 0 ? <OpenCoursesCard courses={courses.data.catalogue} /> : null}
    </>
  );
}
