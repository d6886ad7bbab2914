import type { IsoDate } from '../schemas/common.ts';
import { todayIso } from './dates.ts';
import { addWorkingDays, holidayCalendarCovers } from './working-days.ts';

/**
 * A report (举报/投诉) is answered within 5 working days of its receipt (MZ/T 088-2017, DOMAIN.md
 * §8). Days are counted in China (Asia/Shanghai): the day of receipt does not count, the deadline
 * is the 5th working day after it and lasts until that day's end. Used by the portal (the
 * confirmation tells the reporter the date), the CMS (deadline and overdue flag of each report)
 * and the transparency statistics.
 */
export const REPORT_ANSWER_WORKING_DAYS = 5;

/** The day a moment falls on in China. */
export function chinaDay(at: Date | string): IsoDate {
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) throw new RangeError(`无效的时间：${String(at)}`);
  return todayIso(date);
}

export function reportDeadline(receivedAt: Date | string): IsoDate {
  return addWorkingDays(chinaDay(receivedAt), REPORT_ANSWER_WORKING_DAYS);
}

/**
 * False when the deadline falls in a year whose holiday notice is not in the calendar yet: it
 * was then counted over weekends only (earlier than the legal one, see working-days.ts).
 */
export function reportDeadlineIsExact(receivedAt: Date | string): boolean {
  const received = chinaDay(receivedAt);
  return holidayCalendarCovers(received) && holidayCalendarCovers(reportDeadline(receivedAt));
}

/** Answered on or before the deadline day (China time). */
export function answeredInTime(deadline: IsoDate, answeredAt: Date | string): boolean {
  return chinaDay(answeredAt) <= deadline;
}

/**
 * Overdue: answered after the deadline, or not answered and the deadline day is over. A report
 * answered late stays flagged: the flag says whether the duty was met, not whether work is left.
 */
export function isReportOverdue(report: { deadline: IsoDate; answeredAt: Date | string | null }, now: Date): boolean {
  if (report.answeredAt !== null) return !answeredInTime(report.deadline, report.answeredAt);
  return chinaDay(now) > report.deadline;
}
