import { FACETS, type FacetName, SEARCH_TYPES, type SearchType } from '../settings.ts';
import { fuse, type Ranked } from './fusion.ts';
import { isSearchType, pickMeta, typeFromPath } from './hit-meta.ts';
import { type CorpusHints, queryVariants } from './query-variants.ts';
import { plainText, safePath, sanitisePagefindExcerpt } from './sanitise-excerpt.ts';
import type { EngineResult, FacetCounts, Filters, NormalisedRequest, SearchEngine, SearchHit } from './types.ts';

/**
 * Pagefind in the browser: `pagefind.js` (an ES module written by the index build) loaded from
 * `<bundlePath>pagefind.js`. Pagefind has neither synonyms nor typo tolerance, so each query runs
 * as a few variants (itself, near-miss corrections, synonym replacements) whose results are fused.
 */

/** The part of Pagefind's browser API we use. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<unknown>;
  init?(): Promise<unknown>;
  search(term: string, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface PagefindEngineOptions {
  /** Where the bundle is served. @default '/pagefind/' */
  bundlePath?: string;
  /** How to load `pagefind.js` (tests and bundlers may inject). @default dynamic import() of the URL */
  loadModule?: (url: string) => Promise<PagefindModule>;
  /** Words per excerpt. @default 30 */
  excerptLength?: number;
  /** Pagefind ranking weights (`termSimilarity`, `pageLength`, `metaWeights`, …). */
  ranking?: Record<string, unknown>;
  synonyms?: readonly (readonly string[])[];
  /** What the build knows about the corpus (search/vocabulary.ts). @default fetched from `vocabularyUrl` */
  vocabulary?: CorpusHints;
  /**
   * Where the build wrote the vocabulary (a `.gz` URL is inflated in the browser); `false` to use
   * the synonym words only. @default `<bundlePath>vocabulary.json.gz`, or `.json` without DecompressionStream
   */
  vocabularyUrl?: string | false;
  fetch?: typeof fetch;
  /** Searches per query, the query itself included. @default 5 */
  maxVariants?: number;
  /**
   * Prior weight per type (1 when not listed). Pagefind has no per-record boost, so each weight
   * class is searched separately (a `type` filter) and its scores scaled: many short disclosures
   * would otherwise crowd the projects they report on out of the first page.
   * @default DEFAULT_TYPE_WEIGHTS
   */
  typeWeights?: Partial<Record<SearchType, number>>;
  /**
   * How scores of query variants are made comparable: `max` divides each variant's scores by its
   * best, so a longer variant does not win merely by having more words to match. @default 'max'
   */
  scoreScale?: 'raw' | 'max';
}

export const DEFAULT_TYPE_WEIGHTS: Partial<Record<SearchType, number>> = { charity: 0.8, disclosure: 0.5 };

/** Types grouped by prior weight, limited to the types the request allows. */
export function typeClasses(
  weights: Partial<Record<SearchType, number>>,
  allowed: readonly string[] | undefined,
): { weight: number; types: SearchType[] }[] {
  const byWeight = new Map<number, SearchType[]>();
  for (const type of Object.keys(SEARCH_TYPES) as SearchType[]) {
    if (allowed && !allowed.includes(type)) continue;
    const w = weights[type] ?? 1;
    byWeight.set(w, [...(byWeight.get(w) ?? []), type]);
  }
  return [...byWeight.entries()].sort((a, b) => b[0] - a[0]).map(([weight, types]) => ({ weight, types }));
}

/** `metaWeights.terms`: the title's pre-segmented words (search/pagefind-markup.ts) weigh like a heading. */
export const DEFAULT_PAGEFIND_RANKING = { pageLength: 0.5, metaWeights: { terms: 6 } };

function pagefindFilters(filters: Filters): Record<string, { any: string[] }> {
  return Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values ?? [] }]));
}

/** Counts of several searches: summed across disjoint type classes, the largest across query variants. */
function facetCounts(classes: readonly (readonly Record<string, Record<string, number>>[])[]): FacetCounts {
  const out: FacetCounts = {};
  for (const facet of FACETS) {
    const merged: Record<string, number> = {};
    for (const variants of classes) {
      const best: Record<string, number> = {};
      for (const counts of variants) {
        for (const [value, n] of Object.entries(counts[facet] ?? {})) {
          if (typeof n === 'number' && n > 0) best[value] = Math.max(best[value] ?? 0, n);
        }
      }
      for (const [value, n] of Object.entries(best)) merged[value] = (merged[value] ?? 0) + n;
    }
    if (Object.keys(merged).length > 0) out[facet as FacetName] = merged;
  }
  return out;
}

async function toHit(result: PagefindResult): Promise<SearchHit | null> {
  const data = await result.data();
  const url = safePath(data.url);
  if (!url) return null;
  const meta = (data.meta ?? {}) as Record<string, unknown>;
  const type = isSearchType(meta.type) ? meta.type : typeFromPath(url);
  const id = typeof meta.id === 'string' && /^[a-z-]+-[a-z0-9-]+$/.test(meta.id) ? meta.id : url;
  return {
    id,
    type,
    title: plainText(meta.title) || url,
    url,
    excerptHtml: sanitisePagefindExcerpt(data.excerpt),
    meta: pickMeta(meta, type),
  };
}

