import { describe, expect, it } from 'vitest';
import { reportStatsHtml } from '../../../../../site/lib/render/report-stats.ts';

describe('the transparency counts', () => {
  it('shows counts per quarter with totals and the in-time share, and nothing about a report', () => {
    const out = reportStatsHtml({
      asOf: '2026-12-04',
      periods: [
        { period: '2026-Q4', received: 5, answered: 3, answeredInTime: 2, due: 4, overdueOpen: 1 },
        { period: '2026-Q3', received: 1, answered: 1, answeredInTime: 1, due: 1, overdueOpen: 0 },
      ],
    }).value;
    expect(out).toContain(
      '<th scope="row">2026年第4季度</th><td class="num">5</td><td class="num">3</td><td class="num">2</td><td class="num">50%</td><td class="num">1</td>',
    );
    expect(out).toContain(
      '<th scope="row">合计</th><td class="num">6</td><td class="num">4</td><td class="num">3</td><td class="num">60%</td><td class="num">1</td>',
    );
    expect(out).toContain('<dt>按期答复率</dt><dd>60%</dd>');
    expect(out).toContain('统计截至2026年12月4日');
  });

  it('says so when there are no reports, or no counts in the data', () => {
    expect(reportStatsHtml({ asOf: '2026-12-04', periods: [] }).value).toContain('尚未收到举报或投诉');
    expect(reportStatsHtml(undefined).value).toContain('没有举报投诉统计');
  });
});
