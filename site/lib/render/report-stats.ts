import { formatCount, formatDate, formatShare } from '../../../content/contracts/format.ts';
import type { ReportPeriodStats, ReportStats } from '../../../content/index.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * The transparency page's account of reports (举报/投诉): how many were received, answered, and
 * answered within the 5 working days, per quarter — counts only, from the release's snapshot
 * (the CMS computes them; no report's text or reporter ever reaches a release).
 */

/** `2026-Q4` → `2026年第4季度`. */
function periodLabel(period: string): string {
  return `${period.slice(0, 4)}年第${period.slice(6)}季度`;
}

function share(p: Pick<ReportPeriodStats, 'answeredInTime' | 'due'>): string {
  return formatShare(p.answeredInTime, p.due) ?? '—';
}

export function reportStatsHtml(stats: ReportStats | undefined): SafeHtml {
  if (!stats) return html`<p>本版本的数据中没有举报投诉统计（示例数据不含举报）。</p>`;
  if (stats.periods.length === 0) {
    return html`<p>截至${formatDate(stats.asOf)}，平台尚未收到举报或投诉。</p>`;
  }
  const total = stats.periods.reduce(
    (t, p) => ({
      received: t.received + p.received,
      answered: t.answered + p.answered,
      answeredInTime: t.answeredInTime + p.answeredInTime,
      due: t.due + p.due,
      overdueOpen: t.overdueOpen + p.overdueOpen,
    }),
    { received: 0, answered: 0, answeredInTime: 0, due: 0, overdueOpen: 0 },
  );
  const row = (label: SafeHtml, p: Omit<ReportPeriodStats, 'period'>) =>
    html`<tr><th scope="row">${label}</th><td class="num">${formatCount(p.received)}</td><td class="num">${formatCount(p.answered)}</td><td class="num">${formatCount(p.answeredInTime)}</td><td class="num">${share(p)}</td><td class="num">${formatCount(p.overdueOpen)}</td></tr>`;
  return html`<dl class="stats"><div class="stat"><dt>收到举报/投诉</dt><dd>${formatCount(total.received)} 件</dd></div><div class="stat"><dt>已答复</dt><dd>${formatCount(total.answered)} 件</dd></div><div class="stat"><dt>按期答复率</dt><dd>${share(total)}</dd></div><div class="stat"><dt>逾期未答复</dt><dd>${formatCount(total.overdueOpen)} 件</dd></div></dl><div class="scroll-x" role="region" aria-labelledby="reports-table-caption" tabindex="0"><table class="report-stats"><caption id="reports-table-caption">各季度举报/投诉处理情况</caption><thead><tr><th scope="col">季度</th><th scope="col" class="num">收到</th><th scope="col" class="num">已答复</th><th scope="col" class="num">按期答复</th><th scope="col" class="num">按期答复率</th><th scope="col" class="num">逾期未答复</th></tr></thead><tbody>${stats.periods.map(
    (p) => row(html`${periodLabel(p.period)}`, p),
  )}</tbody><tfoot>${row(html`合计`, total)}</tfoot></table></div><p class="small muted">按期：收到后 5 个工作日内答复。按期答复率 = 按期答复数 ÷（已答复数 + 逾期未答复数）；尚在答复期限内的举报不计入。季度按收到日期（北京时间）划分。只公布数量，不公布举报内容和举报人。统计截至${formatDate(stats.asOf)}。</p>`;
}
