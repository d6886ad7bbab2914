import type { IsoDate } from '../schemas/common.ts';

/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`). Dates carry no time zone: the law counts
 * calendar days in China, so all arithmetic is done on UTC midnights, where no DST can shift a day.
 */
const DAY_MS = 86_400_000;
/** China Standard Time is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function parts(date: IsoDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`日期格式应为 YYYY-MM-DD：${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function toUtcMs(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/**
 * Adds calendar months, clamping to the end of a shorter month (2024-11-30 + 3 → 2025-02-28):
 * "within three months" of 30 November cannot run past February.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month1 = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month1));
  return `${String(year).padStart(4, '0')}-${String(month1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days from `a` to `b`: positive when `b` is later, 0 for the same day. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** Whole months from `a` to `b` (negative when `b` is earlier), consistent with `addMonths`. */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  if (b < a) return -monthsBetween(b, a);
  const [ya, ma] = parts(a);
  const [yb, mb] = parts(b);
  let n = (yb - ya) * 12 + (mb - ma);
  while (n > 0 && addMonths(a, n) > b) n--;
  return n;
}

/** Today's date in Asia/Shanghai. */
export function todayIso(now: Date = new Date()): IsoDate {
  return fromUtcMs(now.getTime() + SHANGHAI_OFFSET_MS);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
