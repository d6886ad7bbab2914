import { formatDate } from '../../../content/contracts/format.ts';
import { formatMoneyTogether, percentOf } from '../../../content/contracts/money.ts';
import { labelOf, PROJECT_STATUSES, TARGET_GROUPS } from '../../../content/index.ts';
import { paths } from '../../../content/paths.ts';
import { html, type SafeHtml } from '../html.ts';
import type { ProjectView } from '../site-data.ts';
import { progressBarHtml } from './progress-bar.ts';

/**
 * A project as a card in listings: status, groups, summary, the goal as a bar and, for a project
 * accepting gifts, 我要捐赠 straight to its donate section (one tap from a listing to the form). Built once per project and heading level, then reused on every
 * listing page it appears on (about twenty per project at scale).
 */
const cache = new WeakMap<ProjectView, Map<number, SafeHtml>>();

/**
 * The goal as a bar with the sums, and, while the project accepts gifts, the day its filed
 * fundraising window closes: what a donor compares cards by.
 */
export function fundingHtml(view: ProjectView): SafeHtml | '' {
  const plan = view.project.plan;
  if (!plan) return '';
  const percent = percentOf(view.money.raisedFen, plan.goalFen) ?? 0;
  // Goal and raised are compared: one unit for both ("已公开募得 0.00 万元，目标 187.70 万元").
  const [goal, raised] = formatMoneyTogether([plan.goalFen, view.money.raisedFen]);
  const closes = view.accepting ? html`<br>募捐截止 ${formatDate(plan.window.end)}` : '';
  return html`<div class="card__funding">${progressBarHtml(percent)}<p class="small muted">已公开募得 ${raised}，目标 ${goal}（${percent}%）${closes}</p></div>`;
}

export function projectCardHtml(view: ProjectView, headingLevel: 2 | 3 | 4 = 3): SafeHtml {
  let byLevel = cache.get(view);
  const hit = byLevel?.get(headingLevel);
  if (hit) return hit;
  const { project, charity } = view;
  const counties = project.regions.map((r) => r.name.replace(r.province, '')).join('、');
  const h = `h${headingLevel}`;
  const card = html`<article class="card"><${h}><a href="${paths.project(project.slug)}">${project.title}</a></${h}><p class="card__meta">${charity.name} · ${project.regions[0]?.province ?? ''}${counties ? ` ${counties}` : ''}</p><ul class="badges"><li class="${view.accepting ? 'badge badge--ok' : 'badge'}">${view.accepting ? '可在线捐赠' : labelOf(PROJECT_STATUSES, project.status)}</li>${project.targetGroups.map((g) => html`<li class="badge">${labelOf(TARGET_GROUPS, g)}</li>`)}${view.schedule.isOverdue ? html`<li class="badge badge--bad">逾期未披露</li>` : ''}</ul><p>${project.summary}</p>${fundingHtml(view)}${view.accepting ? html`<p class="card__give"><a class="button" href="${paths.project(project.slug)}#donate">我要捐赠<span class="visually-hidden">：${project.title}</span></a></p>` : ''}</article>`;
  if (!byLevel) {
    byLevel = new Map();
    cache.set(view, byLevel);
  }
  byLevel.set(headingLevel, card);
  return card;
}
