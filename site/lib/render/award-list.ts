import { formatDate } from '../../../content/contracts/format.ts';
import { AWARD_CATEGORIES, type Award, labelOf } from '../../../content/index.ts';
import { paths } from '../../../content/paths.ts';
import { html, type SafeHtml } from '../html.ts';

/** Awards with their citation and document number; awardees on the portal are linked unless told not to. */
export function awardListHtml(awards: readonly Award[], linkAwardees = true): SafeHtml {
  const items = awards.map((a) => {
    const awardee =
      linkAwardees && a.awardee.project
        ? html`<a href="${paths.project(a.awardee.project)}">${a.awardee.name}</a>`
        : linkAwardees && a.awardee.charity
          ? html`<a href="${paths.charity(a.awardee.charity)}">${a.awardee.name}</a>`
          : a.awardee.name;
    // The id is the fragment of `paths.awardAnchor`, where search results point.
    return html`<li id="award-${a.slug}"><strong>${a.name}（${a.edition}，${a.year}年）· ${labelOf(AWARD_CATEGORIES, a.category)}</strong>：${awardee}<br><span class="small">${a.citation}</span><br><span class="small muted">${a.documentNumber}，${formatDate(a.announcedOn)}公布</span></li>`;
  });
  return html`<ul class="award-list">${items}</ul>`;
}
