import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { defaultPageSizeOptions } from "../../components/TablePager.js";

/** The `Observations à faire` list's view (search, page), in the URL. */
export interface ObservationsView {
  q: string;
  page: number;
  pageSize: number;
}

const defaultPageSize = 25;

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d{1,7}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

/** Reads the view from the query string. */
export function parseObservationsView(params: URLSearchParams): ObservationsView {
  const size = positiveInt(params.get("pageSize"));
  return {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    page: positiveInt(params.get("page")) ?? 1,
    pageSize: defaultPageSizeOptions.find((s) => s === size) ?? defaultPageSize,
  };
}

/** Writes the view, leaving defaults out. */
export function observationsViewToParams(view: ObservationsView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.pageSize !== defaultPageSize) params.set("pageSize", String(view.pageSize));
  if (view.page !== 1) params.set("page", String(view.page));
  return params;
}

/** The current view and a function to change part of it. */
export function useObservationsView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = parseObservationsView(searchParams);
  const updateView = useCallback(
    (patch: Partial<ObservationsView>, options?: { replace?: boolean }) => {
      setSearchParams(
        (previous) => observationsViewToParams({ ...parseObservationsView(previous), ...patch }),
        options,
      );
    },
    [setSearchParams],
  );
  return [view, updateView] as const;
}
