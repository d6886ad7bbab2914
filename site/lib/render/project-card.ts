import { formatMoneyTogether } from '../../../content/contracts/money.ts';
import { labelOf, PROJECT_STATUSES, TARGET_GROUPS } from '../../../content/index.ts';
import { paths } from '../../../content/paths.ts';
import { html, type SafeHtml } from '../html.ts';
import type { ProjectView } from '../site-data.ts';

/**
 * A project as a card in listings. Built once per project and heading level, then reused on every
 * listing page it appears on (about twenty per project at scale).
 */
const cache = new WeakMap<ProjectView, Map<number, SafeHtml>>();

/** Goal and raised are compared: one unit for both ("目标 187.70 万元 · 已公开募得 0.00 万元"). */
function goalLineHtml(goalFen: number, raisedFen: number): SafeHtml {
  const [goal, raised] = formatMoneyTogether([goalFen, raisedFen]);
  return html`<p class="small muted">目标 ${goal} · 已公开募得 ${raised}</p>`;
}

export function projectCardHtml(view: ProjectView, headingLevel: 2 | 3 = 3): SafeHtml {
  let byLevel = cache.get(view);
  const hit = byLevel?.get(headingLevel);
  if (hit) return hit;
  const { project, charity, money } = view;
  const counties = project.regions.map((r) => r.name.replace(r.province, '')).join('、');
  const h = `h${headingLevel}`;
  const card = html`<article class="card"><${h}><a href="${paths.project(project.slug)}">${project.title}</a></${h}><p class="card__meta">${charity.name} · ${project.regions[0]?.province ?? ''}${counties ? ` ${counties}` : ''}</p><ul class="badges"><li class="${view.accepting ? 'badge badge--ok' : 'badge'}">${view.accepting ? '可在线捐赠' : labelOf(PROJECT_STATUSES, project.status)}</li>${project.targetGroups.map((g) => html`<li class="badge">${labelOf(TARGET_GROUPS, g)}</li>`)}${view.schedule.isOverdue ? html`<li class="badge badge--bad">逾期未披露</li>` : ''}</ul><p>${project.summary}</p>${project.plan ? goalLineHtml(project.plan.goalFen, money.raisedFen) : ''}</article>`;
  if (!byLevel) {
    byLevel = new Map();
    cache.set(view, byLevel);
  }
  byLevel.set(headingLevel, card);
  return card;
}
