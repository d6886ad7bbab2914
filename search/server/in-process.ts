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
import type { PreparedDocument, ServerCorpus } from './corpus.ts';
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
  /** Prior weight per type (1 when not listed). @default DEFAULT_TYPE_WEIGHTS (the Pagefind engine's) */
  typeWeights?: Partial<Record<SearchType, number>>;
  /** Searches per query, the query itself included. @default 5 */
  maxVariants?: number;
}

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
  const typeWeights = options.typeWeights ?? DEFAULT_TYPE_WEIGHTS;
  const { documents } = corpus;
  const candidates: number[] = [];
  for (const [i, doc] of documents.entries()) {
    if (passes(doc, request.filters)) candidates.push(i);
    if (i % 1024 === 1023) yield;
  }

  const variants = queryVariants(request.query, { hints: corpus.hints, max: options.maxVariants ?? 5 });
  const cache: TermCache = new Map();
  const lists: WeightedList<Found>[] = [];
  for (const variant of variants) {
    const terms = queryTerms(variant.query, corpus.lexicon, corpus.longestWord);
    const scores = yield* scoreVariantSteps(documents, candidates, terms, cache);
    const texts = terms.terms.map((t) => t.text);
    const results: Ranked<Found>[] = [];
    for (const [index, raw] of scores) {
      const type = documents[index]?.doc.type;
      const score = raw * (type ? (typeWeights[type] ?? 1) : 1);
      results.push({ id: String(index), score, item: { index, terms: texts } });
    }
    lists.push({ weight: variant.weight, results });
    yield;
  }
  const fused = fuse(lists);
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
  return { total: fused.length, hits, facets: countFacets(matched) };
}
