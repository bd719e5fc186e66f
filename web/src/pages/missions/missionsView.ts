import { useCallback } from "react";
import { useSearchParams } from "react-router";
import type { MissionQueueQuery } from "../../../../common/api/missions.js";
import { defaultPageSizeOptions } from "../../components/TablePager.js";

export type MissionStatusFilter = MissionQueueQuery["status"];

/** A missions queue's view (status, page), in the URL. */
export interface MissionsView {
  status: MissionStatusFilter;
  page: number;
  pageSize: number;
}

export const defaultMissionsView: MissionsView = { status: "pending", page: 1, pageSize: 25 };

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d{1,7}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

/** Reads the view from the query string; anything unknown falls back to the default. */
export function parseMissionsView(params: URLSearchParams): MissionsView {
  const status = params.get("status");
  const size = positiveInt(params.get("pageSize"));
  return {
    status: status === "corrected" || status === "all" ? status : "pending",
    page: positiveInt(params.get("page")) ?? 1,
    pageSize: defaultPageSizeOptions.find((s) => s === size) ?? defaultMissionsView.pageSize,
  };
}

/** Writes the view, leaving defaults out. */
export function missionsViewToParams(view: MissionsView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.status !== "pending") params.set("status", view.status);
  if (view.pageSize !== defaultMissionsView.pageSize) params.set("pageSize", String(view.pageSize));
  if (view.page !== 1) params.set("page", String(view.page));
  return params;
}

/** The current view and a function to change part of it. */
export function useMissionsView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = parseMissionsView(searchParams);
  const updateView = useCallback(
    (patch: Partial<MissionsView>) => {
      setSearchParams((previous) => missionsViewToParams({ ...parseMissionsView(previous), ...patch }));
    },
    [setSearchParams],
  );
  return [view, updateView] as const;
}

/** The API query for a view. */
export function missionsViewToQuery(view: MissionsView): MissionQueueQuery {
  return { status: view.status, page: view.page, pageSize: view.pageSize };
}
