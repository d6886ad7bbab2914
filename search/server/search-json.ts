export { SEARCH_ENDPOINT_PATH } from '../../content/search/browser-config.ts';

import { FACETS, type FacetName } from '../../content/search/settings.ts';
import type { FacetCounts } from '../client/index.ts';
import type { ServerSearchResponse } from './server-search.ts';

/**
 * The JSON the island reads from `GET /search/results.json` (site/pages/search/results.json.ts) when the release is
 * too big for Pagefind (issue 20, step 5): the same server search as /search/results/, answered
 * as data. Kept small for a first query on a phone (≤ 150 KB): hits as the engine made them
 * (`excerptHtml` escaped with `<mark>` only), and per facet only the most frequent values — at
 * scale `charity` alone has thousands. `region` is left out: the island does not offer it
 * (`province` covers it, site/islands/search-view.ts).
 */
/** Values per facet in an answer: the island lists a handful per group. */
export const MAX_FACET_VALUES = 30;

const SENT_FACETS: readonly FacetName[] = FACETS.filter((f) => f !== 'region');

/** The counts, `region` dropped and each facet cut to its `MAX_FACET_VALUES` largest values. */
export function trimFacets(facets: FacetCounts, keep: Partial<Record<FacetName, string[]>> = {}): FacetCounts {
  const out: FacetCounts = {};
  for (const facet of SENT_FACETS) {
    const counts = facets[facet];
    if (!counts) continue;
    const chosen = new Set(keep[facet] ?? []);
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    // The values a request filters on stay, so a checked box never vanishes from the list.
    out[facet] = Object.fromEntries(entries.filter(([v], i) => i < MAX_FACET_VALUES || chosen.has(v)));
  }
  return out;
}

export interface SearchJson {
  state: ServerSearchResponse['state'];
  query: string;
  truncated: boolean;
  total: number;
  hits: ServerSearchResponse['hits'];
  facets: FacetCounts;
  filters: ServerSearchResponse['filters'];
  page: number;
  pageSize: number;
  suggestion?: string;
  message?: string;
}

export function searchJson(response: ServerSearchResponse): SearchJson {
  return {
    state: response.state,
    query: response.query,
    truncated: response.truncated,
    total: response.total,
    hits: response.hits,
    facets: trimFacets(response.facets, response.filters),
    filters: response.filters,
    page: response.page,
    pageSize: response.pageSize,
    ...(response.suggestion ? { suggestion: response.suggestion } : {}),
    ...(response.message ? { message: response.message } : {}),
  };
}
