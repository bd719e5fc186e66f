import { SearchOutlined } from "@ant-design/icons";
import { Button, type Input, Table, type TableColumnsType, type TableProps } from "antd";
import SearchModule from "antd/es/input/Search.js";
import { type ChangeEvent, type KeyboardEvent, type MouseEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import type { TutoredCourse } from "../../../../common/api/courses.js";
import { ApiError } from "../../api/client.js";
import { useTutoredCourses } from "../../api/courses.js";
import { useFolderTree } from "../../api/coursesDetail.js";
import { commonJsDefault } from "../../app/commonJsDefault.js";
import { courseDetailPath, rememberCoursesListSearch } from "../../app/navigation.js";
import { PageHeader } from "../../components/PageHeader.js";
import { pagerSummary } from "../../components/pagerSummary.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { TablePager } from "../../components/TablePager.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { ForbiddenPage } from "../forbidden/ForbiddenPage.js";
import { type ActiveFilterKey, ActiveFilters } from "./ActiveFilters.js";
import { CourseRowActions } from "./CourseRowActions.js";
import { CoursesEmptyState } from "./CoursesEmptyState.js";
import { CoursesFilterButton, type CoursesFilters } from "./CoursesFilterButton.js";
import { type CoursesView, coursesViewToQuery, useCoursesView } from "./coursesView.js";
import { FolderTree } from "./FolderTree.js";
import "./tutoredCourses.css";

// The search box alone: antd's Input index attaches TextArea, Password and OTP to it (~5 kB gzip more).
const Search = commonJsDefault<typeof Input.Search>(SearchModule);

// Long enough not to query on every keystroke, short enough to feel live.
const searchDelayMs = 350;

type SortOrder = "ascend" | "descend";

function toAntdOrder(view: CoursesView, column: CoursesView["sort"]): SortOrder | null {
  if (view.sort !== column) return null;
  return view.order === "desc" ? "descend" : "ascend";
}

/** Id of a row's course name, which describes the row's ⋮ button. */
function courseNameId(courseId: string): string {
  return `course-name-${courseId}`;
}

// Clicks and keys on the row's own controls (⋮ menu) are theirs, not the row's.
function fromControl(event: MouseEvent | KeyboardEvent): boolean {
  return (
    event.target !== event.currentTarget && (event.target as Element).closest("button, a, input, [role=menu]") !== null
  );
}

/** `Tutorat > Formations` (C1–C5b): folder tree, and the courses the tutor tutors, paged, sorted, filtered by the server. */
export function TutoredCoursesPage() {
  const { t } = useTranslation();
  const [view, updateView] = useCoursesView();
  const courses = useTutoredCourses(coursesViewToQuery(view));
  const folders = useFolderTree();
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    // Deeper screens' `Formations` crumb brings the user back to this exact view.
    rememberCoursesListSearch(location.search);
  }, [location.search]);
  const [search, setSearch] = useState(view.q);
  // The last search this page wrote to the URL, to tell our own updates from back/forward navigation.
  const committedSearch = useRef(view.q);

  useEffect(() => {
    if (view.q === committedSearch.current) return;
    committedSearch.current = view.q;
    setSearch(view.q);
  }, [view.q]);

  useEffect(() => {
    const next = search.trim();
    if (next === committedSearch.current) return;
    const timer = window.setTimeout(() => {
      committedSearch.current = next;
      // Refining a search replaces the history entry; starting one adds an entry to go back to.
      updateView({ q: next, page: 1 }, { replace: view.q !== "" && next !== "" });
    }, searchDelayMs);
    return () => window.clearTimeout(timer);
  }, [search, view.q, updateView]);

  const total = courses.data?.total ?? 0;
  const itemsOnPage = courses.data?.items.length ?? 0;
  useEffect(() => {
    // A bookmarked page number may no longer exist (fewer courses now): show the last page instead.
    if (courses.isPlaceholderData || itemsOnPage > 0 || total === 0) return;
    const { pages } = pagerSummary(view.page, view.pageSize, total);
    if (view.page > pages) updateView({ page: pages }, { replace: true });
  }, [courses.isPlaceholderData, itemsOnPage, total, view.page, view.pageSize, updateView]);

  if (courses.error instanceof ApiError && courses.error.status === 403) return <ForbiddenPage />;

  function handleSearchChange(event: ChangeEvent<HTMLInputElement>) {
    setSearch(event.target.value);
  }

  function handleSearchSubmit(value: string) {
    const next = value.trim();
    if (next === view.q) return;
    committedSearch.current = next;
    updateView({ q: next, page: 1 });
  }

  function handleClearSearch() {
    setSearch("");
    committedSearch.current = "";
    updateView({ q: "", page: 1 });
  }

  function handlePagerChange(page: number, pageSize: number) {
    updateView({ page, pageSize });
  }

  function handleRetry() {
    void courses.refetch();
  }

  function handleSelectFolder(folder: string) {
    if (folder === view.folder) return;
    updateView({ folder, page: 1 });
  }

  function handleRemoveFilter(key: ActiveFilterKey) {
    updateView({ [key]: "", page: 1 });
  }

  function handleFiltersChange(filters: CoursesFilters) {
    updateView({ ...filters, page: 1 });
  }

  function handleClearFilters() {
    setSearch("");
    committedSearch.current = "";
    updateView({ folder: "", course: "", list: "", q: "", page: 1 });
  }

  function openCourse(course: TutoredCourse) {
    void navigate(courseDetailPath(course.id));
  }

  function rowProps(course: TutoredCourse) {
    return {
      tabIndex: 0,
      className: "course-row",
      onDoubleClick: (event: MouseEvent) => {
        if (!fromControl(event)) openCourse(course);
      },
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === "Enter" && event.target === event.currentTarget) {
          event.preventDefault();
          openCourse(course);
        }
      },
    };
  }

  const folderName = view.folder ? folders.data?.folders.find((f) => f.id === view.folder)?.name : undefined;
  const narrowed = Boolean(view.folder || view.course || view.list);

  const handleTableChange: TableProps<TutoredCourse>["onChange"] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== "sort" || Array.isArray(sorter)) return;
    const column = sorter.columnKey === "list" ? "list" : "name";
    updateView({ sort: column, order: sorter.order === "descend" ? "desc" : "asc", page: 1 });
  };

  // The server always sorts (by name when nothing else is asked), so one column always shows an order:
  // clicking it toggles ascending/descending instead of cycling through "unsorted".
  const sortDirections: SortOrder[] = ["ascend", "descend", "ascend"];
  const columns: TableColumnsType<TutoredCourse> = [
    {
      key: "name",
      dataIndex: "name",
      title: t("courses.course"),
      render: (_value, course) => <span id={courseNameId(course.id)}>{course.name}</span>,
      sorter: true,
      sortOrder: toAntdOrder(view, "name"),
      sortDirections,
    },
    {
      key: "list",
      title: t("courses.list"),
      sorter: true,
      sortOrder: toAntdOrder(view, "list"),
      sortDirections,
      width: "35%",
      render: (_value, course) => (course.everyone ? t("courses.everyone") : course.lists.join(", ")),
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("courseList.actions")}</VisuallyHidden>,
      width: 56,
      align: "center",
      render: (_value, course) => <CourseRowActions courseId={course.id} nameId={courseNameId(course.id)} />,
    },
  ];

  return (
    <>
      <PageHeader title={t("courses.title")} breadcrumb={[t("nav.tutoring"), t("nav.courses")]} />
      <div className="courses-layout">
        <div style={{ minWidth: 0 }}>
          <FolderTree selected={view.folder} onSelect={handleSelectFolder} />
        </div>
        <div style={{ minWidth: 0 }}>
          <TableCard
            title={t("courses.tableTitle")}
            tools={
              <div style={{ display: "flex", alignItems: "center", gap: 8, flexWrap: "wrap" }}>
                <Search
                  value={search}
                  onChange={handleSearchChange}
                  onSearch={handleSearchSubmit}
                  allowClear
                  enterButton={<Button icon={<SearchOutlined />} aria-label={t("courses.searchButton")} />}
                  placeholder={t("courses.searchPlaceholder")}
                  aria-label={t("courses.searchLabel")}
                  style={{ width: 280, maxWidth: "100%" }}
                  type="search"
                />
                <CoursesFilterButton value={{ course: view.course, list: view.list }} onChange={handleFiltersChange} />
              </div>
            }
          >
            <ActiveFilters
              folderName={folderName}
              course={view.course}
              list={view.list}
              onRemove={handleRemoveFilter}
              onClearAll={handleClearFilters}
            />
            {courses.isError && !courses.data ? (
              <QueryErrorResult title={t("courses.loadError")} retrying={courses.isFetching} onRetry={handleRetry} />
            ) : (
              <>
                <Table<TutoredCourse>
                  rowKey="id"
                  columns={columns}
                  dataSource={courses.data?.items ?? []}
                  // Only dim the table when the server is slow: a flash on every fast page change is noise.
                  loading={{ spinning: courses.isFetching, delay: 200 }}
                  pagination={false}
                  onChange={handleTableChange}
                  onRow={rowProps}
                  locale={{
                    emptyText: courses.isPending ? (
                      <div style={{ height: 96 }} />
                    ) : (
                      <CoursesEmptyState
                        search={view.q}
                        narrowed={narrowed}
                        onClearSearch={handleClearSearch}
                        onClearFilters={handleClearFilters}
                      />
                    ),
                  }}
                />
                <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }}>
                  <TablePager page={view.page} pageSize={view.pageSize} total={total} onChange={handlePagerChange} />
                  {total > 0 ? (
                    <p style={{ margin: "8px 0 0", fontSize: 13, color: "rgba(0, 0, 0, 0.62)" }}>
                      {t("courseList.rowHint")}
                    </p>
                  ) : null}
                </div>
              </>
            )}
          </TableCard>
        </div>
      </div>
    </>
  );
}
