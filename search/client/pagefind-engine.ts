import { FACETS, type FacetName, SEARCH_TYPES, type SearchType } from '../../content/search/settings.ts';
import { fuse, type Ranked } from './fusion.ts';
import { isSearchType, pickMeta, typeFromPath } from './hit-meta.ts';
import { defaultVocabularyUrl, fetchVocabulary } from './pagefind-vocabulary.ts';
import { type CorpusHints, heaviestVariants, queryVariants } from './query-variants.ts';
import { plainText, safePath, sanitisePagefindExcerpt } from './sanitise-excerpt.ts';
import { NAMED_TYPE_BOOST, namedTypes } from './type-words.ts';
import type { EngineResult, FacetCounts, Filters, NormalisedRequest, SearchEngine, SearchHit } from './types.ts';

export { parseVocabulary } from './pagefind-vocabulary.ts';

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
  /** What the build knows about the corpus (search/index/vocabulary.ts). @default fetched from `vocabularyUrl` */
  vocabulary?: CorpusHints;
  /**
   * Where the build wrote the vocabulary (a `.gz` URL is inflated in the browser); `false` to use
   * the synonym words only. @default `<bundlePath>vocabulary.json.gz`, or `.json` without DecompressionStream
   */
  vocabularyUrl?: string | false;
  fetch?: typeof fetch;
  /** Searches per query and type class, the query itself included. @default PAGEFIND_MAX_VARIANTS */
  maxVariants?: number;
  /**
   * Prior weight per type (1 when not listed). Pagefind has no per-record boost, so each weight
   * class is searched separately (a `type` filter) and its scores scaled: many short disclosures
   * would otherwise crowd the projects they report on out of the first page.
   * @default PAGEFIND_TYPE_WEIGHTS
   */
  typeWeights?: Partial<Record<SearchType, number>>;
  /**
   * How scores of query variants are made comparable: `max` divides each variant's scores by its
   * best, so a longer variant does not win merely by having more words to match. @default 'max'
   */
  scoreScale?: 'raw' | 'max';
  /**
   * Run Pagefind in its web worker. The worker keeps the page responsive during a search, but
   * every search's full result list (every match, with word locations) is copied back to the page
   * — a query is several searches — and its script is another 13 KB on the first query. On the
   * page the judged queries took about half the p50 and a third less p95 (demo, BENCHMARKS.md);
   * the island searches on submit, not per keystroke, and shows aria-busy meanwhile. @default false
   */
  worker?: boolean;
  /**
   * Count facets with the first query (`true`), or answer with `facetsPending` until the filter
   * chunks are loaded (`client.facets()` then loads them and counts), so the results come first.
   * @default false
   */
  facetsWithFirstQuery?: boolean;
}

/** Priors for engines that weight each document (search/server-search). */
export const DEFAULT_TYPE_WEIGHTS: Partial<Record<SearchType, number>> = { charity: 0.8, disclosure: 0.5 };

/**
 * Pagefind's priors: two classes, so a query is 2 × variants searches instead of 3 ×. Charities
 * and disclosures share a class at 0.6 — on the judged set (bench/relevance) this scores the same
 * as 0.8 / 0.5 in separate classes (reference HTML: recall@5 0.93, MRR 0.94 with 3 variants),
 * while charities at 1 cost MRR (0.93). BENCHMARKS.md "Search".
 */
export const PAGEFIND_TYPE_WEIGHTS: Partial<Record<SearchType, number>> = { charity: 0.6, disclosure: 0.6 };

/**
 * Variants per query: the query and its two heaviest alternatives. The vocabulary already drops
 * synonyms and corrections the corpus never uses; of the rest, the heaviest three score the
 * judged set as well as the first five listed did (site index: recall@5 0.91 → 0.93, MRR 0.94),
 * while the first three listed lost MRR (0.93). The slowest queries were the ones with five.
 */
export const PAGEFIND_MAX_VARIANTS = 3;

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

