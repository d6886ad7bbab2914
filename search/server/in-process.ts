import type { SearchType } from '../../content/search/settings.ts';
import { DEFAULT_SLICE_MS, runSteps, runStepsSliced, type Steps } from '../../content/snapshot/steps.ts';
import { timeSlicer } from '../../content/snapshot/time-slices.ts';
import type { EngineResult, NormalisedRequest, SearchHit } from '../client/index.ts';
import {
  DEFAULT_TYPE_WEIGHTS,
  fuse,
  pickMeta,
  plainText,
  queryVariants,
  type Ranked,
  safePath,
  type WeightedList,
} from '../client/index.ts';
import { NAMED_TYPE_BOOST, typeOfWord } from '../client/type-words.ts';
import { type PreparedDocument, type ServerCorpus, segmenterOf } from './corpus.ts';
import { documentExcerpt } from './excerpt.ts';
import { countFacets, passes } from './facets.ts';
import { scoreVariantSteps, type TermCache } from './match.ts';
import { queryTerms } from './terms.ts';

/**
 * Full-text search over the prepared corpus, in this process: the query and the same variants
 * the island's Pagefind engine runs (search/client/query-variants.ts: near-miss corrections and
 * synonym replacements, weighted alike, with the same corpus vocabulary), each scored with AND
 * semantics (match.ts), scaled by the same type priors and fused
 * (search/client/fusion.ts). The request must already be normalised (search/client/query.ts).
 */
export interface InProcessOptions {
  /** Prior weight per type (1 when not listed). @default SERVER_TYPE_WEIGHTS */
  typeWeights?: Partial<Record<SearchType, number>>;
  /** Searches per query, the query itself included. @default 5 */
  maxVariants?: number;
}

/**
 * Ranking by what an entry is (issue 20): among equal matches, projects that accept gifts now come
 * before closed ones, and projects with an overdue disclosure come lower (GlobalGiving hides late
 * reporters; we only demote them).
 */
export const PROJECT_PRIORS = { accepting: 1.15, overdue: 0.8 } as const;

function prior(doc: PreparedDocument['doc']): number {
  if (doc.type !== 'project') return 1;
  return (doc.acceptingDonations ? PROJECT_PRIORS.accepting : 1) * (doc.overdue ? PROJECT_PRIORS.overdue : 1);
}

/**
 * The server's type priors: charities lower than the Pagefind engine's default (a charity whose
 * blurb names a place or a group is not what that search wants first; its projects are).
 */
export const SERVER_TYPE_WEIGHTS: Partial<Record<SearchType, number>> = { ...DEFAULT_TYPE_WEIGHTS, charity: 0.6 };

/** Share of the variant's characters that sit in words (not lone characters): low for a mistyped 慈善项日. */
function wordShare(terms: readonly { text: string; weak: boolean }[]): number {
  const chars = (list: readonly { text: string }[]) => list.reduce((n, t) => n + Array.from(t.text).length, 0);
  const all = chars(terms);
  return all === 0 ? 0 : chars(terms.filter((t) => !t.weak)) / all;
}

/** Entries holding every word that make partial matches unnecessary. */
const ENOUGH_COMPLETE = 5;

/** A near-miss variant at least this much better than the query as typed is offered as "did you mean". */
const SUGGEST_RATIO = 1.5;

interface Found {
  index: number;
  /** The terms of the variant that scored it best: what its excerpt marks. */
  terms: string[];
}

function toHit(prepared: PreparedDocument, terms: readonly string[]): SearchHit | null {
  const { doc } = prepared;
  const url = safePath(doc.url);
  if (!url) return null;
  return {
    id: doc.id,
    type: doc.type,
    title: plainText(doc.title) || url,
    url,
    excerptHtml: documentExcerpt(doc, terms),
    meta: pickMeta(
      {
        project: doc.project,
        charity: doc.charity,
        region: doc.region,
        status: doc.status,
        publishedOn: doc.publishedOn,
        acceptingDonations: doc.acceptingDonations,
      },
      doc.type,
    ),
  };
}

export function searchCorpus(
  corpus: ServerCorpus,
  request: NormalisedRequest,
  options: InProcessOptions = {},
): EngineResult {
  return runSteps(searchSteps(corpus, request, options));
}

