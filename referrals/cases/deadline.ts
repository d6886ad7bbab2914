import { addDays } from '../../content/rules/dates.ts';
import { addWorkingDays, isWorkingDay } from '../../content/rules/working-days.ts';
import type { IsoDate } from '../../content/schemas/common.ts';

/**
 * The charity's answer is due `n` working days after the day it was offered (content/rules/
 * working-days.ts: weekends, the State Council's holidays and 调休 counted).
 */
export function answerDeadline(offeredOn: IsoDate, workingDays: number): IsoDate {
  return addWorkingDays(offeredOn, workingDays);
}

export type Countdown = { overdue: false; workingDaysLeft: number } | { overdue: true; daysLate: number };

/** Working days from `today` (exclusive) to the deadline (inclusive); overdue the day after it. */
export function countdown(today: IsoDate, deadline: IsoDate): Countdown {
  if (today > deadline) {
    let late = 0;
    for (let d = addDays(deadline, 1); d <= today; d = addDays(d, 1)) if (isWorkingDay(d)) late++;
    return { overdue: true, daysLate: Math.max(late, 1) };
  }
  let left = 0;
  for (let d = addDays(today, 1); d <= deadline; d = addDays(d, 1)) if (isWorkingDay(d)) left++;
  return { overdue: false, workingDaysLeft: left };
}

export function countdownText(c: Countdown): string {
  if (c.overdue) return `已逾期 ${c.daysLate} 个工作日`;
  return c.workingDaysLeft === 0 ? '今天截止' : `还剩 ${c.workingDaysLeft} 个工作日`;
}
