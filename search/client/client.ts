import { hasFilters, normaliseFilters, normaliseRequest } from './query.ts';
import type {
  EngineName,
  FacetCounts,
  NormalisedRequest,
  SearchEngine,
  SearchRequest,
  SearchResponse,
} from './types.ts';

/**
 * The one search client the island uses. It normalises the request (empty, overlong and hostile
 * input included), asks Meilisearch when configured and reachable, falls back to Pagefind when it
 * is not, and always answers with the same shape — never throws, never returns markup other than
 * `<mark>` in `excerptHtml`.
 */
export interface SearchClientOptions {
  /** The production engine; omit when Meilisearch is not configured. */
  primary?: SearchEngine;
  /** The embedded engine and fallback (Pagefind). */
  fallback?: SearchEngine;
  /** Give up on the primary after this long. @default 2500 */
  timeoutMs?: number;
  /** After a failure, skip the primary for this long. @default 60000 */
  retryAfterMs?: number;
  /** For tests. @default Date.now */
  now?: () => number;
  /** Told about every primary failure (for logging). */
  onFallback?: (error: unknown) => void;
}

export interface SearchClient {
  /** Results; their facet counts too, unless the engine counts them after (`facetsPending`). */
  search(request: SearchRequest): Promise<SearchResponse>;
  /**
   * The facet counts of a response: its own when it has them, else asked of the engine that
   * answered, for the same query and filters. Never throws: a failure gives `{}` (no facets shown).
   */
  facets(response: SearchResponse): Promise<FacetCounts>;
}

export const UNAVAILABLE_MESSAGE = '搜索暂时不可用，请稍后再试，或按地区、帮扶对象浏览项目。';

export function createSearchClient(options: SearchClientOptions): SearchClient {
  const { primary, fallback, timeoutMs = 2500, retryAfterMs = 60_000, now = Date.now } = options;
  let primaryDownUntil = 0;
  const known = new Map<EngineName, Promise<FacetCounts>>();

  /** Facet values the engine holds, fetched once per engine (and again after a failure). */
  function knownValues(engine: SearchEngine, signal?: AbortSignal): Promise<FacetCounts> {
    let values = known.get(engine.name);
    if (!values) {
      values = engine.facetValues(signal);
      known.set(engine.name, values);
      values.catch(() => known.delete(engine.name));
    }
    return values;
  }

  async function ask(engine: SearchEngine, request: NormalisedRequest, signal?: AbortSignal) {
    const filters = hasFilters(request.filters)
      ? normaliseFilters(request.filters, await knownValues(engine, signal))
      : request.filters;
    return { engine: engine.name, filters, result: await engine.search({ ...request, filters }, signal) };
  }

  async function withTimeout(engine: SearchEngine, request: NormalisedRequest) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const work = ask(engine, request, controller.signal);
    work.catch(() => undefined); // a late failure after the timeout is not news
    try {
      return await Promise.race([
        work,
        new Promise<never>((_, reject) =>
          controller.signal.addEventListener('abort', () => reject(new Error(`超过 ${timeoutMs} ms 未响应`))),
        ),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async search(raw) {
      const { truncated, ...request } = normaliseRequest(raw);
      const base = { query: request.query, truncated, page: request.page, pageSize: request.pageSize };
      if (request.query.length === 0) {
        return {
          ...base,
          state: 'empty',
          total: 0,
          hits: [],
          facets: {},
          filters: {},
          engine: null,
          fellBack: false,
        };
      }
      let fellBack = false;
      let answer: Awaited<ReturnType<typeof ask>> | null = null;
      if (primary && now() >= primaryDownUntil) {
        try {
          answer = await withTimeout(primary, request);
        } catch (error) {
          primaryDownUntil = now() + retryAfterMs;
          fellBack = true;
          options.onFallback?.(error);
        }
      } else if (primary) {
        fellBack = true;
      }
      if (!answer && fallback) {
        try {
          answer = await ask(fallback, request);
        } catch (error) {
          options.onFallback?.(error);
        }
      }
      if (!answer) {
        return {
          ...base,
          state: 'unavailable',
          total: 0,
          hits: [],
          facets: {},
          filters: {},
          engine: null,
          fellBack,
          message: UNAVAILABLE_MESSAGE,
        };
      }
      const { result } = answer;
      return {
        ...base,
        state: result.total > 0 ? 'results' : 'no-results',
        total: result.total,
        hits: result.hits,
        facets: result.facets,
        // No results, nothing to count.
        facetsPending: result.facetsPending === true && result.total > 0,
        filters: answer.filters,
        engine: answer.engine,
        fellBack,
      };
    },
    async facets(response) {
      if (!response.facetsPending) return response.facets;
      const engine = [primary, fallback].find((e) => e?.name === response.engine);
      if (!engine) return {};
      try {
        return await engine.facetCounts({
          query: response.query,
          filters: response.filters ?? {},
          page: response.page,
          pageSize: response.pageSize,
        });
      } catch {
        return {}; // the results are on screen already; the facets stay away rather than show an error
      }
    },
  };
}
