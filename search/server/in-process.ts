import type { SearchType } from '../../content/search/settings.ts';
import { DEFAULT_SLICE_MS, runSteps, runStepsSliced, type Steps } from '../../content/snapshot/steps.ts';
import { timeSlicer } from '../../content/snapshot/time-slices.ts';
import type { EngineResult, NormalisedRequest, SearchHit } from '../client/index.ts';
import { DEFAULT_TYPE_WEIGHTS, pickMeta, plainText, queryVariants, safePath } from '../client/index.ts';
import { NAMED_TYPE_BOOST, typeOfWord } from '../client/type-words.ts';
import { type PreparedDocument, type ServerCorpus, segmenterOf } from './corpus.ts';
import { documentExcerpt } from './excerpt.ts';
import { countFacetsOf, facetIndexOf, passes } from './facets.ts';
import { fuseSteps, type ScoredList, topOf } from './fusion.ts';
import { scoreVariantSteps, workspace } from './match.ts';
import { termCacheOf } from './term-cache.ts';
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
 * Per document of a corpus, its type (as an index into `types`) and its `prior`, made on the
 * corpus's first query: at scale a common word matches most of 82,000 documents, and reading each
 * one's object for them per variant was a cost of its own.
 */
interface DocumentTable {
  types: SearchType[];
  type: Uint8Array;
  prior: Float64Array;
}

const tables = new WeakMap<ServerCorpus, DocumentTable>();

function documentTableOf(corpus: ServerCorpus): DocumentTable {
  const known = tables.get(corpus);
  if (known) return known;
  const types: SearchType[] = [];
  const type = new Uint8Array(corpus.documents.length);
  const priors = new Float64Array(corpus.documents.length);
  for (const [i, { doc }] of corpus.documents.entries()) {
    let code = types.indexOf(doc.type);
    if (code < 0) code = types.push(doc.type) - 1;
    type[i] = code;
    priors[i] = prior(doc);
  }
  const table = { types, type, prior: priors };
  tables.set(corpus, table);
  return table;
}

/**
 * Builds what a corpus's first query would (the document table, the facet index), so that query
 * does not pay for them: called on a prebuilt corpus as it loads after a release switch
 * (release-document-source.ts), while queries are still answered from the release before.
 */
export function warmCorpus(corpus: ServerCorpus): void {
  documentTableOf(corpus);
  facetIndexOf(corpus);
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
 * work — a query's first use of a common word at scale still reads thousands of documents.
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
  const filtered = Object.keys(request.filters).length > 0;
  const allowed = filtered ? new Uint8Array(documents.length) : null;
  if (allowed) {
    for (const [i, doc] of documents.entries()) {
      if (passes(doc, request.filters)) allowed[i] = 1;
      if (i % 1024 === 1023) yield;
    }
  }
  const scope = { allowed, pairs: corpus.pairs, cache: termCacheOf(corpus), work: workspace(documents.length) };

  const variants = queryVariants(request.query, { hints: corpus.hints, max: options.maxVariants ?? 5 });
  const segment = segmenterOf(corpus);
  const table = documentTableOf(corpus);
  const lists: (ScoredList & { complete: boolean; terms: string[] })[] = [];
  const best = { query: 0, queryShare: 1, nearMiss: 0, suggestion: null as string | null };
  for (const variant of variants) {
    const terms = queryTerms(variant.query, segment, corpus.lexicon);
    const { docs, scores: raw, complete } = yield* scoreVariantSteps(documents, scope, terms);
    const share = wordShare(terms.terms);
    const named = new Set(terms.terms.flatMap((t) => typeOfWord(t.text) ?? []));
    const scores = new Float64Array(docs.length);
    const boosts = table.types.map((type) => (named.has(type) ? NAMED_TYPE_BOOST : 1));
    const weights = table.types.map((type) => typeWeights[type] ?? 1);
    let top = 0;
    for (let k = 0; k < docs.length; k++) {
      if (k % 4096 === 4095) yield;
      const i = docs[k] ?? 0;
      const type = table.type[i] ?? 0;
      const score = (raw[k] ?? 0) * share * (boosts[type] ?? 1) * ((weights[type] ?? 1) * (table.prior[i] ?? 1));
      top = Math.max(top, score);
      scores[k] = score;
    }
    if (variant.reason === 'query') {
      best.query = top;
      best.queryShare = share;
    }
    if (variant.reason === 'near-miss' && top > best.nearMiss) {
      best.nearMiss = top;
      best.suggestion = variant.query;
    }
    lists.push({ weight: variant.weight, docs, scores, complete, terms: terms.terms.map((t) => t.text) });
    yield;
  }
  // Partial matches (some words missing) only when the variants find fewer than a first screen of
  // entries holding all their words: 甘肃 助学 stays an AND, 养老培训 (nothing says both) finds what
  // says either, below anything that says both.
  const completeHits = new Set<number>();
  for (const l of lists) {
    if (!l.complete) continue;
    for (const i of l.docs) {
      if (completeHits.size >= ENOUGH_COMPLETE) break;
      completeHits.add(i);
    }
  }
  const kept = lists.filter((l) => l.complete || completeHits.size < ENOUGH_COMPLETE);
  const fused = yield* fuseSteps(documents.length, kept);
  // Suggested when the correction answers clearly better, or the query as typed left a lone character
  // no word covers (中华慈善曰: the 曰) and the correction finds something.
  const clearlyBetter = best.nearMiss >= best.query * SUGGEST_RATIO || (best.queryShare < 1 && best.nearMiss > 0);
  const suggestion =
    best.suggestion && clearlyBetter && best.suggestion !== request.query ? best.suggestion : undefined;
  yield;
  const start = (request.page - 1) * request.pageSize;
  // Only as far as this page: the rest's order is never shown.
  const hits = topOf(fused, start + request.pageSize)
    .slice(start)
    .map((i) => {
      const prepared = documents[i];
      return prepared ? toHit(prepared, kept[fused.from[i] ?? 0]?.terms ?? []) : null;
    })
    .filter((h): h is SearchHit => h !== null);
  yield;
  const facets = countFacetsOf(facetIndexOf(corpus), fused.docs);
  return { total: fused.docs.length, hits, facets, ...(suggestion ? { suggestion } : {}) };
}
