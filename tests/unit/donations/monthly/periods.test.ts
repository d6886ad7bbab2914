import { describe, expect, it } from 'vitest';
import {
  addMonths,
  chinaMidnight,
  claimWindow,
  dueCharges,
  openPeriod,
  periodOf,
  startPeriodFor,
} from '../../../../donations/monthly/periods.ts';

const at = (iso: string) => new Date(iso);

describe('monthly periods (China time)', () => {
  it('names the period of an instant in China time', () => {
    expect(periodOf(at('2026-01-31T15:59:59Z'))).toBe('2026-01');
    expect(periodOf(at('2026-01-31T16:00:00Z'))).toBe('2026-02');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('opens a month two days before the agreed day and closes it at the end of that day', () => {
    const { opens, closes } = claimWindow('2026-03', 1);
    expect(new Date(opens).toISOString()).toBe('2026-02-26T16:00:00.000Z');
    expect(new Date(closes).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(chinaMidnight('2026-03-01')).toBe(Date.parse('2026-02-28T16:00:00Z'));
  });

  it('starts this month unless its day has passed', () => {
    expect(startPeriodFor(at('2026-02-15T04:00:00Z'), 16)).toBe('2026-02');
    expect(startPeriodFor(at('2026-02-15T04:00:00Z'), 15)).toBe('2026-02');
    expect(startPeriodFor(at('2026-02-15T04:00:00Z'), 14)).toBe('2026-03');
  });

  it('finds the open period, across a month boundary and never before the start', () => {
    const plan = { start_period: '2026-03', day_of_month: 1 };
    expect(openPeriod(plan, at('2026-02-27T04:00:00Z'))).toBe('2026-03');
    expect(openPeriod(plan, at('2026-02-25T04:00:00Z'))).toBeNull();
    expect(openPeriod(plan, at('2026-03-02T04:00:00Z'))).toBeNull();
    expect(openPeriod({ start_period: '2026-04', day_of_month: 1 }, at('2026-02-27T04:00:00Z'))).toBeNull();
  });

  it('lists due plans whose month is not claimed', () => {
    const plans = [
      { id: 'a', start_period: '2026-02', day_of_month: 16 },
      { id: 'b', start_period: '2026-02', day_of_month: 16 },
      { id: 'c', start_period: '2026-02', day_of_month: 28 },
    ];
    const due = dueCharges(plans, new Set(['b|2026-02']), at('2026-02-15T04:00:00Z'));
    expect(due.map((d) => [d.plan.id, d.period])).toEqual([['a', '2026-02']]);
  });
});
