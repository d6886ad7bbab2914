import type { IsoDate } from '../schemas/common.ts';
import { addDays } from './dates.ts';

/**
 * China's working-day calendar (工作日): Monday to Friday, minus the public holidays of the
 * State Council's yearly notice (国务院办公厅关于部分节假日安排的通知), plus the weekend days that
 * notice turns into working days (调休上班). Without the notice for a year only weekends are
 * skipped: a deadline then comes out the same or EARLIER than the legal one, never later, so a
 * missing table can make us strict but never let a report wait past its legal deadline.
 *
 * Add each year's notice when it is published (usually in November of the year before).
 */

interface YearCalendar {
  /** Weekdays that are days off (the holidays and the weekdays of their 调休). */
  holidays: readonly IsoDate[];
  /** Saturdays and Sundays that are working days (调休上班). */
  workdays: readonly IsoDate[];
}

/** `'2026-02-15', 9` → the 9 dates from 2026-02-15 on. */
function run(start: IsoDate, days: number): IsoDate[] {
  return Array.from({ length: days }, (_, i) => addDays(start, i));
}

/** The notices as published; weekend days inside a holiday run are harmless (they are off anyway). */
const CALENDARS: Readonly<Record<number, YearCalendar>> = {
  // 国办发明电〔2023〕7号
  2024: {
    holidays: [
      '2024-01-01',
      ...run('2024-02-10', 8),
      ...run('2024-04-04', 3),
      ...run('2024-05-01', 5),
      '2024-06-10',
      ...run('2024-09-15', 3),
      ...run('2024-10-01', 7),
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  // 国办发明电〔2024〕12号
  2025: {
    holidays: [
      '2025-01-01',
      ...run('2025-01-28', 8),
      ...run('2025-04-04', 3),
      ...run('2025-05-01', 5),
      ...run('2025-05-31', 3),
      ...run('2025-10-01', 8),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）
  2026: {
    holidays: [
      ...run('2026-01-01', 3),
      ...run('2026-02-15', 9),
      ...run('2026-04-04', 3),
      ...run('2026-05-01', 5),
      ...run('2026-06-19', 3),
      ...run('2026-09-25', 3),
      ...run('2026-10-01', 7),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const HOLIDAYS = new Set(Object.values(CALENDARS).flatMap((c) => c.holidays));
const WORKDAYS = new Set(Object.values(CALENDARS).flatMap((c) => c.workdays));

/** True when the holiday notice of `date`'s year is in the table above. */
export function holidayCalendarCovers(date: IsoDate): boolean {
  return Number(date.slice(0, 4)) in CALENDARS;
}

/** 0 = Sunday … 6 = Saturday (the date as a calendar day, no time zone). */
function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWorkingDay(date: IsoDate): boolean {
  if (WORKDAYS.has(date)) return true;
  if (HOLIDAYS.has(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/**
 * The `n`-th working day AFTER `date` (the day itself does not count, whether or not it is a
 * working day): Friday + 1 → Monday; Saturday + 5 → Friday of the next week.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`工作日数应为正整数：${n}`);
  let day = date;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}
