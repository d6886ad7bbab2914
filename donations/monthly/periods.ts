/**
 * The calendar of monthly giving, pure (no clock, no database): periods are `YYYY-MM` in China time
 * (UTC+8 all year). Alipay's 周期扣款 rule (period_type MONTH, execute_time on day 1–28) lets the
 * merchant deduct on the agreed day or up to 3 days before it; we open a month's window
 * `LEAD_DAYS` before the donor's day and close it at the end of that day, so every attempt of the
 * first try falls inside what Alipay allows.
 */
export const LEAD_DAYS = 2;
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export type Period = `${number}-${number}`;

/** `YYYY-MM` of an instant, in China time. */
export function periodOf(at: Date | number): string {
  return new Date(+at + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

export function addMonths(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The agreed day of a period, `YYYY-MM-DD`. */
export function dueDate(period: string, day: number): string {
  return `${period}-${String(day).padStart(2, '0')}`;
}

/** 00:00 China time of a `YYYY-MM-DD`, as UTC milliseconds. */
export function chinaMidnight(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) - CHINA_OFFSET_MS;
}

/** When a period's charge may be claimed: [opens, closes) in UTC milliseconds. */
export function claimWindow(period: string, day: number): { opens: number; closes: number } {
  const due = chinaMidnight(dueDate(period, day));
  return { opens: due - LEAD_DAYS * DAY_MS, closes: due + DAY_MS };
}

/** The first period a plan signed at `now` charges: this month unless its day has passed. */
export function startPeriodFor(now: Date | number, day: number): string {
  const here = periodOf(now);
  return +now < claimWindow(here, day).closes ? here : addMonths(here, 1);
}

/** The period whose window is open at `now` for a plan, or null (none, or before its start). */
export function openPeriod(plan: { start_period: string; day_of_month: number }, now: Date | number): string | null {
  const here = periodOf(now);
  for (const period of [here, addMonths(here, 1)]) {
    if (period < plan.start_period) continue;
    const { opens, closes } = claimWindow(period, plan.day_of_month);
    if (+now >= opens && +now < closes) return period;
  }
  return null;
}

export interface DuePlan {
  id: string;
  start_period: string;
  day_of_month: number;
}

/**
 * The charges due at `now`: each plan whose window is open and whose month is not claimed yet
 * (`claimed` holds `planId|period`). The database's unique key, not this list, decides who charges:
 * two schedulers may both find a plan due, only one claim is written.
 */
export function dueCharges<P extends DuePlan>(
  plans: readonly P[],
  claimed: ReadonlySet<string>,
  now: Date | number,
): { plan: P; period: string }[] {
  const due: { plan: P; period: string }[] = [];
  for (const plan of plans) {
    const period = openPeriod(plan, now);
    if (period !== null && !claimed.has(`${plan.id}|${period}`)) due.push({ plan, period });
  }
  return due;
}
