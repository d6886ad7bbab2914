import { formatDate } from '../../../content/contracts/format.ts';
import { percentOf } from '../../../content/contracts/money.ts';
import { paths } from '../../../content/paths.ts';
import { html, type SafeHtml } from '../html.ts';
import type { ProjectView } from '../site-data.ts';
import { progressBarHtml } from './progress-bar.ts';

/**
 * A project accepting gifts as a short card for the home page: title, charity and place, the goal
 * as a bar with the closing day, and 我要捐赠 straight to the project's donate section. No summary
 * or badges (the full card in listings has them): on a 360 px phone the first card's 我要捐赠 is
 * on the home page's first screen. Only for projects accepting gifts.
 */
/**
 * The bar and one line (share of the goal, closing day): on the home page the first card's
 * 我要捐赠 must be on a phone's first screen whatever the title's length; the sums are on the
 * project's page and its listing card.
 */
function compactFundingHtml(view: ProjectView): SafeHtml | '' {
  const plan = view.project.plan;
  if (!plan) return '';
  const percent = percentOf(view.money.raisedFen, plan.goalFen) ?? 0;
  return html`<div class="card__funding">${progressBarHtml(percent)}<p class="small muted">已达目标 ${percent}% · ${formatDate(plan.window.end)}截止</p></div>`;
}

export function givingCardHtml(view: ProjectView): SafeHtml {
  const { project, charity } = view;
  const place = project.regions[0];
  const more = project.regions.length > 1 ? ` 等 ${project.regions.length} 地` : '';
  return html`<article class="card card--giving"><h4><a href="${paths.project(project.slug)}">${project.title}</a></h4><p class="card__meta">${charity.name} · ${place ? place.name : ''}${more}</p>${compactFundingHtml(view)}<p class="card__give"><a class="button" href="${paths.project(project.slug)}#donate">我要捐赠<span class="visually-hidden">：${project.title}</span></a></p></article>`;
}
