import { formatDate } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatMoney, percentOf } from '../money.ts';
import type { ProjectView } from '../site-data.ts';

/**
 * Goal and raised, baked at build time from the latest disclosure. The live-totals island adds
 * what was given through this site (GET /api/projects/{slug}/stats) into the hidden
 * `data-live` slots; without JavaScript or when the API fails, the baked figures are what people
 * see.
 */
export function fundingProgressHtml(view: ProjectView): SafeHtml {
  const { project, money } = view;
  const goal = project.plan?.goalFen ?? 0;
  const percent = percentOf(money.raisedFen, goal);
  const stat = (term: string, value: string) => html`<div class="stat"><dt>${term}</dt><dd>${value}</dd></div>`;
  const note = money.asOf
    ? `数据截至 ${formatDate(money.asOf)} 的信息公开${percent !== null ? `，已达目标的 ${percent}%` : ''}。`
    : '项目尚未发布信息公开。';
  // Filled and shown by the live-totals island (site/islands/live-totals.ts) from
  // GET /api/projects/{slug}/stats; hidden, the baked figures above stand alone.
  const live = html`<div class="stat" data-live-stat hidden><dt>本站在线捐赠</dt><dd data-live="raised"></dd></div><div class="stat" data-live-stat hidden><dt>在线捐赠笔数</dt><dd data-live="count"></dd></div>`;
  return html`<div id="live-totals" data-project-slug="${project.slug}" class="progress"><dl class="stats">${project.plan ? stat('募捐目标', formatMoney(goal)) : ''}${stat('已公开募得', formatMoney(money.raisedFen))}${stat('已公开支出', formatMoney(money.spentFen))}${live}</dl>${
    percent !== null
      ? html`<div class="progress__bar" role="img" aria-label="已达到募捐目标的 ${percent}%"><span style="width:${Math.min(100, percent)}%"></span></div>`
      : ''
  }<p class="small muted">${note}</p><p class="small muted" data-live="note" hidden></p></div>`;
}
