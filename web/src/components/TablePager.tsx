import { Pagination } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { PageSizeSelect } from "./PageSizeSelect.js";
import { pagerSummary } from "./pagerSummary.js";

export const defaultPageSizeOptions = [10, 25, 50, 100] as const;

export interface TablePagerProps {
  page: number;
  pageSize: number;
  total: number;
  pageSizeOptions?: readonly number[];
  /** False under a table whose page size is fixed: no `Taille de la page` selector. */
  showSizeChanger?: boolean;
  /** The navigation's accessible name, when the screen has several pagers (default `Pagination`). */
  label?: string;
  /** A new page or page size was chosen; a new size starts again at page 1. */
  onChange: (page: number, pageSize: number) => void;
}

/** Pager under a server-paged table: `Taille de la page: 25 Page 1 sur 1, élément(s) 1 à 5 sur 5.` and page links. */
export function TablePager({
  page,
  pageSize,
  total,
  pageSizeOptions = defaultPageSizeOptions,
  showSizeChanger = true,
  label,
  onChange,
}: TablePagerProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const { pages, from, to } = pagerSummary(page, pageSize, total);
  const summary = total > 0 ? t("pager.summary", { page, pages, from, to, total }) : t("pager.summaryEmpty");

  function handleSizeChange(size: number) {
    onChange(1, size);
  }

  function handlePageChange(nextPage: number) {
    onChange(nextPage, pageSize);
  }

  return (
    <nav
      aria-label={label ?? t("pager.label")}
      style={{ display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: 12 }}
    >
      <span
        className="table-pager-status"
        style={{ display: "inline-flex", flexWrap: "wrap", alignItems: "center", columnGap: 6, rowGap: 4 }}
      >
        {showSizeChanger ? (
          <>
            <span id={labelId} style={{ whiteSpace: "nowrap" }}>
              {t("pager.pageSize")}
            </span>{" "}
            <PageSizeSelect
              labelledBy={labelId}
              value={pageSize}
              options={pageSizeOptions}
              onChange={handleSizeChange}
            />{" "}
          </>
        ) : null}
        <span aria-live="polite" style={{ marginLeft: showSizeChanger ? 6 : 0 }}>
          {summary}
        </span>
      </span>
      {pages > 1 ? (
        <Pagination
          size="small"
          current={page}
          pageSize={pageSize}
          total={total}
          showSizeChanger={false}
          onChange={handlePageChange}
        />
      ) : null}
    </nav>
  );
}
