import { describe, expect, it } from 'vitest';
import { quarterOf, reportStats } from '../../../../content/rules/report-stats.ts';
import { reportStatsSchema } from '../../../../content/schemas/report.ts';

/** The transparency page's counts: per quarter of receipt, in time = answered by the deadline day. */
describe('reportStats', () => {
  const now = new Date('2026-12-04T04:00:00Z'); // 2026-12-04 in Beijing
  const rows = [
    // Q4 2026: answered in time, answered late, open but still within its deadline, open and overdue.
    { receivedAt: '2026-11-02T02:00:00Z', deadline: '2026-11-09', answeredAt: '2026-11-09T10:00:00Z' },
    { receivedAt: '2026-11-02T02:00:00Z', deadline: '2026-11-09', answeredAt: '2026-11-10T01:00:00Z' },
    { receivedAt: '2026-12-03T02:00:00Z', deadline: '2026-12-10', answeredAt: null },
    { receivedAt: '2026-11-20T02:00:00Z', deadline: '2026-11-27', answeredAt: null },
    // 2026-09-30 16:30 UTC is 2026-10-01 in Beijing: Q4, not Q3.
    { receivedAt: '2026-09-30T16:30:00Z', deadline: '2026-10-13', answeredAt: '2026-10-12T01:00:00Z' },
    // Q3 2026.
    { receivedAt: '2026-07-01T02:00:00Z', deadline: '2026-07-08', answeredAt: '2026-07-03T02:00:00Z' },
  ];

  it('counts received, answered, in time and overdue per quarter, newest quarter first', () => {
    const stats = reportStats(rows, now);
    expect(stats).toEqual({
      asOf: '2026-12-04',
      periods: [
        { period: '2026-Q4', received: 5, answered: 3, answeredInTime: 2, due: 4, overdueOpen: 1 },
        { period: '2026-Q3', received: 1, answered: 1, answeredInTime: 1, due: 1, overdueOpen: 0 },
      ],
    });
    expect(reportStatsSchema.parse(stats)).toEqual(stats);
  });

  it('counts nothing for no reports', () => {
    expect(reportStats([], now)).toEqual({ asOf: '2026-12-04', periods: [] });
  });

  it('names quarters by month', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-10-01', '2026-12-31'].map(quarterOf)).toEqual(
      ['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-Q4'],
    );
  });

  it('refuses counts that do not add up (a snapshot cannot claim more answered than received)', () => {
    const bad = { period: '2026-Q4', received: 1, answered: 2, answeredInTime: 0, due: 2, overdueOpen: 0 };
    expect(reportStatsSchema.safeParse({ asOf: '2026-12-04', periods: [bad] }).success).toBe(false);
  });
});
