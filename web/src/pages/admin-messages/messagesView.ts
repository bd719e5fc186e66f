import { useCallback } from "react";
import { useSearchParams } from "react-router";
import type { MessagesQuery, OutboxMessage } from "../../api/actions.js";
import { defaultPageSizeOptions } from "../../components/TablePager.js";

export type MessageStatus = OutboxMessage["status"];
export const messageStatuses: MessageStatus[] = ["pending", "sending", "sent", "failed", "held"];

/** What the Messages screen shows; kept in the URL so a view can be bookmarked, shared and survives reload. */
export interface MessagesView {
  page: number;
  pageSize: number;
  status: MessageStatus | null;
  q: string;
}

export const defaultMessagesView: MessagesView = { page: 1, pageSize: 25, status: null, q: "" };

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d{1,7}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

/** Reads the view from the query string; anything malformed falls back to the default. */
export function parseMessagesView(params: URLSearchParams): MessagesView {
  const size = positiveInt(params.get("pageSize"));
  const status = params.get("etat");
  return {
    page: positiveInt(params.get("page")) ?? 1,
    pageSize: size !== null && defaultPageSizeOptions.some((s) => s === size) ? size : defaultMessagesView.pageSize,
    status: messageStatuses.find((s) => s === status) ?? null,
    q: (params.get("q") ?? "").slice(0, 320),
  };
}

/** Writes the view as a query string, defaults left out. */
export function messagesViewToParams(view: MessagesView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.status) params.set("etat", view.status);
  if (view.q.trim()) params.set("q", view.q);
  if (view.pageSize !== defaultMessagesView.pageSize) params.set("pageSize", String(view.pageSize));
  if (view.page !== 1) params.set("page", String(view.page));
  return params;
}

/** The API query of a view. */
export function messagesViewToQuery(view: MessagesView): MessagesQuery {
  return {
    page: view.page,
    pageSize: view.pageSize,
    status: view.status ?? undefined,
    q: view.q.trim() || undefined,
  };
}

/** The view and a function to change part of it; a filter change goes back to page 1. */
export function useMessagesView(): [MessagesView, (changes: Partial<MessagesView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = parseMessagesView(params);
  const update = useCallback(
    (changes: Partial<MessagesView>) => {
      setParams((current) => {
        const previous = parseMessagesView(current);
        const filterChanged = Object.keys(changes).some((key) => key !== "page" && key !== "pageSize");
        return messagesViewToParams({ ...previous, ...(filterChanged ? { page: 1 } : {}), ...changes });
      });
    },
    [setParams],
  );
  return [view, update];
}
