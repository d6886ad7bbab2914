import type { IsoDate } from '../schemas/common.ts';
import type { ReportPeriodStats, ReportStats } from '../schemas/report.ts';
import { answeredInTime, chinaDay } from './report-deadline.ts';

/**
 * The public counts of reports per quarter (transparency page): received, answered, answered in
 * time, and the base of the in-time share — reports whose deadline has passed or that were
 * answered (a report still inside its 5 working days counts for nothing yet). Computed in the CMS
 * from every report's three dates, so no text or target ever leaves it.
 */
export interface ReportTimes {
  receivedAt: string;
  deadline: IsoDate;
  /** Set exactly when the report is answered (已答复). */
  answeredAt: string | null;
}

export function quarterOf(day: IsoDate): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

export function reportStats(reports: Iterable<ReportTimes>, now: Date): ReportStats {
  const asOf = chinaDay(now);
  const periods = new Map<string, ReportPeriodStats>();
  for (const r of reports) {
    const period = quarterOf(chinaDay(r.receivedAt));
    let p = periods.get(period);
    if (!p) {
      p = { period, received: 0, answered: 0, answeredInTime: 0, due: 0, overdueOpen: 0 };
      periods.set(period, p);
    }
    p.received++;
    const answered = r.answeredAt !== null;
    const pastDeadline = asOf > r.deadline;
    if (answered) {
      p.answered++;
      if (answeredInTime(r.deadline, r.answeredAt as string)) p.answeredInTime++;
    }
    if (answered || pastDeadline) p.due++;
    if (!answered && pastDeadline) p.overdueOpen++;
  }
  return { asOf, periods: [...periods.values()].sort((a, b) => (a.period < b.period ? 1 : -1)) };
}