/** `vocabulary.json`, checked: anything malformed is ignored (expansion then uses the synonym list alone). */
export function parseVocabulary(json: unknown): CorpusHints | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const { terms, counts } = json as { terms?: unknown; counts?: unknown };
  const hints: CorpusHints = {};
  if (Array.isArray(terms)) hints.terms = terms.filter((t): t is string => typeof t === 'string' && t.length <= 40);
  if (counts && typeof counts === 'object' && !Array.isArray(counts)) {
    hints.counts = Object.fromEntries(
      Object.entries(counts as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
  }
  return hints;
}

async function fetchVocabulary(url: string, doFetch: typeof fetch): Promise<CorpusHints | undefined> {
  try {
    const response = await doFetch(url);
    if (!response.ok) return undefined;
    if (url.endsWith('.gz') && response.body) {
      const inflated = response.body.pipeThrough(new DecompressionStream('gzip'));
      return parseVocabulary(await new Response(inflated).json());
    }
    return parseVocabulary(await response.json());
  } catch {
    return undefined;
  }
}

/** The gzipped vocabulary where the browser can inflate it (search/pagefind-index.ts writes both). */
function defaultVocabularyUrl(bundlePath: string): string {
  return typeof DecompressionStream === 'function' ? `${bundlePath}vocabulary.json.gz` : `${bundlePath}vocabulary.json`;
}

/**
 * The text Pagefind searches for a query: markup-looking tags and ASCII punctuation become spaces,
 * and lone ASCII letters or digits are dropped. Pagefind ignores words its index lacks and matches
 * the rest, so `<script>alert(1)</script>` would otherwise find every page with a “1” in it; a
 * query that is only such noise finds nothing. The query shown to people is left as typed.
 */
export function pagefindQueryText(query: string): string {
  return query
    .replace(/<\/?[A-Za-z][^<>]{0,200}>/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0 && !/^[A-Za-z0-9]$/.test(word))
    .join(' ');
}

export function createPagefindEngine(options: PagefindEngineOptions = {}): SearchEngine {
  const bundlePath = options.bundlePath ?? '/pagefind/';
  const load = options.loadModule ?? ((url: string) => import(/* @vite-ignore */ url) as Promise<PagefindModule>);
  const vocabularyUrl = options.vocabularyUrl ?? defaultVocabularyUrl(bundlePath);
  let vocabulary: Promise<CorpusHints | undefined> | null = null;
  const loadVocabulary = () => {
    if (options.vocabulary || vocabularyUrl === false) return Promise.resolve(options.vocabulary);
    vocabulary ??= fetchVocabulary(vocabularyUrl, options.fetch ?? globalThis.fetch.bind(globalThis));
    return vocabulary;
  };
  let ready: Promise<PagefindModule> | null = null;
  // Pagefind loads a facet's filter chunk only when a search filters on it, and reports counts
  // only for loaded chunks: `filters()` loads them all, once, so every search has its counts.
  let filtersLoaded: Promise<unknown> | null = null;
  const loadFilters = (pf: PagefindModule) => {
    filtersLoaded ??= pf.filters().catch((error: unknown) => {
      filtersLoaded = null;
      throw error;
    });
    return filtersLoaded;
  };
  const module = () => {
    ready ??= (async () => {
      const pf = await load(`${bundlePath}pagefind.js`);
      await pf.options({
        bundlePath,
        excerptLength: options.excerptLength ?? 30,
        ranking: options.ranking ?? DEFAULT_PAGEFIND_RANKING,
      });
      await pf.init?.();
      return pf;
    })().catch((error: unknown) => {
      ready = null; // try again next time (the bundle may come back)
      throw error;
    });
    return ready;
  };

  return {
    name: 'pagefind',
    async facetValues() {
      const pf = await module();
      return facetCounts([[await pf.filters()]]);
    },
    async search(request: NormalisedRequest): Promise<EngineResult> {
      const text = pagefindQueryText(request.query);
      if (text.length === 0) return { total: 0, hits: [], facets: {} };
      const withFilters = async () => {
        const m = await module();
        await loadFilters(m);
        return m;
      };
      const [pf, hints] = await Promise.all([withFilters(), loadVocabulary()]);
      const variants = queryVariants(text, {
        ...(options.synonyms ? { synonyms: options.synonyms } : {}),
        ...(hints ? { hints } : {}),
        ...(options.maxVariants ? { max: options.maxVariants } : {}),
      });
      const classes = typeClasses(options.typeWeights ?? DEFAULT_TYPE_WEIGHTS, request.filters.type);
      const runs = await Promise.all(
        classes.map((c) => {
          const filters = pagefindFilters({ ...request.filters, type: c.types });
          return Promise.all(
            variants.map(async (v, i) => ({
              i,
              weight: v.weight * c.weight,
              response: await pf.search(v.query, { filters }),
            })),
          );
        }),
      );
      const scale = options.scoreScale ?? 'max';
      const divisor = variants.map((_, i) => {
        if (scale === 'raw') return 1;
        const scores = runs.flatMap((run) => (run[i]?.response?.results ?? []).map((r) => r.score));
        return Math.max(1e-9, ...scores);
      });
      const lists = runs.flat().map(({ i, weight, response }) => ({
        weight: weight / (divisor[i] ?? 1),
        results: (response?.results ?? []).map((r): Ranked<PagefindResult> => ({ id: r.id, score: r.score, item: r })),
      }));
      const fused = fuse(lists);
      const start = (request.page - 1) * request.pageSize;
      const page = fused.slice(start, start + request.pageSize);
      const hits = (await Promise.all(page.map((r) => toHit(r.item)))).filter((h): h is SearchHit => h !== null);
      return {
        total: fused.length,
        hits,
        facets: facetCounts(runs.map((run) => run.map(({ response }) => response?.filters ?? {}))),
      };
    },
  };
}
