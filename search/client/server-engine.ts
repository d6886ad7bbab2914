import { SEARCH_ENDPOINT_PATH } from '../../content/search/browser-config.ts';
import { FACETS } from '../../content/search/settings.ts';
import { isSearchType } from './hit-meta.ts';
import { plainText, safePath, sanitisePagefindExcerpt } from './sanitise-excerpt.ts';
import type { EngineResult, FacetCounts, NormalisedRequest, SearchEngine, SearchHit } from './types.ts';

/**
 * The portal's own search from the browser (issue 20, step 5): `GET /search/results.json` on this site
 * runs the server engine of /search/results/ over the live release and answers JSON
 * (search/server/search-json.ts). The release picks it (`search-config.json`, engine `server`)
 * when it is too big for Pagefind's budget; the client falls back to Pagefind when it fails, is
 * slow, or says "too many requests". Its answer is checked here like any engine's: only
 * same-site links, plain titles, `<mark>` the only markup.
 */
export interface ServerEngineOptions {
  /** Same-site path of the endpoint. @default '/search/results.json' */
  path?: string;
  fetch?: typeof fetch;
}

export class ServerSearchUnavailableError extends Error {
  constructor(readonly status: number) {
    super(`站内搜索接口不可用（HTTP ${status}）`);
    this.name = 'ServerSearchUnavailableError';
  }
}

/** The request as the endpoint's query string (the island's URL scheme: site/islands/search-url.ts). */
export function serverSearchQuery(request: NormalisedRequest): string {
  const params = new URLSearchParams();
  params.set('q', request.query);
  for (const facet of FACETS) for (const v of request.filters[facet] ?? []) params.append(facet, v);
  if (request.page > 1) params.set('page', String(request.page));
  return params.toString();
}

function hitOf(raw: unknown): SearchHit | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const url = safePath(r.url);
  if (!url || !isSearchType(r.type) || typeof r.id !== 'string') return null;
  const meta: Record<string, string> = {};
  if (r.meta && typeof r.meta === 'object')
    for (const [k, v] of Object.entries(r.meta as Record<string, unknown>))
      if (typeof v === 'string') meta[k] = plainText(v);
  return {
    id: r.id,
    type: r.type,
    title: plainText(r.title) || url,
    url,
    excerptHtml: sanitisePagefindExcerpt(r.excerptHtml),
    meta,
  };
}

function countsOf(raw: unknown): FacetCounts {
  const out: FacetCounts = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const facet of FACETS) {
    const counts = (raw as Record<string, unknown>)[facet];
    if (!counts || typeof counts !== 'object') continue;
    const kept: Record<string, number> = {};
    for (const [v, n] of Object.entries(counts as Record<string, unknown>)) if (typeof n === 'number') kept[v] = n;
    out[facet] = kept;
  }
  return out;
}

export function createServerEngine(options: ServerEngineOptions = {}): SearchEngine {
  const path = options.path ?? SEARCH_ENDPOINT_PATH;
  const get = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return {
    name: 'server',
    async search(request, signal) {
      const response = await get(`${path}?${serverSearchQuery(request)}`, {
        signal: signal ?? null,
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new ServerSearchUnavailableError(response.status);
      const body = (await response.json()) as Record<string, unknown>;
      if (body.state === 'unavailable') throw new ServerSearchUnavailableError(503);
      const hits = (Array.isArray(body.hits) ? body.hits : []).map(hitOf).filter((h): h is SearchHit => h !== null);
      const result: EngineResult = {
        total: typeof body.total === 'number' ? body.total : hits.length,
        hits,
        facets: countsOf(body.facets),
      };
      if (typeof body.suggestion === 'string' && body.suggestion) result.suggestion = plainText(body.suggestion);
      return result;
    },
    // Counted with the results (the endpoint answers both at once).
    async facetCounts(request, signal) {
      return (await this.search(request, signal)).facets;
    },
    // The endpoint drops filter values the release does not hold itself: nothing to know here.
    async facetValues() {
      return {};
    },
  };
}
