import { useCallback, useRef } from "react";
import { useSearchParams } from "react-router";
import type { LearnerFilters, TutoredLearnersQuery } from "../../../../common/api/tutoring.js";
import type { EnrollmentStatus, EnrollmentType } from "../../../../common/enums.js";

export const centerPageSizes = [5, 10, 25, 50, 100] as const;

export type CenterSort = "name" | "status" | "progress" | "time" | "risk";

/** What the tutoring center shows; kept in the URL so it survives reload, back and sharing. */
export interface CenterView {
  enrollmentType: EnrollmentType | null;
  status: EnrollmentStatus | null;
  q: string;
  progressMin: number | null;
  progressMax: number | null;
  /** Seconds. */
  timeMin: number | null;
  timeMax: number | null;
  atRisk: boolean | null;
  sort: CenterSort;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

// Page size 5 as in the source's screen ("Taille de la page: 5").
export const defaultCenterView: CenterView = {
  enrollmentType: null,
  status: null,
  q: "",
  progressMin: null,
  progressMax: null,
  timeMin: null,
  timeMax: null,
  atRisk: null,
  sort: "name",
  order: "asc",
  page: 1,
  pageSize: 5,
};

const enrollmentTypes: readonly EnrollmentType[] = ["mandatory", "recommended", "free"];
const statuses: readonly EnrollmentStatus[] = ["not_started", "in_progress", "completed"];
const sorts: readonly CenterSort[] = ["name", "status", "progress", "time", "risk"];
const maxTimeSeconds = 100_000_000;

function intIn(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return allowed.find((item) => item === value) ?? null;
}

/** Reads the view from the query string; anything unknown or malformed falls back to the default. */
export function parseCenterView(params: URLSearchParams): CenterView {
  const size = intIn(params.get("pageSize"), 1, 100);
  const atRisk = params.get("atRisk");
  const order = params.get("order");
  return {
    enrollmentType: oneOf(params.get("enrollmentType"), enrollmentTypes),
    status: oneOf(params.get("status"), statuses),
    q: (params.get("q") ?? "").trim().slice(0, 200),
    progressMin: intIn(params.get("progressMin"), 0, 100),
    progressMax: intIn(params.get("progressMax"), 0, 100),
    timeMin: intIn(params.get("timeMin"), 0, maxTimeSeconds),
    timeMax: intIn(params.get("timeMax"), 0, maxTimeSeconds),
    atRisk: atRisk === "true" ? true : atRisk === "false" ? false : null,
    sort: oneOf(params.get("sort"), sorts) ?? defaultCenterView.sort,
    order: order === "desc" ? "desc" : "asc",
    page: intIn(params.get("page"), 1, 1_000_000) ?? defaultCenterView.page,
    pageSize: centerPageSizes.find((s) => s === size) ?? defaultCenterView.pageSize,
  };
}

/** Writes the view as a query string, leaving defaults out so the plain URL stays plain. */
export function centerViewToParams(view: CenterView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.enrollmentType) params.set("enrollmentType", view.enrollmentType);
  if (view.status) params.set("status", view.status);
  if (view.q) params.set("q", view.q);
  if (view.progressMin !== null) params.set("progressMin", String(view.progressMin));
  if (view.progressMax !== null) params.set("progressMax", String(view.progressMax));
  if (view.timeMin !== null) params.set("timeMin", String(view.timeMin));
  if (view.timeMax !== null) params.set("timeMax", String(view.timeMax));
  if (view.atRisk !== null) params.set("atRisk", String(view.atRisk));
  if (view.sort !== defaultCenterView.sort || view.order !== defaultCenterView.order) {
    params.set("sort", view.sort);
    params.set("order", view.order);
  }
  if (view.pageSize !== defaultCenterView.pageSize) params.set("pageSize", String(view.pageSize));
  if (view.page !== defaultCenterView.page) params.set("page", String(view.page));
  return params;
}

/** The filters of a view, as the learners endpoint and the "all pages" selection take them. */
export function centerViewToFilters(view: CenterView): LearnerFilters {
  const filters: LearnerFilters = {};
  if (view.enrollmentType) filters.enrollmentType = view.enrollmentType;
  if (view.status) filters.status = view.status;
  if (view.q) filters.q = view.q;
  if (view.progressMin !== null) filters.progressMin = view.progressMin;
  if (view.progressMax !== null) filters.progressMax = view.progressMax;
  if (view.timeMin !== null) filters.timeMin = view.timeMin;
  if (view.timeMax !== null) filters.timeMax = view.timeMax;
  if (view.atRisk !== null) filters.atRisk = view.atRisk ? "true" : "false";
  return filters;
}

/** The learners endpoint's query for a view. */
export function centerViewToQuery(view: CenterView): TutoredLearnersQuery {
  return {
    ...centerViewToFilters(view),
    page: view.page,
    pageSize: view.pageSize,
    sort: view.sort,
    order: view.order,
  };
}

/** True when the table shows only part of the course's learners (the enrollment filter aside). */
export function hasColumnFilters(view: CenterView): boolean {
  return (
    view.status !== null ||
    view.q !== "" ||
    view.progressMin !== null ||
    view.progressMax !== null ||
    view.timeMin !== null ||
    view.timeMax !== null ||
    view.atRisk !== null
  );
}

/** A stable text naming the filters: the selection is cleared when it changes. */
export function filtersKey(view: CenterView): string {
  return JSON.stringify(centerViewToFilters(view));
}

/**
 * Reads a time filter typed by the tutor: `HH:MM:SS`, `HH:MM` or whole hours (`2` = 02:00:00).
 * Returns seconds, null for an empty field, undefined when it cannot be read.
 */
export function parseTimeFilter(text: string): number | null | undefined {
  const value = text.trim();
  if (value === "") return null;
  const match = /^(\d{1,5})(?::([0-5]?\d))?(?::([0-5]?\d))?$/.exec(value);
  if (!match) return undefined;
  const seconds = Number(match[1]) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return seconds <= maxTimeSeconds ? seconds : undefined;
}

/** The current view and a function to change part of it (each change is a history entry unless `replace`). */
export function useCenterView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = parseCenterView(searchParams);
  // The parameters last asked for, and the address shown when they were. react-router hands each
  // change the parameters of the last render, and the route's loader delays the new address: two
  // filters committed before the next render (two debounced fields on a slow device) both started
  // from the same parameters, and the second undid the first. While the address shown is still the
  // one of the last change, the next change starts from what that one asked for.
  const asked = useRef<{ shown: string; params: URLSearchParams } | null>(null);
  const updateView = useCallback(
    (patch: Partial<CenterView>, options?: { replace?: boolean }) => {
      const shown = searchParams.toString();
      const from = asked.current?.shown === shown ? asked.current.params : searchParams;
      const params = centerViewToParams({ ...parseCenterView(from), ...patch });
      asked.current = { shown, params };
      setSearchParams(params, options);
    },
    [searchParams, setSearchParams],
  );
  return [view, updateView] as const;
}
