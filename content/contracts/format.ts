import { groupThousands } from './money.ts';

/** Counts, dates and shares the way Chinese readers expect them. */

export function formatCount(n: number): string {
  return groupThousands(Math.trunc(n));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `2025-07-16` → `2025年7月16日`. Called tens of times per project page, so it slices instead of matching groups. */
export function formatDate(iso: string): string {
  if (iso.length !== 10 || !ISO_DATE.test(iso)) return iso;
  return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * An instant (`2026-12-04T14:39:00Z`) as Beijing time, `2026年12月4日 22:39`, the same on the
 * server and in every browser whatever its time zone (China keeps UTC+8 all year); null when it
 * is not a time.
 */
export function formatDateTime(iso: string): string | null {
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return null;
  const shifted = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return `${formatDate(shifted.slice(0, 10))} ${shifted.slice(11, 16)}`;
}

/** A date range, `2025年7月16日至2026年8月7日`. */
export function formatRange(range: { start: string; end: string }): string {
  return `${formatDate(range.start)}至${formatDate(range.end)}`;
}

/** `part/total` as a whole percent with one decimal when it is not whole; null when nothing counts. */
export function formatShare(part: number, total: number): string | null {
  if (total <= 0) return null;
  const tenths = Math.round((part * 1000) / total);
  return tenths % 10 === 0 ? `${tenths / 10}%` : `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}
