/**
 * The island's scale path (issue 20, step 5): `GET /search/results.json` — the results page's server
 * search answered as JSON — measured on the demo and the 10,000-project scale documents, over
 * real HTTP on loopback (a Node server answering with the endpoint's own `searchJson`, as the
 * portal does after the rate limiter): the first query after a release switch (the corpus is
 * built on it, as in the portal), then p50/p95 of both judged sets' queries as server time and
 * as the round trip, and the bytes of the first results (raw and gzipped, what a phone moves).
 *
 *   node --import tsx bench/search-endpoint.ts [demo|scale|all]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { buildSearchDocuments } from '../content/search/documents.ts';
import { generateSnapshot } from '../datasets/index.ts';
import { createServerSearch, searchJson, staticDocumentSource } from '../search/server/index.ts';
import { RELEVANCE_AS_OF, relevanceDataset } from './relevance/demo-documents.ts';
import { JUDGED_QUERIES } from './relevance/judged-queries.ts';
import { policyJudged } from './relevance/policy-queries.ts';

type Size = 'demo' | 'scale';
const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function measure(size: Size) {
  const documents =
    size === 'demo'
      ? relevanceDataset().documents
      : buildSearchDocuments(generateSnapshot({ size: 'scale', asOf: RELEVANCE_AS_OF })).documents;
  const search = createServerSearch({
    documents: staticDocumentSource({ documents, demo: true, ruleDay: RELEVANCE_AS_OF }),
    log: () => undefined,
  });
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
    const queries = [
      ...JUDGED_QUERIES.map((q) => q.query),
      ...policyJudged(relevanceDataset().documents).map((q) => q.query),
    ];
    const trips: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      await get(q);
      trips.push(performance.now() - t0);
    }
    trips.sort((a, b) => a - b);
    serverMs.sort((a, b) => a - b);
    return {
      size,
      documents: documents.length,
      firstMs,
      serverP50: percentile(serverMs, 0.5),
      serverP95: percentile(serverMs, 0.95),
      tripP50: percentile(trips, 0.5),
      tripP95: percentile(trips, 0.95),
      firstKb: Buffer.byteLength(first) / 1024,
      firstGzKb: gzipSync(first).length / 1024,
      queries: queries.length,
    };
  } finally {
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2] ?? 'all';
  const sizes: Size[] = which === 'all' ? ['demo', 'scale'] : [which as Size];
  const f = (x: number, d = 0) => x.toFixed(d);
  console.log(
    '| data | documents | first query after a switch (ms) | server p50 / p95 (ms) | round trip p50 / p95 (ms) | first results raw / gzip (KB) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const size of sizes) {
    const r = await measure(size);
    console.log(
      `| ${r.size} | ${r.documents} | ${f(r.firstMs)} | ${f(r.serverP50, 1)} / ${f(r.serverP95, 1)} | ${f(r.tripP50, 1)} / ${f(r.tripP95, 1)} | ${f(r.firstKb, 1)} / ${f(r.firstGzKb, 1)} |`,
    );
  }
}
