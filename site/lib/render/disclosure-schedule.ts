import { formatDate } from '../../../content/contracts/format.ts';
import type { DueItem } from '../../../content/index.ts';
import { DUE_KIND_LABELS, DUE_STATUS_LABELS } from '../disclosure-labels.ts';
import { html, type SafeHtml } from '../html.ts';
import type { ProjectView } from '../site-data.ts';

/**
 * The project's disclosure obligations (Charity Law Art. 79) with due dates and how each was met.
 * Obligations met on time are summarised rather than listed one by one when there are many (an
 * emergency appeal owes one every five days), so the page stays light; overdue and late ones are
 * always listed.
 */
const MAX_ROWS = 16;

function byDue(a: DueItem, b: DueItem): number {
  return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0;
}

export function disclosureScheduleHtml(view: ProjectView, today: string): SafeHtml {
  const { items } = view.schedule;
  const notOnTime = items.filter((i) => i.status !== 'on-time');
  const onTime = items.filter((i) => i.status === 'on-time');
  const shown =
    items.length <= MAX_ROWS
      ? items
      : [...notOnTime, ...onTime.slice(-Math.max(0, MAX_ROWS - notOnTime.length))].sort(byDue);
  const hidden = items.length - shown.length;
  const rows = shown.map((item) => {
    const status =
      item.status === 'overdue'
        ? html`<strong class="badge badge--bad">逾期未披露</strong>`
        : html`<span class="status--${item.status}">${DUE_STATUS_LABELS[item.status]}</span>`;
    const link = item.satisfiedBy ? html` <a href="#d-${item.satisfiedBy}" class="small">查看该次公开</a>` : '';
    return html`<tr><td>${formatDate(item.dueOn)}</td><td>${DUE_KIND_LABELS[item.kind]}</td><td>${formatDate(item.coversFrom)}至${formatDate(item.coversTo)}</td><td>${status}${link}</td></tr>`;
  });
  return html`<div class="scroll-x" role="region" aria-labelledby="due-caption" tabindex="0"><table class="due-table stack"><caption id="due-caption">法定信息公开事项与截止日期</caption><thead><tr><th scope="col">截止日期</th><th scope="col">事项</th><th scope="col">涵盖期间</th><th scope="col">状态</th></tr></thead><tbody>${rows}</tbody></table></div>${
    hidden > 0 ? html`<p class="small muted">另有 ${hidden} 项较早的事项已按时公开，此处未逐条列出。</p>` : ''
  }<p class="small muted">状态按 ${formatDate(today)} 判断。</p>`;
}
