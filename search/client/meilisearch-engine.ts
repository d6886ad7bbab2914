import { BOOLEAN_FACET_VALUES, FACETS, type FacetName } from '../../content/search/settings.ts';
import { isSearchType, pickMeta, typeFromPath } from './hit-meta.ts';
import { MEILI_MARK_CLOSE, MEILI_MARK_OPEN, plainText, safePath, sanitiseMeiliExcerpt } from './sanitise-excerpt.ts';
import type { EngineResult, FacetCounts, Filters, NormalisedRequest, SearchEngine, SearchHit } from './types.ts';

/**
 * Meilisearch from the browser: plain `fetch` to `POST /indexes/<uid>/search` with the
 * search-only key (the build hands it over; see search/index/meilisearch-keys.ts). No client library in
 * the browser bundle; synonyms and typo tolerance are the server's.
 */
export interface MeilisearchEngineOptions {
  host: string;
  /** The search-only key (actions: ['search'], indexes: [indexUid], with an expiry). */
  apiKey: string;
  indexUid: string;
  fetch?: typeof fetch;
  /** Words around a match. @default 30 */
  cropLength?: number;
}

export class MeilisearchUnavailableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'MeilisearchUnavailableError';
  }
}

/** `faceting.maxValuesPerFacet` in content/search/settings.ts. */
const MAX_VALUES_PER_FACET = 200;
const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const BOOLEAN_FACETS: readonly FacetName[] = ['acceptingDonations', 'keyCounty'];

/** Filter expression: OR within a facet (inner arrays), AND across facets. Values are quoted, never spliced. */
export function meiliFilter(filters: Filters): string[][] {
  return Object.entries(filters).map(([name, values]) =>
    (values ?? []).map((v) =>
      BOOLEAN_FACETS.includes(name as FacetName)
        ? `${name} = ${v === BOOLEAN_FACET_VALUES.yes ? 'true' : 'false'}`
        : `${name} = ${quote(v)}`,
    ),
  );
}

export function meiliSearchBody(request: NormalisedRequest, cropLength = 30): Record<string, unknown> {
  return {
    q: request.query,
    filter: meiliFilter(request.filters),
    facets: [...FACETS],
    page: request.page,
    hitsPerPage: request.pageSize,
    attributesToRetrieve: [
      'id',
      'type',
      'url',
      'title',
      'project',
      'charity',
      'region',
      'status',
      'publishedOn',
      'acceptingDonations',
    ],
    attributesToHighlight: ['summary', 'body'],
    attributesToCrop: ['summary', 'body'],
    cropLength,
    highlightPreTag: MEILI_MARK_OPEN,
    highlightPostTag: MEILI_MARK_CLOSE,
  };
}

function toHit(raw: Record<string, unknown>): SearchHit | null {
  const url = safePath(raw.url);
  if (!url) return null;
  const type = isSearchType(raw.type) ? raw.type : typeFromPath(url);
  const formatted = (raw._formatted ?? {}) as Record<string, unknown>;
  const body = typeof formatted.body === 'string' ? formatted.body : '';
  const summary = typeof formatted.summary === 'string' ? formatted.summary : '';
  // The body excerpt when the match is there, else the summary.
  const excerpt = body.includes(MEILI_MARK_OPEN) || !summary ? body : summary;
  return {
    id: typeof raw.id === 'string' ? raw.id : url,
    type,
    title: plainText(raw.title) || url,
    url,
    excerptHtml: sanitiseMeiliExcerpt(excerpt),
    meta: pickMeta(raw, type),
  };
}

function facetCounts(distribution: unknown): FacetCounts {
  const out: FacetCounts = {};
  if (!distribution || typeof distribution !== 'object') return out;
  for (const facet of FACETS) {
    const counts = (distribution as Record<string, unknown>)[facet];
    if (!counts || typeof counts !== 'object') continue;
    const clean = Object.fromEntries(
      Object.entries(counts as Record<string, unknown>).filter(
        (e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0,
      ),
    );
    if (Object.keys(clean).length > 0) out[facet] = clean;
  }
  return out;
}

export function createMeilisearchEngine(options: MeilisearchEngineOptions): SearchEngine {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = `${options.host.replace(/\/+$/, '')}/indexes/${encodeURIComponent(options.indexUid)}/search`;

  async function post(body: Record<string, unknown>, signal?: AbortSignal): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      throw new MeilisearchUnavailableError(`Meilisearch 无法连接：${(error as Error).message}`);
    }
    if (!response.ok) throw new MeilisearchUnavailableError(`Meilisearch 返回 ${response.status}`, response.status);
    const json: unknown = await response.json().catch(() => null);
    if (!json || typeof json !== 'object') throw new MeilisearchUnavailableError('Meilisearch 返回的不是 JSON');
    return json as Record<string, unknown>;
  }

  return {
    name: 'meilisearch',
    async facetValues(signal) {
      const json = await post({ q: '', facets: [...FACETS], limit: 0 }, signal);
      // A facet at the server's per-facet cap may have more values than it listed: leave it unchecked.
      const counts = facetCounts(json.facetDistribution);
      for (const facet of FACETS) {
        if (Object.keys(counts[facet] ?? {}).length >= MAX_VALUES_PER_FACET) delete counts[facet];
      }
      return counts;
    },
    // Meilisearch counts facets with the results (`search` never leaves them pending); this is
    // the same count without hits, for callers that ask separately.
    async facetCounts(request, signal) {
      const json = await post(
        { q: request.query, filter: meiliFilter(request.filters), facets: [...FACETS], limit: 0 },
        signal,
      );
      return facetCounts(json.facetDistribution);
    },
    async search(request, signal): Promise<EngineResult> {
      const json = await post(meiliSearchBody(request, options.cropLength), signal);
      const hits = (Array.isArray(json.hits) ? json.hits : [])
        .filter((h): h is Record<string, unknown> => !!h && typeof h === 'object')
        .map(toHit)
        .filter((h): h is SearchHit => h !== null);
      const total =
        typeof json.totalHits === 'number'
          ? json.totalHits
          : typeof json.estimatedTotalHits === 'number'
            ? json.estimatedTotalHits
            : hits.length;
      return { total, hits, facets: facetCounts(json.facetDistribution) };
    },
  };
}
