import dayjs from "dayjs";
import { useCallback } from "react";
import { useSearchParams } from "react-router";
import type { AdminAuditQuery } from "../../api/reports.js";
import { defaultPageSizeOptions } from "../../components/TablePager.js";
import { fromZonedWallClock } from "../learner-report/zonedTime.js";

/** What the audit screen shows; kept in the URL so a view can be bookmarked, shared and survives reload. */
export interface AuditView {
  page: number;
  pageSize: number;
  action: string;
  courseId: string;
  learnerId: string;
  actorId: string;
  /** First and last day of the period, YYYY-MM-DD in the user's time zone; empty for open-ended. */
  from: string;
  to: string;
}

export const defaultAuditView: AuditView = {
  page: 1,
  pageSize: 25,
  action: "",
  courseId: "",
  learnerId: "",
  actorId: "",
  from: "",
  to: "",
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function uuid(value: string | null): string {
  return value && uuidPattern.test(value) ? value : "";
}

function day(value: string | null): string {
  return value && dayPattern.test(value) && dayjs(value).isValid() ? value : "";
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d{1,7}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

/** Reads the view from the query string; anything malformed falls back to the default. */
export function parseAuditView(params: URLSearchParams): AuditView {
  const size = positiveInt(params.get("pageSize"));
  const action = (params.get("action") ?? "").trim();
  return {
    page: positiveInt(params.get("page")) ?? defaultAuditView.page,
    pageSize: size !== null && defaultPageSizeOptions.some((s) => s === size) ? size : defaultAuditView.pageSize,
    action: /^[a-z_.]{1,100}$/.test(action) ? action : "",
    courseId: uuid(params.get("cours")),
    learnerId: uuid(params.get("apprenant")),
    actorId: uuid(params.get("auteur")),
    from: day(params.get("du")),
    to: day(params.get("au")),
  };
}

/** Writes the view as a query string, defaults left out. */
export function auditViewToParams(view: AuditView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.action) params.set("action", view.action);
  if (view.courseId) params.set("cours", view.courseId);
  if (view.learnerId) params.set("apprenant", view.learnerId);
  if (view.actorId) params.set("auteur", view.actorId);
  if (view.from) params.set("du", view.from);
  if (view.to) params.set("au", view.to);
  if (view.pageSize !== defaultAuditView.pageSize) params.set("pageSize", String(view.pageSize));
  if (view.page !== defaultAuditView.page) params.set("page", String(view.page));
  return params;
}

/** Whether any filter narrows the list. */
export function hasFilters(view: AuditView): boolean {
  return Boolean(view.action || view.courseId || view.learnerId || view.actorId || view.from || view.to);
}

/** The API query: whole days of the user's time zone, from the first day's 00:00 to the last day's end. */
export function auditViewToQuery(view: AuditView, timeZone: string): AdminAuditQuery {
  return {
    page: view.page,
    pageSize: view.pageSize,
    action: view.action || undefined,
    courseId: view.courseId || undefined,
    learnerId: view.learnerId || undefined,
    actorId: view.actorId || undefined,
    from: view.from ? fromZonedWallClock(dayjs(view.from).startOf("day"), timeZone) : undefined,
    to: view.to ? fromZonedWallClock(dayjs(view.to).endOf("day"), timeZone) : undefined,
  };
}

/** The view and a function to change part of it; a filter change goes back to page 1. */
export function useAuditView(): [AuditView, (changes: Partial<AuditView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = parseAuditView(params);
  const update = useCallback(
    (changes: Partial<AuditView>) => {
      setParams((current) => {
        const previous = parseAuditView(current);
        const filterChanged = Object.keys(changes).some((key) => key !== "page" && key !== "pageSize");
        return auditViewToParams({ ...previous, ...(filterChanged ? { page: 1 } : {}), ...changes });
      });
    },
    [setParams],
  );
  return [view, update];
}
