import { FACETS, type FacetName } from '../../content/search/settings.ts';

/**
 * The search page's state in its URL — `/search/?q=失能老人&type=project&province=甘肃省&page=2` —
 * so a search can be shared and the browser's back and forward buttons work. One parameter per
 * facet name (content/search/settings.ts `FACETS`), repeated for several values. Parsing is lenient
 * (unknown parameters are ignored); the search client drops values the index does not hold.
 */
export interface SearchUrlState {
  q: string;
  filters: Partial<Record<FacetName, string[]>>;
  page: number;
}

const MAX_VALUES = 20;

export function readSearchUrl(search: string): SearchUrlState {
  const params = new URLSearchParams(search);
  const filters: Partial<Record<FacetName, string[]>> = {};
  for (const facet of FACETS) {
    const values = [...new Set(params.getAll(facet).filter((v) => v.length > 0 && v.length <= 100))];
    if (values.length > 0) filters[facet] = values.slice(0, MAX_VALUES);
  }
  const page = Number(params.get('page'));
  return { q: params.get('q') ?? '', filters, page: Number.isInteger(page) && page >= 1 && page <= 100 ? page : 1 };
}

/** The query string for a state (leading `?`, or '' when there is nothing to say). */
export function searchUrlQuery(state: SearchUrlState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) for (const v of state.filters[facet] ?? []) params.append(facet, v);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The state with one facet value switched on or off (back to page 1). */
export function toggleFilter(state: SearchUrlState, facet: FacetName, value: string, on: boolean): SearchUrlState {
  const current = state.filters[facet] ?? [];
  const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  const filters = { ...state.filters };
  if (next.length > 0) filters[facet] = next;
  else delete filters[facet];
  return { ...state, filters, page: 1 };
}
