/** What the pager says: number of pages and the range of items shown (1-based, inclusive). */
export interface PagerSummary {
  pages: number;
  from: number;
  to: number;
}

/** Pages and the shown range for `total` items, as in "Page 1 sur 5, élément(s) 1 à 5 sur 21." */
export function pagerSummary(page: number, pageSize: number, total: number): PagerSummary {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= 0) return { pages, from: 0, to: 0 };
  const from = Math.min((page - 1) * pageSize + 1, total);
  const to = Math.min(page * pageSize, total);
  return { pages, from, to };
}
