import { formatShare } from '../../../content/contracts/format.ts';
import type { DisclosureTimeliness } from '../../../content/index.ts';
import { TIMELINESS_DEFINITION } from '../disclosure-labels.ts';
import { html, type SafeHtml } from '../html.ts';

/** A charity's (or the portal's) share of disclosures made on time, always shown with its definition. */
export function timelinessFigureHtml(t: DisclosureTimeliness, label = '信息公开按时率'): SafeHtml {
  const stat = (term: string, value: string | number) =>
    html`<div class="stat"><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`<div class="callout"><dl class="stats">${stat(label, formatShare(t.onTime, t.total) ?? '暂无到期事项')}${stat('按时 / 已到期事项', `${t.onTime} / ${t.total}`)}${stat('逾期后补公开', t.late)}${stat('逾期未披露', t.overdue)}</dl><p class="small"><strong>口径：</strong>${TIMELINESS_DEFINITION}</p></div>`;
}
