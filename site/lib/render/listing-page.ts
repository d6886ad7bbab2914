import { facetGroups } from '../facet-nav.ts';
import {
  ACCEPTING,
  FACET_LABELS,
  FACETS,
  listingPath,
  MAX_COMBINED_FACETS,
  type Selection,
  SORT_KEYS,
  SORTS,
  type SortKey,
  selectionSize,
  sortable,
} from '../facets.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageSlice } from '../pagination.ts';
import { describeSelection, facetOptions } from '../project-facets.ts';
import type { SiteData } from '../site-data.ts';
import { breadcrumbsHtml } from './breadcrumbs.ts';
import { facetPanelHtml } from './facet-panel.ts';
import { pagerHtml } from './pager.ts';
import { projectCardHtml } from './project-card.ts';

/**
 * The body of a project listing page (all projects, or one or two filters, one page of 20). Built
 * as one string for the same reason as the project page: ~10,000 of them at scale.
 */
export function listingHeading(site: SiteData, selection: Selection): string {
  const chosen = describeSelection(site, selection);
  return chosen.length ? `慈善项目：${chosen.join(' · ')}` : '慈善项目';
}

/**
 * The parts that are the same on every page of one filter combination (heading, chosen filters,
 * filter panel), built once per combination: at scale ~850 combinations span ~9,700 pages.
 */
interface Parts {
  head: SafeHtml;
  chosen: SafeHtml | '';
  panel: SafeHtml;
}

const parts = new WeakMap<SiteData, Map<string, Parts>>();

function combinationParts(site: SiteData, selection: Selection, total: number): Parts {
  let bySite = parts.get(site);
  if (!bySite) {
    bySite = new Map();
    parts.set(site, bySite);
  }
  const key = listingPath(selection);
  const hit = bySite.get(key);
  if (hit) return hit;
  const built: Parts = {
    ...headHtml(site, selection),
    panel: facetPanelHtml(
      facetGroups(selection, site.projectCombos, facetOptions(site)),
      'results',
      total,
      selectionSize(selection),
    ),
  };
  bySite.set(key, built);
  return built;
}

function headHtml(site: SiteData, selection: Selection): Pick<Parts, 'head' | 'chosen'> {
  const chosen = describeSelection(site, selection);
  const heading = listingHeading(site, selection);
  const crumbs = chosen.length
    ? breadcrumbsHtml([
        { label: '首页', href: '/' },
        { label: '慈善项目', href: '/projects/' },
        { label: chosen.join(' · ') },
      ])
    : '';
  const removeLinks = chosen.length
    ? html`<div><h2 class="visually-hidden">已选条件</h2><ul class="chosen">${FACETS.filter(
        (f) => selection[f] !== undefined,
      ).map((f) => {
        const without: Selection = { ...selection };
        delete without[f];
        return html`<li><a href="${listingPath(without)}">取消“${FACET_LABELS[f]}：${describeSelection(site, { [f]: selection[f] })[0] ?? ''}”</a></li>`;
      })}</ul></div>`
    : '';
  return { head: html`${crumbs}<h1>${heading}</h1>`, chosen: removeLinks };
}

/**
 * The orders of a listing of projects accepting donations, as links to their pages (facets.ts
 * SORTS); elsewhere, while a filter can still be added, the way to such a listing.
 */
function sortBarHtml(selection: Selection, sort: SortKey | undefined): SafeHtml | '' {
  if (!sortable(selection)) {
    if (selectionSize(selection) >= MAX_COMBINED_FACETS) return '';
    return html`<p class="sort-hint"><a href="${listingPath({ ...selection, accepting: ACCEPTING })}">只看可在线捐赠的项目</a>，可按即将截止、最需要支持排序</p>`;
  }
  const option = (key: SortKey | undefined, label: string) =>
    html`<li><a href="${listingPath(selection, 1, key)}"${key === sort ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav class="sort-bar" aria-label="排序"><span class="sort-bar__label" aria-hidden="true">排序：</span><ul>${option(undefined, '默认')}${SORT_KEYS.map((k) => option(k, SORTS[k]))}</ul></nav>`;
}

export function listingPageHtml(
  site: SiteData,
  selection: Selection,
  slice: PageSlice<number>,
  sort?: SortKey,
): SafeHtml {
  const { head, chosen, panel } = combinationParts(site, selection, slice.total);
  const range =
    slice.pageCount > 1 ? `，第 ${slice.page}/${slice.pageCount} 页，显示第 ${slice.from}–${slice.to} 个` : '';
  const order = sort ? `，按${SORTS[sort]}排列` : '';
  const cards = slice.items.map((i) => {
    const view = site.projects[i];
    return view ? html`<li>${projectCardHtml(view, 3)}</li>` : '';
  });
  return html`${head}<p>共 <strong>${slice.total}</strong> 个项目${order}${range}。全部项目均由依法登记的慈善组织发布；本站不发布个人求助信息。</p>${chosen}${sortBarHtml(selection, sort)}<div class="with-sidebar">${panel}<section id="results" aria-labelledby="results-heading"><h2 id="results-heading" class="visually-hidden">项目列表</h2><ul class="grid">${cards}</ul>${pagerHtml(
    slice.page,
    slice.pageCount,
    (n) => listingPath(selection, n, sort),
    '项目列表分页',
  )}</section></div>`;
}
