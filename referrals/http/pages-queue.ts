import { labelOf, TARGET_GROUPS } from '../../content/schemas/taxonomy.ts';
import type { Account } from '../accounts/accounts.ts';
import { ACTION_LABELS } from '../audit.ts';
import { countdownText } from '../cases/deadline.ts';
import type { QueueRow } from '../cases/read.ts';
import { ASSISTANCE_KINDS, STATUS_LABELS, URGENCY } from '../cases/vocabulary.ts';
import { html, type Markup } from './html.ts';
import type { Names } from './names.ts';

function countdownBadge(row: Pick<QueueRow, 'countdown'>): Markup | '' {
  const c = row.countdown;
  if (!c) return '';
  const cls = c.overdue ? 'badge overdue' : c.workingDaysLeft <= 1 ? 'badge soon' : 'badge';
  return html`<span class="${cls}">${c.overdue ? '⚠ ' : ''}${countdownText(c)}</span>`;
}

/** The queue: what needs an answer first; overdue cards framed in red on both sides. */
export function queueBody(
  account: Account,
  rows: QueueRow[],
  names: Names,
  filter: { q: string; status: string },
): Markup {
  const actions =
    account.role === 'civil-affairs' && account.region_code && !account.region_code.endsWith('00')
      ? html`<a class="button" href="/workbench/referrals/new">新建转介（向慈善组织）</a>`
      : account.role === 'charity'
        ? html`<a class="button" href="/workbench/reports/new">向民政部门报告困难群众</a>`
        : '';
  const oversight = account.role === 'civil-affairs' ? html` <a href="/workbench/audit">审计日志</a>` : '';
  const overdue = rows.filter((r) => r.countdown?.overdue).length;
  return html`<div class="row">${actions}${oversight}</div>
<form method="get" action="/workbench/queue" class="card" role="search">
<label for="q">按编号查找</label>
<div class="row"><input id="q" name="q" type="search" value="${filter.q}" placeholder="例如 ZJ-1A2B3C4D5E">
<select name="status" aria-label="按状态筛选"><option value="">全部状态</option>${Object.entries(STATUS_LABELS).map(
    ([k, l]) => html`<option value="${k}"${filter.status === k ? html` selected` : ''}>${l}</option>`,
  )}</select>
<button class="secondary" type="submit">查找</button></div>
</form>
${overdue ? html`<div class="error" role="alert">有 ${overdue} 条转介已超过答复期限，请尽快处理。</div>` : ''}
${rows.length === 0 ? html`<p class="card">${filter.q || filter.status ? '没有符合条件的记录。' : '队列是空的：暂无需要处理的转介或报告。'}</p>` : ''}
${rows.map(
  (r) => html`<div class="card${r.countdown?.overdue ? ' overdue' : ''}">
<div class="row"><a href="/workbench/referrals/${r.id}"><strong>${r.reference}</strong></a>
<span class="badge">${r.direction === 'to-charity' ? '民政→慈善' : '慈善→民政'}</span>
<span class="badge">${STATUS_LABELS[r.status] ?? r.status}</span>${countdownBadge(r)}</div>
<div>${labelOf(TARGET_GROUPS, r.targetGroup)} · ${names.county(r.countyCode)}${
    r.direction === 'to-charity'
      ? html` · ${labelOf(URGENCY, r.urgency)}${r.charitySlug && account.role !== 'charity' ? html` · ${names.charity(r.charitySlug)}` : ''}`
      : html` · ${labelOf(ASSISTANCE_KINDS, r.assistanceKind ?? '')}`
  }</div>
<div class="hint">${r.createdOn} 创建</div>
</div>`,
)}`;
}

export function ministryBody(): Markup {
  return html`<p class="card">民政部账号只查看汇总与审计：工作台不向本账号显示任何家庭或个人的记录。公开的去标识化汇总随每次发布出现在门户的需求与透明度页面。</p>
<a class="button" href="/workbench/audit">审计日志</a>`;
}

export function auditBody(
  rows: {
    at: string;
    action: string;
    referral_id: string | null;
    fields: string;
    role: string;
    county_code: string | null;
    username: string | null;
  }[],
): Markup {
  if (rows.length === 0) return html`<p class="card">暂无审计记录。</p>`;
  // One short card per entry: a table of six columns does not fit a phone.
  const beijing = (iso: string) =>
    new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  return html`<p class="hint">每次查看和修改个人信息都会记入此日志（只记字段名，不记内容）；日志只能追加，不能修改或删除。时间为北京时间。</p>
${rows.map(
  (
    a,
  ) => html`<div class="card"><div class="row"><strong>${ACTION_LABELS[a.action] ?? a.action}</strong><span class="badge">${a.username ?? (a.role === 'system' ? '系统（自动）' : a.role)}</span><span class="hint">${beijing(a.at)}</span></div>
${a.referral_id ? html`<div class="hint">记录 ${a.referral_id.slice(0, 8)}${a.county_code ? ` · 县 ${a.county_code}` : ''}</div>` : ''}
${a.fields ? html`<div class="hint">字段：${a.fields}</div>` : ''}</div>`,
)}`;
}
