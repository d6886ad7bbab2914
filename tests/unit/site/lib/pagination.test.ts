import { describe, expect, it } from 'vitest';
import { pageCount, pageNumbers, pageOf, pagerWindow } from '../../../../site/lib/pagination.ts';

describe('pagination', () => {
  const items = Array.from({ length: 45 }, (_, i) => i + 1);

  it('slices pages and reports positions', () => {
    expect(pageOf(items, 1, 20)).toMatchObject({ page: 1, pageCount: 3, total: 45, from: 1, to: 20 });
    const last = pageOf(items, 3, 20);
    expect(last.items).toEqual([41, 42, 43, 44, 45]);
    expect(last).toMatchObject({ from: 41, to: 45 });
  });

  it('has one (empty) page for an empty list', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageOf([], 1, 20)).toMatchObject({ items: [], pageCount: 1, from: 0, to: 0 });
    expect(pageNumbers(0, 20)).toEqual([1]);
  });

  it('refuses pages out of range and bad sizes', () => {
    expect(() => pageOf(items, 0, 20)).toThrow(RangeError);
    expect(() => pageOf(items, 4, 20)).toThrow(RangeError);
    expect(() => pageOf(items, 1.5, 20)).toThrow(RangeError);
    expect(() => pageCount(10, 0)).toThrow(RangeError);
  });

  it('lists every page number for getStaticPaths', () => {
    expect(pageNumbers(45, 20)).toEqual([1, 2, 3]);
    expect(pageNumbers(40, 20)).toEqual([1, 2]);
  });

  it('keeps the pager short with gaps', () => {
    expect(pagerWindow(1, 1)).toEqual([1]);
    expect(pagerWindow(1, 5)).toEqual([1, 2, 3, null, 5]);
    expect(pagerWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pagerWindow(20, 20)).toEqual([1, null, 18, 19, 20]);
    expect(pagerWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
