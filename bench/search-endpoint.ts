/**
 * The island's scale path (issue 20, step 5): `GET /search/results.json` — the results page's server
 * search answered as JSON — measured on the demo and the 10,000-project scale documents, over
 * real HTTP on loopback (a Node server answering with the endpoint's own `searchJson`, as the
 * portal does after the rate limiter): the first query after a release switch, then p50/p95 of
 * both judged sets' queries as server time and as the round trip, and the bytes of the first
 * results (raw and gzipped, what a phone moves).
 *
 * The first query after a switch, three ways:
 *   built      a release without `search-corpus.bin` (before issue 20's corpus file, and the
 *              fallback now): the corpus is built on that query, in the portal's 10 ms slices;
 *   prebuilt   the release's index stage wrote the corpus (its build and write time and size on
 *              disk are printed: the publish-time cost); the portal's watcher (runtime.ts) loads it
 *              on the switch — its time and longest event-loop block are printed — and the first
 *              query then finds it loaded;
 *   at switch  the same file, with the query arriving before the watcher has looked: it waits for the load.
 *   running    a portal that had the release before loaded when `current` is switched to the new
 *              one (two copies of the same files, the link renamed as the publisher does): the
 *              query arriving at once is answered from the release before while the new one loads
 *              (release-document-source.ts, STALE_AFTER_MS).
 * The `built` run goes first in the process and loads jieba's dictionary (~0.25 s once per
 * process); the others find it loaded, as a running portal does at a switch. (Run from
 * `npm run bench:search`, after its Chromium rows, jieba is loaded before `built` too.)
 *
 *   node --import tsx bench/search-endpoint.ts [demo|scale|all]
 *   node --expose-gc --import tsx bench/search-endpoint.ts [demo|scale|all]   # garbage of the publish collected before the switch
 */
