import { useCallback } from "react";
import { useSearchParams } from "react-router";
import type { TutoredCoursesQuery } from "../../../../common/api/courses.js";
import { defaultPageSizeOptions } from "../../components/TablePager.js";

/** What the `Formations` screen shows; kept in the URL so it survives reload, back and sharing. */
export interface CoursesView {
  page: number;
  pageSize: number;
  sort: "name" | "list";
  order: "asc" | "desc";
  q: string;
  /** Folder of the tree (its sub-folders included); empty for "all". */
  folder: string;
  /** Filter panel: on the course name, and on the learner list name ("Everyone" for courses open to all). */
  course: string;
  list: string;
}

export const defaultCoursesView: CoursesView = {
  page: 1,
  pageSize: 25,
  sort: "name",
  order: "asc",
  q: "",
  folder: "",
  course: "",
  list: "",
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(value: string | null): string {
  return (value ?? "").trim().slice(0, 200);
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d{1,7}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

/** Reads the view from the query string; anything unknown or malformed falls back to the default. */
export function parseCoursesView(params: URLSearchParams): CoursesView {
  const size = positiveInt(params.get("pageSize"));
  const sort = params.get("sort");
  const order = params.get("order");
  return {
    page: positiveInt(params.get("page")) ?? defaultCoursesView.page,
    pageSize: size !== null && defaultPageSizeOptions.some((s) => s === size) ? size : defaultCoursesView.pageSize,
    sort: sort === "list" || sort === "name" ? sort : defaultCoursesView.sort,
    order: order === "desc" || order === "asc" ? order : defaultCoursesView.order,
    q: text(params.get("q")),
    folder: uuidPattern.test(params.get("folder") ?? "") ? (params.get("folder") ?? "") : "",
    course: text(params.get("course")),
    list: text(params.get("list")),
  };
}

/** Writes the view as a query string, leaving defaults out so the plain URL stays plain. */
export function coursesViewToParams(view: CoursesView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.folder) params.set("folder", view.folder);
  if (view.course) params.set("course", view.course);
  if (view.list) params.set("list", view.list);
  if (view.q) params.set("q", view.q);
  if (view.sort !== defaultCoursesView.sort || view.order !== defaultCoursesView.order) {
    params.set("sort", view.sort);
    params.set("order", view.order);
  }
  if (view.pageSize !== defaultCoursesView.pageSize) params.set("pageSize", String(view.pageSize));
  if (view.page !== defaultCoursesView.page) params.set("page", String(view.page));
  return params;
}

/** The API query for a view. */
export function coursesViewToQuery(view: CoursesView): TutoredCoursesQuery {
  return {
    page: view.page,
    pageSize: view.pageSize,
    sort: view.sort,
    order: view.order,
    ...(view.q ? { q: view.q } : {}),
    ...(view.course ? { course: view.course } : {}),
    ...(view.list ? { list: view.list } : {}),
    ...(view.folder ? { folderId: view.folder } : {}),
  };
}

/** The current view and a function to change part of it (each change is a history entry unless `replace`). */
export function useCoursesView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = parseCoursesView(searchParams);
  const updateView = useCallback(
    (patch: Partial<CoursesView>, options?: { replace?: boolean }) => {
      setSearchParams((previous) => coursesViewToParams({ ...parseCoursesView(previous), ...patch }), options);
    },
    [setSearchParams],
  );
  return [view, updateView] as const;
}
