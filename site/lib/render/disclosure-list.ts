import { formatDate, formatRange } from '../../../content/contracts/format.ts';
import { formatYuan } from '../../../content/contracts/money.ts';
import { DISCLOSURE_KINDS, EXPENSE_CATEGORIES, labelOf } from '../../../content/index.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import { renderRichText } from '../rich-text.ts';
import type { ProjectView } from '../site-data.ts';
import { correctedBadgeHtml, correctionListHtml } from './correction-notes.ts';

/**
 * The project's published disclosures, newest first; corrections link to what they correct, and
 * a disclosure changed after publication is marked 已更正 and carries its 更正说明.
 */
export function disclosureListHtml(view: ProjectView, today: string): SafeHtml {
  const published = view.disclosures.filter((d) => d.publishedOn <= today).reverse();
  if (published.length === 0) return html`<p>本项目尚未发布信息公开。</p>`;
  const titleOf = new Map(view.disclosures.map((d) => [d.slug, d.title]));
  const items = published.map((d) => {
    const kind = html`<span class="${d.kind === 'correction' ? 'badge badge--warn' : 'badge'}">${labelOf(DISCLOSURE_KINDS, d.kind)}</span>`;
    const corrects = d.corrects
      ? html`<p class="small">更正的是：<a href="#d-${d.corrects}">${titleOf.get(d.corrects) ?? d.corrects}</a>（原文保留）</p>`
      : '';
    const expenses =
      d.expenses.length > 0
        ? html`<div class="scroll-x" role="region" aria-label="${d.title}：支出明细" tabindex="0"><table class="small stack expense-table"><caption>支出明细</caption><thead><tr><th scope="col">日期</th><th scope="col">事项</th><th scope="col">类别</th><th scope="col" class="num">金额</th><th scope="col" class="num">受益人次</th></tr></thead><tbody>${d.expenses.map(
            (e) =>
              html`<tr><td>${formatDate(e.date)}</td><td>${e.item}</td><td>${labelOf(EXPENSE_CATEGORIES, e.category)}</td><td class="num">${formatYuan(e.amountFen)}</td><td class="num">${e.beneficiariesReached}</td></tr>`,
          )}</tbody></table></div>`
        : '';
    // A disclosure is a financial statement: its totals in exact 元, the unit of its text and its
    // expense table, so the same sum never reads two ways in one entry.
    const raised = formatYuan(d.raisedToDateFen);
    const spent = formatYuan(d.spentToDateFen);
    const notesId = `d-${d.slug}-gengzheng`;
    const corrected = d.corrections.length > 0;
    const notes = corrected
      ? html`<section class="corrections-block" aria-labelledby="${notesId}"><h4 id="${notesId}">更正说明</h4>${correctionListHtml('disclosures', d.corrections)}</section>`
      : '';
    return html`<li id="d-${d.slug}"><article><h3>${d.title}</h3><p class="card__meta">${kind} 公开于 ${formatDate(d.publishedOn)} · 涵盖 ${formatRange(d.period)}${corrected ? html` ${correctedBadgeHtml(d.corrections, notesId)}` : ''}</p>${corrects}<div class="rich-text">${raw(renderRichText(d.body, { headingBase: 4 }))}</div><p class="small">截至本次公开：累计募得 ${raised}，累计支出 ${spent}。</p>${expenses}${notes}</article></li>`;
  });
  const correctedCount = published.filter((d) => d.corrections.length > 0).length;
  const summary =
    correctedCount > 0
      ? html`<p class="small">其中 ${correctedCount} 条发布后作过修改：已标“已更正”，并在该条下附更正说明（修改日期、改了什么、为什么改）。</p>`
      : '';
  return html`${summary}<ol class="timeline">${items}</ol>`;
}
