/**
 * The server engine decided by numbers (issue 20): the in-process engine (search/server/) against
 * MiniSearch 7 fed the same jieba tokens, on the demo and the 10,000-project scale dataset —
 * relevance on both judged sets (demo: they were judged there), latency p50/p95 of the judged
 * queries, heap after building, and start-up after a release switch (documents → a searchable
 * corpus, jieba's dictionary included, in a process that has not searched yet).
 *
 *   npx tsx bench/search-server.ts [demo|scale|all] [in-process|minisearch]   (bench/search.ts runs it too)
 *
 * MiniSearch gets what the in-process engine gets: the same documents, jieba (the same user
 * dictionary) as its tokenizer for documents and queries, the field weights of corpus.ts as
 * boosts, AND semantics with OR as the fallback, and the same type priors. It gets no query
 * variants (synonyms, near-miss): those live in our code around an engine, and what is measured
 * here is the engine under them.
 */
import MiniSearch from 'minisearch';
import { buildSearchDocuments, type SearchDocument } from '../content/search/documents.ts';
import { generateSnapshot } from '../datasets/index.ts';
import { normaliseRequest } from '../search/client/index.ts';
import { buildVocabulary, dictionaryWords } from '../search/index/vocabulary.ts';
import { FIELD_WEIGHTS, prepareCorpus, segmenterOf } from '../search/server/corpus.ts';
import { SERVER_TYPE_WEIGHTS, searchCorpus } from '../search/server/in-process.ts';
import { createSegmenter } from '../search/server/segmenter.ts';
import { RELEVANCE_AS_OF, relevanceDataset } from './relevance/demo-documents.ts';
import { JUDGED_QUERIES } from './relevance/judged-queries.ts';
import { policyJudged } from './relevance/policy-queries.ts';
import { type RunScore, scoreRun } from './relevance/scorer.ts';

type Size = 'demo' | 'scale';
type Search = (query: string) => string[];

export interface EngineNumbers {
  engine: 'in-process' | 'minisearch';
  size: Size;
  documents: number;
  startupMs: number;
  heapMb: number;
  p50: number;
  p95: number;
  first?: RunScore;
  policy?: RunScore;
}

const MB = 1024 * 1024;
const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};
const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

function inProcess(documents: SearchDocument[]): Search {
  const corpus = prepareCorpus(documents);
  segmenterOf(corpus);
  return (query) => {
    const { truncated: _, ...request } = normaliseRequest({ query });
    return searchCorpus(corpus, request).hits.map((h) => h.id);
  };
}

const FIELDS = ['title', 'keywords', 'targetGroup', 'serviceType', 'region', 'charity', 'summary', 'body'] as const;

function miniSearch(documents: SearchDocument[]): Search {
  const segment = createSegmenter(dictionaryWords(buildVocabulary(documents)));
  const tokenize = (text: string) => segment(text.normalize('NFKC').toLowerCase());
  const index = new MiniSearch<SearchDocument>({
    fields: [...FIELDS],
    storeFields: ['type'],
    tokenize,
    extractField: (doc, field) => {
      const value = doc[field as keyof SearchDocument];
      return Array.isArray(value) ? value.join(' ') : String(value ?? '');
    },
    searchOptions: {
      boost: Object.fromEntries(FIELDS.map((f) => [f, FIELD_WEIGHTS[f]])),
      combineWith: 'AND',
    },
  });
  index.addAll(documents);
  return (query) => {
    const boostDocument = (_id: unknown, _term: string, stored?: Record<string, unknown>) =>
      SERVER_TYPE_WEIGHTS[stored?.type as SearchDocument['type']] ?? 1;
    let hits = index.search(query, { boostDocument });
    if (hits.length === 0) hits = index.search(query, { boostDocument, combineWith: 'OR' });
    return hits.slice(0, 10).map((h) => String(h.id));
  };
}

async function measure(engine: EngineNumbers['engine'], size: Size, documents: SearchDocument[]) {
  const before = heap();
  const started = performance.now();
  const search = engine === 'in-process' ? inProcess(documents) : miniSearch(documents);
  // Start-up: building the searchable view and answering the first query (what the first visitor after a switch waits for).
  search('失能老人');
  const startupMs = performance.now() - started;
  const heapMb = (heap() - before) / MB;
  const policy = policyJudged(size === 'demo' ? documents : relevanceDataset().documents);
  const queries = [...JUDGED_QUERIES.map((q) => q.query), ...policy.map((q) => q.query)];
  const times: number[] = [];
  const runs = new Map<string, string[]>();
  for (const query of queries) {
    const t0 = performance.now();
    runs.set(query, search(query));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const out: EngineNumbers = {
    engine,
    size,
    documents: documents.length,
    startupMs,
    heapMb,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
  };
  // Relevance only where the sets were judged: the demo of the judged day.
  if (size === 'demo') {
    out.first = scoreRun(JUDGED_QUERIES, runs);
    out.policy = scoreRun(policy, runs);
  }
  return out;
}

const ENGINES = ['in-process', 'minisearch'] as const;

export async function compareServerEngines(
  sizes: readonly Size[],
  engines: readonly EngineNumbers['engine'][] = ENGINES,
): Promise<EngineNumbers[]> {
  const out: EngineNumbers[] = [];
  for (const size of sizes) {
    const documents =
      size === 'demo'
        ? relevanceDataset().documents
        : buildSearchDocuments(generateSnapshot({ size: 'scale', asOf: RELEVANCE_AS_OF })).documents;
    for (const engine of engines) out.push(await measure(engine, size, documents));
  }
  return out;
}

export function formatEngineNumbers(rows: readonly EngineNumbers[]): string {
  const f = (x: number | undefined, d = 3) => (x === undefined ? '—' : x.toFixed(d));
  return [
    '| engine | data | documents | start-up (ms) | heap (MB) | p50 (ms) | p95 (ms) | first set success@5 / MRR | policy set success@5 / MRR |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.engine} | ${r.size} | ${r.documents} | ${f(r.startupMs, 0)} | ${f(r.heapMb, 0)} | ${f(r.p50, 1)} | ${f(r.p95, 1)} | ${f(r.first?.successAt5)} / ${f(r.first?.mrr)} | ${f(r.policy?.successAt5)} / ${f(r.policy?.mrr)} |`,
    ),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2] ?? 'all';
  const sizes: Size[] = which === 'all' ? ['demo', 'scale'] : [which as Size];
  // `in-process` alone skips MiniSearch (530 s to build at scale).
  const engines = ENGINES.filter((e) => !process.argv[3] || e === process.argv[3]);
  console.log(formatEngineNumbers(await compareServerEngines(sizes, engines)));
}
