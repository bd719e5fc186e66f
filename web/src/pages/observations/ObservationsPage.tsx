import { SearchOutlined } from "@ant-design/icons";
import { Empty, Input, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { z } from "zod";
import type { observationTodoSchema } from "../../../../common/api/observations.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { ApiError } from "../../api/client.js";
import { useObservationTodos, useTutoringCourse } from "../../api/tutoring.js";
import { courseCenterPath, courseDetailPath, coursesListPath } from "../../app/navigation.js";
import { PageHeader } from "../../components/PageHeader.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { TablePager } from "../../components/TablePager.js";
import { CourseNotFound } from "../tutoring-center/CourseNotFound.js";
import { observationFormPath } from "../tutoring-center/centerPaths.js";
import { formatScore } from "../tutoring-center/formatScore.js";
import { learnerName } from "../tutoring-center/learnerName.js";
import { useDebouncedField } from "../tutoring-center/useDebouncedField.js";
import { LessonStatusTag } from "./LessonStatusTag.js";
import { useObservationsView } from "./observationsView.js";
import "../tutoring-center/tutoringCenter.css";

type ObservationTodo = z.infer<typeof observationTodoSchema>;

function parseSearch(text: string): string {
  return text.trim().slice(0, 200);
}

function identity(text: string): string {
  return text;
}

/** `… > Centre de tutorat > Observations à faire` (T8): learners whose observation is not passed yet. */
export function ObservationsPage() {
  const { t, i18n } = useTranslation();
  const { timeZone } = useCurrentUser();
  const { courseId = "" } = useParams();
  const [view, updateView] = useObservationsView();
  const course = useTutoringCourse(courseId);
  const todos = useObservationTodos(courseId, {
    page: view.page,
    pageSize: view.pageSize,
    ...(view.q ? { q: view.q } : {}),
  });
  const search = useDebouncedField(view.q, parseSearch, identity, (q) => updateView({ q, page: 1 }));

  if (
    (course.error instanceof ApiError && course.error.status === 404) ||
    (todos.error instanceof ApiError && todos.error.status === 404)
  ) {
    return <CourseNotFound />;
  }

  function handlePagerChange(page: number, pageSize: number) {
    updateView({ page, pageSize });
  }

  function handleRetry() {
    void todos.refetch();
  }

  const columns: TableColumnsType<ObservationTodo> = [
    {
      key: "learner",
      title: t("observations.learner"),
      render: (_value, item) => (
        <Link to={observationFormPath(courseId, item.lesson.id, item.learner.id)} className="learner-name">
          {learnerName(item.learner)}
        </Link>
      ),
    },
    { key: "lesson", title: t("observations.lesson"), render: (_value, item) => item.lesson.title },
    {
      key: "status",
      title: t("observations.statusTitle"),
      width: 150,
      render: (_value, item) => <LessonStatusTag status={item.status} />,
    },
    {
      key: "attempts",
      title: t("observations.attempts"),
      width: 90,
      align: "center",
      render: (_value, item) => item.attempts,
    },
    {
      key: "lastScore",
      title: t("observations.lastScore"),
      width: 130,
      render: (_value, item) =>
        item.lastScore === null ? (
          <span className="muted">{t("observations.na")}</span>
        ) : (
          formatScore(item.lastScore, i18n.language)
        ),
    },
    {
      key: "lastObservedAt",
      title: t("observations.lastObservedAt"),
      width: 170,
      render: (_value, item) => <span className="tabular">{formatDateTime(item.lastObservedAt, timeZone)}</span>,
    },
    {
      key: "action",
      title: t("observations.action"),
      width: 130,
      render: (_value, item) => (
        <Link to={observationFormPath(courseId, item.lesson.id, item.learner.id)}>
          {t("observations.observe")}
          <span className="visually-hidden">{` — ${learnerName(item.learner)}`}</span>
        </Link>
      ),
    },
  ];

  const title = t("observations.title");
  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={[
          t("nav.tutoring"),
          { label: t("nav.courses"), to: coursesListPath() },
          { label: course.data?.name ?? "…", to: courseDetailPath(courseId) },
          { label: t("center.title"), to: courseCenterPath(courseId) },
          title,
        ]}
      />
      <TableCard
        title={t("observations.tableTitle")}
        tools={
          <Input
            type="search"
            allowClear
            prefix={<SearchOutlined aria-hidden="true" />}
            value={search.text}
            onChange={(event) => search.setText(event.target.value)}
            onKeyDown={(event) => event.key === "Enter" && search.commit()}
            placeholder={t("observations.searchPlaceholder")}
            aria-label={t("observations.searchLabel")}
            style={{ width: 280, maxWidth: "100%" }}
          />
        }
      >
        {todos.isError && !todos.data ? (
          <QueryErrorResult title={t("observations.loadError")} retrying={todos.isFetching} onRetry={handleRetry} />
        ) : (
          <>
            <Table<ObservationTodo>
              rowKey={(item) => `${item.lesson.id}:${item.learner.id}`}
              columns={columns}
              dataSource={todos.data?.items ?? []}
              loading={{ spinning: todos.isFetching, delay: 300 }}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{
                emptyText: todos.isPending ? (
                  <div style={{ height: 96 }} />
                ) : (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={view.q ? t("observations.noMatch", { q: view.q }) : t("observations.empty")}
                  />
                ),
              }}
            />
            <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }}>
              <TablePager
                page={view.page}
                pageSize={view.pageSize}
                total={todos.data?.total ?? 0}
                onChange={handlePagerChange}
              />
            </div>
          </>
        )}
      </TableCard>
    </>
  );
}
