import { Empty, Table, type TableProps } from "antd";
import type { ReactNode } from "react";
import { QueryErrorResult } from "./QueryErrorResult.js";
import { TablePager, type TablePagerProps } from "./TablePager.js";

/** What QueryTable reads of a TanStack query. */
export interface TableQuery {
  data?: unknown;
  isError: boolean;
  isFetching: boolean;
  isPending: boolean;
  refetch: () => unknown;
}

export interface QueryTableProps<T> extends Omit<TableProps<T>, "loading" | "locale" | "dataSource" | "pagination"> {
  query: TableQuery;
  items: T[];
  /** Shown instead of the table when the first load failed, with a retry button. */
  errorTitle: string;
  /** The empty state's text, or a whole element (an Empty with an action). */
  empty: ReactNode;
  /** A server-paged table: the pager shown under it. */
  pager?: TablePagerProps;
}

/**
 * A table of one query (a whole list, or a server page with its pager): a retryable error when the
 * first load failed, a spinner while it refetches, blank space while it first loads, and the empty
 * state once loaded.
 */
export function QueryTable<T extends object>({
  query,
  items,
  errorTitle,
  empty,
  pager,
  ...tableProps
}: QueryTableProps<T>) {
  if (query.isError && !query.data) {
    return <QueryErrorResult title={errorTitle} retrying={query.isFetching} onRetry={() => void query.refetch()} />;
  }
  let emptyText: ReactNode;
  if (query.isPending) emptyText = <div style={{ height: 96 }} />;
  else if (typeof empty === "string") emptyText = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  else emptyText = empty;
  const table = (
    <Table<T>
      {...tableProps}
      dataSource={items}
      pagination={false}
      loading={{ spinning: query.isFetching, delay: 200 }}
      locale={{ emptyText }}
    />
  );
  if (!pager) return table;
  return (
    <>
      {table}
      <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }}>
        <TablePager {...pager} />
      </div>
    </>
  );
}
