import { type SearchHit, sanitisePagefindExcerpt } from '../../../search/client/index.ts';

export { hitMetaLine } from '../../../search/client/index.ts';

import { FACET_LABELS, type FacetName } from '../../../content/search/settings.ts';
import type { ServerSearchResponse } from '../../../search/server/index.ts';
import { type SearchUrlState, searchUrlQuery, toggleFilter } from '../../islands/search-url.ts';
import { facetValueLabel, SHOWN_FACETS } from '../../islands/search-view.ts';

/**
 * What results.astro renders, computed from a server search response: every link is a plain
 * GET URL of the results page in the island's URL scheme (site/islands/search-url.ts), so a
 * facet link keeps the query and the other filters, and the same query string opens the
 * interactive page. (Files starting with `_` are not routes.)
 */
export const RESULTS_PATH = '/search/results/';
export const INTERACTIVE_PATH = '/search/';
/** Values shown before "更多" (the rest sit in a <details>, which opens without JavaScript). */
const FIRST_VALUES = 8;

export const resultsUrl = (state: SearchUrlState) => `${RESULTS_PATH}${searchUrlQuery(state)}`;

export interface FacetLink {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** Adds the value (or, when selected, removes it); back to page 1, query kept. */
  href: string;
}

export interface FacetGroup {
  facet: FacetName;
  label: string;
  first: FacetLink[];
  more: FacetLink[];
}

/** The facets the island offers, values by count; a selected value stays listed even at 0. */
export function facetGroups(response: ServerSearchResponse, state: SearchUrlState): FacetGroup[] {
  const groups: FacetGroup[] = [];
  for (const facet of SHOWN_FACETS) {
    const counts = response.facets[facet] ?? {};
    const selected = state.filters[facet] ?? [];
    const values = Object.keys(counts).sort(
      (a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b, 'zh-CN'),
    );
    for (const v of selected) if (!values.includes(v)) values.unshift(v);
    if (values.length === 0) continue;
    const links = values.map((value) => {
      const on = selected.includes(value);
      return {
        value,
        label: facetValueLabel(facet, value),
        count: counts[value] ?? 0,
        selected: on,
        href: resultsUrl(toggleFilter(state, facet, value, !on)),
      };
    });
    // A chosen value is never hidden behind "更多".
    const first = links.filter((l, i) => i < FIRST_VALUES || l.selected);
    groups.push({ facet, label: FACET_LABELS[facet], first, more: links.filter((l) => !first.includes(l)) });
  }
  return groups;
}

/**
 * The excerpt as HTML: the engines already return escaped text with `<mark>` only; this second
 * lock (the island rebuilds it from text nodes) keeps exactly `<mark>`/`</mark>` and escapes the rest.
 */
export const safeExcerptHtml = (hit: SearchHit) => sanitisePagefindExcerpt(hit.excerptHtml);

export interface Pager {
  pages: number;
  previous: string | null;
  next: string | null;
  /** Set when the page asked for lies past the last one. */
  firstPage: string | null;
}

export function pager(response: ServerSearchResponse, state: SearchUrlState): Pager {
  const pages = Math.max(1, Math.ceil(response.total / response.pageSize));
  const at = (page: number) => resultsUrl({ ...state, page });
  return {
    pages,
    previous: response.page > 1 && response.page <= pages ? at(response.page - 1) : null,
    next: response.page < pages ? at(response.page + 1) : null,
    firstPage: response.total > 0 && response.page > pages ? at(1) : null,
  };
}

/** The state the links are built from: the query as searched (cut to its limit), the filters applied. */
export function linkState(response: ServerSearchResponse, requested: SearchUrlState): SearchUrlState {
  return {
    q: response.query,
    filters: response.state === 'empty' ? requested.filters : response.filters,
    page: response.page,
  };
}
