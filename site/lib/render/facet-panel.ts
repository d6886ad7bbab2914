import type { FacetGroup } from '../facet-nav.ts';
import { FACET_LABELS, MAX_COMBINED_FACETS } from '../facets.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * The filter panel of a listing page: plain links to pre-rendered listing pages, so filtering works
 * with JavaScript off and every filter state has its own address that can be shared or bookmarked.
 * Built as a string: there are ~10,000 listing pages at scale, each with ~50 filter links.
 *
 * A <details> whose summary says how many filters are chosen and how many projects match: closed,
 * a phone shows the first project card on the first screen instead of two screens of filter
 * links. From 60rem the stylesheet shows the panel open beside the list (::details-content);
 * a browser without that pseudo-element keeps it a button there too, which still works.
 */
export function facetPanelHtml(
  groups: readonly FacetGroup[],
  resultsId: string,
  total: number,
  chosen: number,
): SafeHtml {
  const facets = groups.map((group) => {
    const label = FACET_LABELS[group.facet];
    const body = group.limited
      ? html`<p class="small muted">已选 ${MAX_COMBINED_FACETS} 项条件。如需按${label}筛选，请先取消一项。</p>`
      : html`<ul>${group.clearHref ? html`<li><a href="${group.clearHref}">不限</a></li>` : ''}${group.options.map(
          (o) =>
            html`<li><a href="${o.href}"${o.selected ? html` aria-current="page"` : ''}>${o.label}<span class="count">（${o.count}）</span></a></li>`,
        )}</ul>`;
    return html`<div class="facet"><h3>${label}</h3>${body}</div>`;
  });
  const state = chosen > 0 ? `已选 ${chosen} 项` : '未选';
  return html`<details class="facet-panel"><summary><span class="facet-panel__title" id="facet-heading">筛选</span> <span class="facet-panel__count">${state} · ${total} 个项目</span></summary><section aria-labelledby="facet-heading"><p class="small"><a href="#${resultsId}">跳到项目列表（${total} 个）</a></p><p class="small muted">可同时选择不同类别中的 ${MAX_COMBINED_FACETS} 项条件；选择同一类别的另一项会替换原来的条件。</p>${facets}</section></details>`;
}
