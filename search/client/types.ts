import type { FacetName, SearchType } from '../../content/search/settings.ts';

/** What the island asks for. Anything may be missing or hostile: the client normalises it. */
export interface SearchRequest {
  query?: unknown;
  /** Facet name → values (OR within a facet, AND across facets). Unknown names and values are ignored. */
  filters?: unknown;
  /** 1-based. @default 1 */
  page?: unknown;
  /** @default 10, at most 50 */
  pageSize?: unknown;
}

export type Filters = Partial<Record<FacetName, string[]>>;

/** A request after normalisation: what engines receive. */
export interface NormalisedRequest {
  query: string;
  filters: Filters;
  page: number;
  pageSize: number;
}

export interface SearchHit {
  id: string;
  type: SearchType;
  /** Plain text: render as text, never as HTML. */
  title: string;
  /** A same-site path (`/projects/…/`), never another origin or scheme. */
  url: string;
  /** Escaped text with `<mark>…</mark>` around matches and no other markup. */
  excerptHtml: string;
  /** Plain-text fields for the result line: typeLabel, project, charity, region, status, publishedOn, acceptingDonations. */
  meta: Record<string, string>;
}

export type FacetCounts = Partial<Record<FacetName, Record<string, number>>>;

export type SearchState = 'empty' | 'results' | 'no-results' | 'unavailable';
/** `server`: the portal's own engine through `/search/results.json` (server-engine.ts). */
export type EngineName = 'meilisearch' | 'pagefind' | 'server';

export interface SearchResponse {
  state: SearchState;
  /** The query as it was searched (trimmed, cut to the length limit). */
  query: string;
  /** True when the query was cut to `MAX_QUERY_LENGTH`. */
  truncated: boolean;
  total: number;
  hits: SearchHit[];
  /** Counts per facet value over all results; `{}` while `facetsPending`. */
  facets: FacetCounts;
  /**
   * True when the engine counts facets after the results (Pagefind's first query: its filter
   * chunks load after the results are on screen): `client.facets(response)` brings them.
   */
  facetsPending?: boolean;
  /** The filters searched with: unknown facets and values the index does not hold are gone. */
  filters?: Filters;
  page: number;
  pageSize: number;
  /** Which engine answered; null when none was asked (empty query) or none could answer. */
  engine: EngineName | null;
  /** True when Meilisearch was configured but unreachable and Pagefind answered. */
  fellBack: boolean;
  /** For `unavailable`: a message for people (Chinese). */
  message?: string;
  /** "Did you mean" (the server engine's; `EngineResult.suggestion`). */
  suggestion?: string;
}

/** One engine's answer, before the client adds state and bookkeeping. */
export interface EngineResult {
  total: number;
  hits: SearchHit[];
  /** `{}` when `facetsPending`. */
  facets: FacetCounts;
  /** The counts were left for `facetCounts(request)`, so the results could come first. */
  facetsPending?: boolean;
  /**
   * "Did you mean": a corrected query (toward vocabulary words only) when the query as typed
   * looks mistyped and the correction finds what it does not (the server engine sets it).
   */
  suggestion?: string;
}

export interface SearchEngine {
  readonly name: EngineName;
  search(request: NormalisedRequest, signal?: AbortSignal): Promise<EngineResult>;
  /** Facet counts over a request's results (what `search` left out when it set `facetsPending`). */
  facetCounts(request: NormalisedRequest, signal?: AbortSignal): Promise<FacetCounts>;
  /** Every facet value the index knows, to drop unknown ones before searching. */
  facetValues(signal?: AbortSignal): Promise<FacetCounts>;
}
