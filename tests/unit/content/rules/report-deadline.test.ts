import { describe, expect, it } from 'vitest';
import {
  answeredInTime,
  isReportOverdue,
  reportDeadline,
  reportDeadlineIsExact,
} from '../../../../content/rules/report-deadline.ts';
import { addWorkingDays, holidayCalendarCovers, isWorkingDay } from '../../../../content/rules/working-days.ts';

/**
 * A report is answered within 5 working days (MZ/T 088-2017): the day of receipt (China time)
 * does not count; weekends, public holidays and the 调休 working weekends of the State Council's
 * notices for 2024–2026 are honoured. Every deadline below was counted by hand on a calendar.
 */
describe('reportDeadline', () => {
  it.each([
    // received (UTC instant), deadline, why
    ['2026-11-30T02:00:00Z', '2026-12-07', 'Monday → the next Monday (Tue–Fri, Mon)'],
    ['2026-12-04T14:39:00Z', '2026-12-11', 'Friday evening → Friday of the next week'],
    ['2026-12-05T03:00:00Z', '2026-12-11', 'Saturday: the weekend does not count'],
    ['2026-12-03T15:59:59Z', '2026-12-10', 'Thursday 23:59:59 in Beijing is still Thursday'],
    ['2026-12-03T16:00:00Z', '2026-12-11', 'Thursday 16:00 UTC is Friday 00:00 in Beijing'],
    ['2026-09-30T04:00:00Z', '2026-10-13', '国庆 Oct 1–7 off, Saturday Oct 10 a working day'],
    ['2026-02-13T04:00:00Z', '2026-02-27', '春节: Saturday Feb 14 works, Feb 15–23 off'],
    ['2026-09-19T04:00:00Z', '2026-09-24', 'Sunday Sep 20 is a working day (调休)'],
    ['2025-09-30T04:00:00Z', '2025-10-14', '2025: Oct 1–8 off, Saturday Oct 11 a working day'],
    ['2024-04-30T04:00:00Z', '2024-05-10', '2024 劳动节 May 1–5 off'],
    ['2024-05-08T04:00:00Z', '2024-05-14', 'Saturday May 11, 2024 is a working day'],
    ['2025-12-31T04:00:00Z', '2026-01-08', '元旦 2026: Jan 1–3 off, Sunday Jan 4 works'],
  ])('received %s → due %s (%s)', (received, deadline) => {
    expect(reportDeadline(received)).toBe(deadline);
    expect(reportDeadline(new Date(received))).toBe(deadline);
  });

  it('says when a year has no holiday table yet, and then counts Monday to Friday only', () => {
    expect(reportDeadlineIsExact('2026-12-04T14:39:00Z')).toBe(true);
    // 2026-12-28 (Monday): Tue, Wed, Thu, Fri 2027-01-01 (元旦, unknown yet), Mon 2027-01-04.
    expect(reportDeadline('2026-12-28T04:00:00Z')).toBe('2027-01-04');
    expect(reportDeadlineIsExact('2026-12-28T04:00:00Z')).toBe(false);
    expect(reportDeadline('2027-03-01T04:00:00Z')).toBe('2027-03-08');
    expect(reportDeadlineIsExact('2027-03-01T04:00:00Z')).toBe(false);
    expect(holidayCalendarCovers('2026-06-01')).toBe(true);
    expect(holidayCalendarCovers('2027-06-01')).toBe(false);
  });

  it('refuses an invalid time instead of guessing a day', () => {
    expect(() => reportDeadline('not a time')).toThrow(/无效的时间/);
  });
});

describe('the working-day calendar', () => {
  it('makes every 调休 working day a weekend day and every listed holiday a day off', () => {
    const workdays = ['2024-02-04', '2024-10-12', '2025-01-26', '2025-02-08', '2026-01-04', '2026-02-28', '2026-05-09'];
    for (const day of workdays) {
      expect([0, 6], day).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
      expect(isWorkingDay(day), day).toBe(true);
    }
    for (const day of [
      '2024-01-01',
      '2024-02-16',
      '2025-01-28',
      '2025-10-08',
      '2026-02-23',
      '2026-06-19',
      '2026-10-07',
    ]) {
      expect(isWorkingDay(day), day).toBe(false);
    }
    expect(isWorkingDay('2026-12-05')).toBe(false);
    expect(isWorkingDay('2026-12-07')).toBe(true);
  });

  it('counts only positive whole numbers of working days', () => {
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
    expect(() => addWorkingDays('2026-12-04', 0)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-04', 1.5)).toThrow(RangeError);
  });
});

describe('answered in time and overdue', () => {
  const deadline = '2026-12-11';
  it('counts the whole deadline day in China time', () => {
    expect(answeredInTime(deadline, '2026-12-11T15:59:59Z')).toBe(true);
    expect(answeredInTime(deadline, '2026-12-11T16:00:00Z')).toBe(false);
  });

  it('flags an unanswered report once its deadline day is over, and a late answer for good', () => {
    expect(isReportOverdue({ deadline, answeredAt: null }, new Date('2026-12-11T15:00:00Z'))).toBe(false);
    expect(isReportOverdue({ deadline, answeredAt: null }, new Date('2026-12-11T16:00:00Z'))).toBe(true);
    expect(isReportOverdue({ deadline, answeredAt: '2026-12-10T02:00:00Z' }, new Date('2027-01-01T00:00:00Z'))).toBe(
      false,
    );
    expect(isReportOverdue({ deadline, answeredAt: '2026-12-12T02:00:00Z' }, new Date('2026-12-12T03:00:00Z'))).toBe(
      true,
    );
  });
});
