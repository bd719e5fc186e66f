import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { defaultPageSizeOptions } from "../../components/TablePager.js";

/** The report's paged lists; kept in the URL so a reload or a shared link shows the same pages. */
export interface ReportView {
  /** `Historique des connexions`. */
  sessionsPage: number;
  sessionsPageSize: number;
  /** `Modifications`. */
  changesPage: number;
  changesPageSize: number;
}

export const defaultReportView: ReportView = {
  sessionsPage: 1,
  sessionsPageSize: 10,
  changesPage: 1,
  changesPageSize: 10,
};

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d{1,7}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

function pageSize(value: string | null, fallback: number): number {
  const size = positiveInt(value);
  return size !== null && defaultPageSizeOptions.some((s) => s === size) ? size : fallback;
}

/** Reads the view from the query string; anything malformed falls back to the default. */
export function parseReportView(params: URLSearchParams): ReportView {
  return {
    sessionsPage: positiveInt(params.get("connexions")) ?? defaultReportView.sessionsPage,
    sessionsPageSize: pageSize(params.get("connexionsTaille"), defaultReportView.sessionsPageSize),
    changesPage: positiveInt(params.get("modifications")) ?? defaultReportView.changesPage,
    changesPageSize: pageSize(params.get("modificationsTaille"), defaultReportView.changesPageSize),
  };
}

/** Writes the view as a query string, defaults left out. */
export function reportViewToParams(view: ReportView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.sessionsPage !== defaultReportView.sessionsPage) params.set("connexions", String(view.sessionsPage));
  if (view.sessionsPageSize !== defaultReportView.sessionsPageSize) {
    params.set("connexionsTaille", String(view.sessionsPageSize));
  }
  if (view.changesPage !== defaultReportView.changesPage) params.set("modifications", String(view.changesPage));
  if (view.changesPageSize !== defaultReportView.changesPageSize) {
    params.set("modificationsTaille", String(view.changesPageSize));
  }
  return params;
}

/** The report's view and a function to change part of it (paging replaces the history entry: it is not a new page). */
export function useReportView(): [ReportView, (changes: Partial<ReportView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = parseReportView(params);
  const update = useCallback(
    (changes: Partial<ReportView>) => {
      setParams((current) => reportViewToParams({ ...parseReportView(current), ...changes }), {
        replace: true,
        preventScrollReset: true,
      });
    },
    [setParams],
  );
  return [view, update];
}
