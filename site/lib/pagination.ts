/** Splitting a list into numbered pages. Page numbers start at 1. */
export interface PageSlice<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
  /** 1-based positions of the first and last item shown (0 when the list is empty). */
  from: number;
  to: number;
}

export function pageCount(total: number, pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`每页条数应为正整数：${pageSize}`);
  return Math.max(1, Math.ceil(total / pageSize));
}

export function pageOf<T>(items: readonly T[], page: number, pageSize: number): PageSlice<T> {
  const count = pageCount(items.length, pageSize);
  if (!Number.isInteger(page) || page < 1 || page > count) throw new RangeError(`页码超出范围：${page}/${count}`);
  const start = (page - 1) * pageSize;
  const slice = items.slice(start, start + pageSize);
  return {
    items: slice,
    page,
    pageCount: count,
    total: items.length,
    from: slice.length ? start + 1 : 0,
    to: start + slice.length,
  };
}

/**
 * Which page numbers a pager shows: always the first and last, a window around the current page,
 * and `null` for each gap (rendered as “…”). Keeps the pager short on a 500-page listing.
 */
export function pagerWindow(page: number, count: number, radius = 2): (number | null)[] {
  const out: (number | null)[] = [];
  let last = 0;
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - page) <= radius) {
      if (n - last > 1) out.push(null);
      out.push(n);
      last = n;
    }
  }
  return out;
}

/** `[1, 2, …, count]` for getStaticPaths. */
export function pageNumbers(total: number, pageSize: number): number[] {
  return Array.from({ length: pageCount(total, pageSize) }, (_, i) => i + 1);
}

/** The `[...page]` route parameter: page 1 is the bare path, later pages are `p/<n>`. */
export function pageParam(page: number): string | undefined {
  return page === 1 ? undefined : `p/${page}`;
}

/** getStaticPaths of a plain `[...page].astro` listing of `total` items. */
export function pagedRoutes(total: number, pageSize: number) {
  return pageNumbers(total, pageSize).map((page) => ({ params: { page: pageParam(page) }, props: { page } }));
}
