import type { BrowserSearchConfig } from '../content/search/browser-config.ts';
import type { FirstQuery, Transfer } from './search-browser.ts';
import type { RequestCounts } from './search-release-server.ts';

/** bench/search.ts's rows and their tables (Chromium: path, first query, latency; the index build). */
type Size = 'demo' | 'scale';
const KB = 1024;

/** Issue 5's targets for the island on Pagefind; issue 20's at scale for its server path. */
const GOALS = {
  pagefind: { firstBytes: 300 * KB, p95: 100 },
  server: { firstBytes: 150 * KB, p95: 300 },
} as const;

export interface IndexNumbers {
  /** Pages indexed (entries minus records). */
  pages: number;
  records: number;
  htmlFiles: number;
  astroSeconds: number | null;
  indexMs: number;
  trivialMs: number;
  bundle: { files: number; bytes: number };
  vocabularyBytes: number;
}

export interface PathNumbers {
  /** The engine the island read from `search-config.json`. */
  configured: BrowserSearchConfig['engine'];
  /** The bench's config, not the release's (`--scale-pages=demo`). */
  forced: boolean;
  /** Documents behind `/search/results.json`. */
  documents: number;
  /** The prebuilt server corpus: build + write time, size on disk. */
  corpus: { ms: number; bytes: number } | null;
  /** Requests during the first query (page load included) and during the latency passes. */
  first: RequestCounts;
  latency: RequestCounts;
  /** Searches typed in the latency passes (warm-ups included). */
  searches: number;
}

export interface Row {
  size: Size;
  /** Whose built pages Chromium loaded. */
  sitePages: Size;
  /** Null with `--scale-pages=demo` (no index stage of this size's site). */
  index: IndexNumbers | null;
  path: PathNumbers;
  first: FirstQuery;
  p50: number;
  p95: number;
  /** p95 over each query's fastest pass: what the engine does when the machine lets it. */
  bestP95: number;
  baseP50: number;
  baseP95: number;
  relevance: { recallAt5: number; mrr: number } | null;
  /** 1-minute load average before and after the browser runs (the machine is shared). */
  load: [number, number];
}

/**
 * What answered the island: the server path only when every search reached the endpoint and
 * Pagefind's index was never fetched (the client falls back to Pagefind on an error or after
 * 2.5 s, and then stays there for a minute).
 */
export function answeredBy(p: PathNumbers): string {
  const pagefindUsed = p.first.pagefindIndex + p.latency.pagefindIndex > 0;
  const endpointUsed = p.first.endpoint + p.latency.endpoint > 0;
  if (p.configured === 'server') {
    if (!pagefindUsed && p.first.endpoint >= 1 && p.latency.endpoint >= p.searches) return 'server';
    return `server → pagefind fallback (${p.first.endpoint + p.latency.endpoint} of ${p.searches + 1} answered by the endpoint)`;
  }
  if (p.configured === 'pagefind' && !endpointUsed) return 'pagefind';
  return `${p.configured} (endpoint ${p.first.endpoint + p.latency.endpoint}, Pagefind index ${p.first.pagefindIndex + p.latency.pagefindIndex})`;
}

const sum = (ts: Transfer[]) => ts.reduce((a, t) => a + t.bytes, 0);
const kb = (bytes: number) => `${(bytes / KB).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / KB ** 2).toFixed(1)} MB`;

export function report(rows: readonly Row[]): string {
  const lines = [
    '| dataset | pages in Chromium | path: configured → answered | endpoint answers / Pagefind index requests (first query; latency passes) | first query: until results / until facets | first query ms: results / facets | page load | p50 | p95 | p95, best pass per query | pagefind.js fetch p50 / p95 | load average |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const p = r.path;
    lines.push(
      `| ${r.size} (${p.documents} documents) | ${r.sitePages}${p.forced ? ', config forced to server' : ''} | ${p.configured} → **${answeredBy(p)}** | ${p.first.endpoint} / ${p.first.pagefindIndex}; ${p.latency.endpoint} / ${p.latency.pagefindIndex} (${p.searches} searches) | ${kb(sum(r.first.untilResults))} (${r.first.untilResults.length} responses) / ${kb(sum(r.first.query))} (${r.first.query.length}) | ${r.first.ms.toFixed(0)} / ${r.first.facetsMs.toFixed(0)} ms | ${kb(sum(r.first.pageLoad))} | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.bestP95.toFixed(0)} ms | ${r.baseP50.toFixed(1)} / ${r.baseP95.toFixed(1)} ms | ${r.load.map((l) => l.toFixed(1)).join(' → ')} |`,
    );
  }
  const indexed = rows.filter((r) => r.index);
  if (indexed.length > 0)
    lines.push(
      '',
      '| dataset | pages indexed (+ records; HTML files read) | index build (incl. documents + corpus) | server corpus: build + write, size | trivial pages (same count) | ratio | bundle | astro build |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
  for (const r of indexed) {
    const i = r.index as IndexNumbers;
    const corpus = r.path.corpus;
    lines.push(
      `| ${r.size} | ${i.pages} (+ ${i.records}; ${i.htmlFiles}) | ${(i.indexMs / 1000).toFixed(1)} s | ${corpus ? `${(corpus.ms / 1000).toFixed(1)} s, ${mb(corpus.bytes)}` : '—'} | ${(i.trivialMs / 1000).toFixed(1)} s | ${(i.indexMs / i.trivialMs).toFixed(2)}× | ${i.bundle.files} files, ${mb(i.bundle.bytes)} (vocabulary ${kb(i.vocabularyBytes)}) | ${i.astroSeconds ? `${i.astroSeconds.toFixed(0)} s` : 'reused'} |`,
    );
  }
  for (const r of rows) {
    const largest = [...r.first.untilResults].sort((a, b) => b.bytes - a.bytes).slice(0, 4);
    const answered = answeredBy(r.path);
    const goal = answered === 'server' ? GOALS.server : GOALS.pagefind;
    const firstBytes = sum(r.first.untilResults);
    lines.push(
      '',
      `${r.size}（${answered}${r.path.forced ? `，${r.sitePages} 站点的页面` : ''}）：首次查询（到结果）最大的响应 ${largest.map((t) => `${new URL(t.url).pathname} ${kb(t.bytes)}`).join('，')}；` +
        `首次查询 ${r.first.ms.toFixed(0)} ms（分面 ${r.first.facetsMs.toFixed(0)} ms）` +
        (r.path.forced || !r.index?.astroSeconds ? '' : `；astro build ${r.index.astroSeconds.toFixed(0)} s`) +
        (r.relevance
          ? `；评测集 recall@5 ${r.relevance.recallAt5.toFixed(2)}，MRR ${r.relevance.mrr.toFixed(2)}（${answered} 路径）`
          : ''),
      `目标（${answered === 'server' ? '服务器路径' : 'Pagefind'}）：首次查询 ≤ ${kb(goal.firstBytes)}（到结果 ${firstBytes <= goal.firstBytes ? '达到' : '未达到'}，到分面 ${sum(r.first.query) <= goal.firstBytes ? '达到' : '未达到'}），p95 ≤ ${goal.p95} ms（${r.p95 <= goal.p95 ? '达到' : '未达到'}）`,
    );
  }
  return lines.join('\n');
}