import { copyFile, mkdir, mkdtemp, rename, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { SearchDocument } from '../content/search/documents.ts';
import { buildSearchDocuments } from '../content/search/documents.ts';
import { generateSnapshot } from '../datasets/index.ts';
import { SEARCH_DOCUMENTS_FILE, writeReleaseDocuments } from '../search/index/release-documents.ts';
import { prepareCorpus } from '../search/server/corpus.ts';
import { SEARCH_CORPUS_FILE, writeCorpusFile } from '../search/server/corpus-file.ts';
import { isPrebuilt } from '../search/server/corpus-load.ts';
import {
  createServerSearch,
  releaseDocumentSource,
  type ServerSearch,
  searchJson,
  staticDocumentSource,
} from '../search/server/index.ts';
import { loadAverage, measureBlocking } from './event-loop-probe.ts';
import { RELEVANCE_AS_OF, relevanceDataset } from './relevance/demo-documents.ts';
import { JUDGED_QUERIES } from './relevance/judged-queries.ts';
import { policyJudged } from './relevance/policy-queries.ts';

type Size = 'demo' | 'scale';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

interface EndpointRun {
  firstMs: number;
  serverP50: number;
  serverP95: number;
  tripP50: number;
  tripP95: number;
  firstKb: number;
  firstGzKb: number;
}

/** The endpoint over loopback: the first query's time, then (unless `firstOnly`) every judged query's. */
async function endpoint(search: ServerSearch, queries: readonly string[], firstOnly = false): Promise<EndpointRun> {
  const serverMs: number[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const t0 = performance.now();
    void search.search({ query: url.searchParams.get('q') ?? '' }).then((response) => {
      const body = JSON.stringify(searchJson(response));
      serverMs.push(performance.now() - t0);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/search/results.json?q=`;
  const get = async (q: string) => (await fetch(base + encodeURIComponent(q))).text();
  try {
    const started = performance.now();
    const first = await get('失能老人');
    const firstMs = performance.now() - started;
    serverMs.length = 0;
    const trips: number[] = [];
    for (const q of firstOnly ? [] : queries) {
      const t0 = performance.now();
      await get(q);
      trips.push(performance.now() - t0);
    }
    trips.sort((a, b) => a - b);
    serverMs.sort((a, b) => a - b);
    return {
      firstMs,
      serverP50: percentile(serverMs, 0.5),
      serverP95: percentile(serverMs, 0.95),
      tripP50: percentile(trips, 0.5),
      tripP95: percentile(trips, 0.95),
      firstKb: Buffer.byteLength(first) / 1024,
      firstGzKb: gzipSync(first).length / 1024,
    };
  } finally {
    server.close();
  }
}

function releaseSearch(path: string): ServerSearch {
  const fallback = { current: () => Promise.reject(new Error('此测量没有快照可用')), demo: async () => true };
  return createServerSearch({ documents: releaseDocumentSource({ path, fallback }), log: () => undefined });
}

/** A running portal at a switch: the query's time right after `current` moves to a new release. */
async function switchWhileRunning(dir: string): Promise<number> {
  for (const name of ['a', 'b']) {
    await mkdir(join(dir, name));
    for (const f of [SEARCH_DOCUMENTS_FILE, SEARCH_CORPUS_FILE]) await copyFile(join(dir, f), join(dir, name, f));
  }
  const current = join(dir, 'current');
  await symlink('a', current);
  const search = releaseSearch(join(current, SEARCH_DOCUMENTS_FILE));
  if (!isPrebuilt(await search.corpus())) throw new Error('没有用上预先构建的语料');
  // Running: the release before has answered queries already.
  await search.search({ query: '失能老人' });
  await search.search({ query: '助学' });
  await symlink('b', join(dir, 'next'));
  await rename(join(dir, 'next'), current);
  return (await endpoint(search, [], true)).firstMs;
}

async function measure(size: Size) {
  const documents: SearchDocument[] =
    size === 'demo'
      ? relevanceDataset().documents
      : buildSearchDocuments(generateSnapshot({ size: 'scale', asOf: RELEVANCE_AS_OF })).documents;
  const queries = [
    ...JUDGED_QUERIES.map((q) => q.query),
    ...policyJudged(relevanceDataset().documents).map((q) => q.query),
  ];
  const loadBefore = loadAverage();
  const built = await endpoint(
    createServerSearch({
      documents: staticDocumentSource({ documents, demo: true, ruleDay: RELEVANCE_AS_OF }),
      log: () => undefined,
    }),
    queries,
  );

  // Publish: what the index stage adds (release-index.ts), into a release directory of its own.
  await mkdir(join(ROOT, '.data', 'tmp'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, '.data', 'tmp', 'search-endpoint-'));
  try {
    const path = join(dir, SEARCH_DOCUMENTS_FILE);
    const meta = { demo: true, ruleDay: RELEVANCE_AS_OF };
    const bytes = await writeReleaseDocuments(path, { ...meta, documents });
    const t0 = performance.now();
    const corpusBytes = await writeCorpusFile(join(dir, SEARCH_CORPUS_FILE), prepareCorpus(documents), meta, bytes);
    const publishMs = performance.now() - t0;

    // The publish runs in the index child, not in the portal: with --expose-gc its garbage (and
    // the built run's corpus) is collected here, so the switch below does not pay for it.
    (globalThis as { gc?: () => void }).gc?.();
    // The switch: the watcher's load, then the first query.
    const search = releaseSearch(path);
    const { value: corpus, ...load } = await measureBlocking(() => search.corpus());
    if (!isPrebuilt(corpus)) throw new Error('没有用上预先构建的语料');
    const prebuilt = await endpoint(search, queries);
    // A query that arrives at the switch, before the watcher has loaded anything.
    const atSwitch = await endpoint(releaseSearch(path), queries, true);
    const running = await switchWhileRunning(dir);
    return {
      size,
      documents: documents.length,
      built,
      prebuilt,
      atSwitch,
      running,
      publishMs,
      corpusMb: corpusBytes / 2 ** 20,
      documentsMb: bytes.length / 2 ** 20,
      load,
      loadAverage: `${loadBefore} → ${loadAverage()}`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type EndpointResult = Awaited<ReturnType<typeof measure>>;
export { measure as measureEndpoint };

/** The two tables of BENCHMARKS.md's issue-20 sections (bench/search.ts prints them in its run too). */
export function formatEndpointTables(results: readonly EndpointResult[]): string {
  const f = (x: number, d = 0) => x.toFixed(d);
  const lines = [
    '| data | documents | corpus | first query after a switch (ms) | server p50 / p95 (ms) | round trip p50 / p95 (ms) | first results raw / gzip (KB) |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    for (const [label, run] of [
      ['built on the first query', r.built],
      ['prebuilt, loaded on the switch', r.prebuilt],
    ] as const) {
      lines.push(
        `| ${r.size} | ${r.documents} | ${label} | ${f(run.firstMs)} | ${f(run.serverP50, 1)} / ${f(run.serverP95, 1)} | ${f(run.tripP50, 1)} / ${f(run.tripP95, 1)} | ${f(run.firstKb, 1)} / ${f(run.firstGzKb, 1)} |`,
      );
    }
  }
  lines.push(
    '',
    '| data | publish: build + write corpus (ms) | corpus file / documents file (MB) | load on switch (ms) | longest block (probe / eld, ms) | blocks > 50 ms | query at the switch, nothing loaded before (load + query, ms) | query at a switch of a running portal (ms) | load average |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const r of results) {
    lines.push(
      `| ${r.size} | ${f(r.publishMs)} | ${f(r.corpusMb, 1)} / ${f(r.documentsMb, 1)} | ${f(r.load.totalMs)} | ${f(r.load.maxBlockMs)} / ${f(r.load.eldMaxMs)} | ${r.load.blocksOver50} | ${f(r.atSwitch.firstMs)} | ${f(r.running)} | ${r.loadAverage} |`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2] ?? 'all';
  const sizes: Size[] = which === 'all' ? ['demo', 'scale'] : [which as Size];
  const results = [];
  for (const size of sizes) results.push(await measure(size));
  console.log(formatEndpointTables(results));
}