/** `metaWeights.terms`: the title's pre-segmented words (content/search/pagefind-markup.ts) weigh like a heading. */
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
  // only for loaded chunks: `filters()` loads them all, once, after which every search counts.
  // Until then a search leaves its facets pending (the chunks are a fair share of a first query's
  // bytes: 25 KB on the demo, more at scale), and `facetCounts` loads them and counts.
  let filterChunks: Promise<Record<string, Record<string, number>>> | null = null;
  let filtersReady = false;
  const loadFilters = (pf: PagefindModule) => {
    filterChunks ??= pf.filters().then(
      (all) => {
        filtersReady = true;
        return all;
      },
      (error: unknown) => {
        filterChunks = null;
        throw error;
      },
    );
    return filterChunks;
  };
  const module = () => {
    ready ??= (async () => {
      const pf = await load(`${bundlePath}pagefind.js`);
      await pf.options({
        ...(options.worker ? {} : { noWorker: true }),
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

  /** Every variant in every type class, with what each weighs before score scaling. */
  async function searchAll(pf: PagefindModule, text: string, request: NormalisedRequest) {
    const hints = await loadVocabulary();
    const all = queryVariants(text, {
      ...(options.synonyms ? { synonyms: options.synonyms } : {}),
      ...(hints ? { hints } : {}),
      max: Number.POSITIVE_INFINITY,
      rareWords: true,
    });
    const variants = heaviestVariants(all, options.maxVariants ?? PAGEFIND_MAX_VARIANTS);
    // A type the query (or its first correction: 慈善项日 → 慈善项目) names is a class of its own,
    // weighted up (issue 20); later corrections are guesses (中华慈善曰 → 中华慈善奖) and do not count.
    const weights = { ...(options.typeWeights ?? PAGEFIND_TYPE_WEIGHTS) };
    const firstCorrection = variants.find((v) => v.reason === 'near-miss')?.query ?? '';
    const named = namedTypes(`${text}\n${firstCorrection}`, hints?.campaigns);
    for (const type of named) weights[type] = NAMED_TYPE_BOOST;
    const classes = typeClasses(weights, request.filters.type);
    const runs = await Promise.all(
      classes.map((c) => {
        const filters = pagefindFilters({ ...request.filters, type: c.types });
        const isNamed = c.types.some((t) => named.includes(t));
        return Promise.all(
          variants.map(async (v, i) => ({
            i,
            named: isNamed,
            weight: v.weight * c.weight,
            response: await pf.search(v.query, { filters }),
          })),
        );
      }),
    );
    return { variants, runs };
  }

  const countsOf = (runs: Awaited<ReturnType<typeof searchAll>>['runs']) =>
    facetCounts(runs.map((run) => run.map(({ response }) => response?.filters ?? {})));

  return {
    name: 'pagefind',
    async facetValues() {
      return facetCounts([[await loadFilters(await module())]]);
    },
    async facetCounts(request: NormalisedRequest): Promise<FacetCounts> {
      const text = pagefindQueryText(request.query);
      if (text.length === 0) return {};
      const [pf] = await Promise.all([module(), loadVocabulary()]);
      await loadFilters(pf);
      // Pagefind has no count-only call: the same searches again, now with every chunk loaded.
      return countsOf((await searchAll(pf, text, request)).runs);
    },
    async search(request: NormalisedRequest): Promise<EngineResult> {
      const text = pagefindQueryText(request.query);
      if (text.length === 0) return { total: 0, hits: [], facets: {} };
      const [pf] = await Promise.all([module(), loadVocabulary()]);
      if (options.facetsWithFirstQuery) await loadFilters(pf);
      // Decided before searching: chunks that finish loading half-way would give partial counts.
      const counted = filtersReady;
      const { variants, runs } = await searchAll(pf, text, request);
      const scale = options.scoreScale ?? 'max';
      // A named type's class is scaled by its own best, the other classes by their common best:
      // Pagefind scores a type's records on their own words, and 慈善项目 scores every typical
      // case (many 慈善) above any project (项目 is in almost every record), so the boost alone
      // lost to the other types' better text match; the person asked for projects (issue 20).
      const best = (list: readonly { response: PagefindResponse | null }[]) =>
        Math.max(1e-9, ...list.flatMap((run) => (run.response?.results ?? []).map((r) => r.score)));
      const divisor = variants.map((_, i) => best(runs.flatMap((run) => run.filter((r) => r.i === i && !r.named))));
      const lists = runs.flat().map(({ i, named, weight, response }) => ({
        weight: scale === 'raw' ? weight : weight / (named ? best([{ response }]) : (divisor[i] ?? 1)),
        results: (response?.results ?? []).map((r): Ranked<PagefindResult> => ({ id: r.id, score: r.score, item: r })),
      }));
      const fused = fuse(lists);
      const start = (request.page - 1) * request.pageSize;
      const page = fused.slice(start, start + request.pageSize);
      const hits = (await Promise.all(page.map((r) => toHit(r.item)))).filter((h): h is SearchHit => h !== null);
      return counted
        ? { total: fused.length, hits, facets: countsOf(runs) }
        : { total: fused.length, hits, facets: {}, facetsPending: true };
    },
  };
}