/**
 * `searchCorpus` for the portal: the same steps with a turn of the event loop every `sliceMs` of
 * work — one query over the scale corpus is a few hundred milliseconds of scanning.
 */
export function searchCorpusSliced(
  corpus: ServerCorpus,
  request: NormalisedRequest,
  options: InProcessOptions = {},
  sliceMs = DEFAULT_SLICE_MS,
): Promise<EngineResult> {
  return runStepsSliced(searchSteps(corpus, request, options), timeSlicer(sliceMs));
}

function* searchSteps(
  corpus: ServerCorpus,
  request: NormalisedRequest,
  options: InProcessOptions,
): Steps<EngineResult> {
  const typeWeights = options.typeWeights ?? SERVER_TYPE_WEIGHTS;
  const { documents } = corpus;
  const candidates: number[] = [];
  const filtered = Object.keys(request.filters).length > 0;
  const allowed = filtered ? new Uint8Array(documents.length) : null;
  for (const [i, doc] of documents.entries()) {
    if (passes(doc, request.filters)) {
      candidates.push(i);
      if (allowed) allowed[i] = 1;
    }
    if (i % 1024 === 1023) yield;
  }
  const scope = { candidates, allowed, pairs: corpus.pairs };

  const variants = queryVariants(request.query, { hints: corpus.hints, max: options.maxVariants ?? 5 });
  const cache: TermCache = new Map();
  const segment = segmenterOf(corpus);
  const lists: (WeightedList<Found> & { complete: boolean })[] = [];
  const best = { query: 0, queryShare: 1, nearMiss: 0, suggestion: null as string | null };
  for (const variant of variants) {
    const terms = queryTerms(variant.query, segment, corpus.lexicon);
    const { scores, complete } = yield* scoreVariantSteps(documents, scope, terms, cache);
    const texts = terms.terms.map((t) => t.text);
    const share = wordShare(terms.terms);
    const named = new Set(terms.terms.flatMap((t) => typeOfWord(t.text) ?? []));
    const results: Ranked<Found>[] = [];
    let top = 0;
    for (const [index, raw] of scores) {
      const doc = documents[index]?.doc;
      const boost = doc && named.has(doc.type) ? NAMED_TYPE_BOOST : 1;
      const score = raw * share * boost * (doc ? (typeWeights[doc.type] ?? 1) * prior(doc) : 1);
      top = Math.max(top, score);
      results.push({ id: String(index), score, item: { index, terms: texts } });
    }
    if (variant.reason === 'query') {
      best.query = top;
      best.queryShare = share;
    }
    if (variant.reason === 'near-miss' && top > best.nearMiss) {
      best.nearMiss = top;
      best.suggestion = variant.query;
    }
    lists.push({ weight: variant.weight, results, complete });
    yield;
  }
  // Partial matches (some words missing) only when the variants find fewer than a first screen of
  // entries holding all their words: 甘肃 助学 stays an AND, 养老培训 (nothing says both) finds what
  // says either, below anything that says both.
  const completeHits = new Set(lists.flatMap((l) => (l.complete ? l.results.map((r) => r.id) : [])));
  const fused = fuse(lists.filter((l) => l.complete || completeHits.size < ENOUGH_COMPLETE));
  // Suggested when the correction answers clearly better, or the query as typed left a lone character
  // no word covers (中华慈善曰: the 曰) and the correction finds something.
  const clearlyBetter = best.nearMiss >= best.query * SUGGEST_RATIO || (best.queryShare < 1 && best.nearMiss > 0);
  const suggestion =
    best.suggestion && clearlyBetter && best.suggestion !== request.query ? best.suggestion : undefined;
  yield;
  const start = (request.page - 1) * request.pageSize;
  const hits = fused
    .slice(start, start + request.pageSize)
    .map((r) => {
      const prepared = documents[r.item.index];
      return prepared ? toHit(prepared, r.item.terms) : null;
    })
    .filter((h): h is SearchHit => h !== null);
  yield;
  const matched = fused.map((r) => documents[r.item.index]).filter((d): d is PreparedDocument => d !== undefined);
  return { total: fused.length, hits, facets: countFacets(matched), ...(suggestion ? { suggestion } : {}) };
}
