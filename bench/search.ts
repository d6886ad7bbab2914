/**
 * Search benchmark (issues 5 and 20), on the demo and the 10,000-project scale dataset:
 * - index build: the release's search step (search/index/release-index.ts: documents, Pagefind over the
 *   built pages plus needs and disclosures as records, vocabulary) — time, files, bytes; baseline:
 *   Pagefind indexing the same number of trivial pages in the same run;
 * - first query in Chromium: bytes on the wire for the page, and for the first query until its
 *   results are on screen and until its facets are (the publisher's handler, gzip where a
 *   precompressed sibling exists, as a release has for Pagefind's JS and JSON);
 * - latency p50/p95 of the judged queries (bench/relevance) through the real island after one
 *   warm-up pass; baseline: an uncached fetch of pagefind.js from the same page — and, on the demo
 *   (generated for the judged day), recall@5 / MRR of the real site's index;
 * - which path the island took (issue 20): the engine the release's `search-config.json` names
 *   (`server` above SERVER_SEARCH_THRESHOLD Pagefind entries, i.e. at scale) and what answered —
 *   the bench server answers `/search/results.json` as the portal does, from the release's
 *   documents and prebuilt corpus (bench/search-release-server.ts), and counts those answers and
 *   Pagefind's index requests, so a fallback to Pagefind shows;
 * - the server engine behind /search/results/ against MiniSearch on the same jieba tokens
 *   (bench/search-server.ts): start-up, heap, p50/p95, success@5 / MRR on both judged sets;
 * - `/search/results.json` over loopback (bench/search-endpoint.ts): server time, round trip, first
 *   query after a release switch, publish cost.
 *
 *   npm run bench:search [-- demo|scale|all] [--reuse] [--warmups=N] [--passes=N]
 *                        [--scale-pages=demo] [--engines=in-process]
 *   (default: all; --reuse keeps an earlier site build; N warm-up passes over the queries, default 1;
 *   --scale-pages=demo: the scale row's Chromium part on the demo site's pages with the island told
 *   to use the server engine and the endpoint over the scale documents and corpus — no scale astro
 *   build or Pagefind index, so no Pagefind numbers at scale; --engines=in-process: the engine
 *   comparison without MiniSearch, 530 s to build at scale)
 *
 * Builds go to .data/build/bench-search/ (inside the repo, so the server chunks resolve node_modules).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { Snapshot } from '../content/index.ts';
import { SEARCH_ENDPOINT_PATH } from '../content/search/browser-config.ts';
import { buildSearchDocuments, defaultRuleDay } from '../content/search/documents.ts';
import { generateSnapshot } from '../datasets/index.ts';
import { indexRelease, SEARCH_DOCUMENTS_FILE, writeReleaseDocuments } from '../search/index/index.ts';
import { prepareCorpus, SEARCH_CORPUS_FILE, writeCorpusFile } from '../search/server/index.ts';
import { launchChromium } from './harness/browser.ts';
import { measureBuild } from './measure-build.ts';
import { RELEVANCE_AS_OF } from './relevance/demo-documents.ts';
import { JUDGED_QUERIES } from './relevance/judged-queries.ts';
import { scoreRun } from './relevance/scorer.ts';
import { measureFirstQuery, measureLatency } from './search-browser.ts';
import { formatEndpointTables, measureEndpoint } from './search-endpoint.ts';
import { startReleaseServer } from './search-release-server.ts';
import { type IndexNumbers, type Row, report } from './search-report.ts';
import { compareServerEngines, type EngineNumbers, formatEngineNumbers } from './search-server.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WORK = join(ROOT, '.data', 'build', 'bench-search');
const ASTRO = join(ROOT, 'node_modules', '.bin', 'astro');
const SIZES = ['demo', 'scale'] as const;
type Size = (typeof SIZES)[number];

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const which = args.find((a) => !a.startsWith('--')) ?? 'all';
const reuse = args.includes('--reuse');
/** Warm-up passes before the measured one. @default 1 */
const warmups = Number(option('warmups') ?? 1);
/** Measured passes (p50/p95 over all their samples; the best per query shows the machine's share). @default 3 */
const passes = Number(option('passes') ?? 3);
/** Whose pages the scale row's Chromium part loads: its own site, or the demo's (no scale astro build). */
const scalePages = option('scale-pages') ?? 'scale';
if (scalePages !== 'scale' && scalePages !== 'demo')
  throw new Error(`未知的 --scale-pages=${scalePages}：应为 scale 或 demo`);
const ENGINES: readonly EngineNumbers['engine'][] = ['in-process', 'minisearch'];
const engines = (option('engines')?.split(',') ?? ENGINES) as EngineNumbers['engine'][];
if (engines.some((e) => !ENGINES.includes(e))) throw new Error(`未知的 --engines=${engines.join(',')}`);
const sizes: Size[] = which === 'all' ? [...SIZES] : SIZES.filter((s) => s === which);
if (sizes.length === 0) throw new Error(`未知的数据规模“${which}”：应为 demo、scale 或 all`);

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

async function filesUnder(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += (await stat(join(e.parentPath, e.name))).size;
  }
  return { files, bytes };
}

/** Baseline: Pagefind indexing `n` trivial zh-CN pages (one heading, one sentence) and writing the bundle. */
async function trivialIndexMs(n: number): Promise<number> {
  const dir = await mkdtemp(join(WORK, 'trivial-'));
  const started = performance.now();
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error('Pagefind 无法创建索引');
  for (let i = 0; i < n; i += 64) {
    await Promise.all(
      Array.from({ length: Math.min(64, n - i) }, (_, k) =>
        index.addHTMLFile({
          url: `/p/${i + k}/`,
          content: `<html lang="zh-CN"><body><main data-pagefind-body><h1>页面 ${i + k}</h1><p>这是第 ${i + k} 个页面。</p></main></body></html>`,
        }),
      ),
    );
  }
  await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  const ms = performance.now() - started;
  await index.deleteIndex();
  await pagefind.close();
  await rm(dir, { recursive: true, force: true });
  return ms;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface Release {
  client: string;
  documentsPath: string;
  documents: number;
  corpus: Row['path']['corpus'];
  index: IndexNumbers | null;
}

/** The size's own site: astro build (unless reused), then the release's index stage with its documents file. */
async function buildRelease(size: Size, snapshot: Snapshot): Promise<Release> {
  const snapshotPath = join(WORK, `${size}.json`);
  const out = join(WORK, `site-${size}`);
  const client = join(out, 'client');
  await writeFile(snapshotPath, JSON.stringify(snapshot));
  let astroSeconds: number | null = null;
  if (!(reuse && existsSync(join(client, 'index.html')))) {
    await rm(out, { recursive: true, force: true });
    process.stdout.write(`构建站点（${size}）……\n`);
    const m = await measureBuild(ASTRO, ['build', '--outDir', out], {
      cwd: ROOT,
      env: { ...env, CONTENT_SOURCE: `file:${snapshotPath}` },
      logFile: join(WORK, `site-${size}.log`),
    });
    astroSeconds = m.seconds;
  }
  process.stdout.write(`构建搜索索引（${size}）……\n`);
  // As a release: the documents and the server search's corpus beside the site (publisher's
  // `<release>/search-documents.json`), which the endpoint then reads.
  const documentsPath = join(out, SEARCH_DOCUMENTS_FILE);
  const started = performance.now();
  const indexed = await indexRelease({
    clientDir: client,
    snapshot,
    config: { meilisearch: null },
    documentsFile: documentsPath,
  });
  const indexMs = performance.now() - started;
  const bundle = await filesUnder(join(client, 'pagefind'));
  // `pages` from addDirectory counts every HTML file read; the entry file counts what was indexed.
  const entry = JSON.parse(await readFile(join(client, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexedTotal = Object.values(entry.languages).reduce((a, l) => a + l.page_count, 0);
  const vocabularyBytes = (await stat(join(client, 'pagefind', 'vocabulary.json'))).size;
  process.stdout.write(`对照：Pagefind 索引 ${indexedTotal} 个空白页面……\n`);
  const trivialMs = await trivialIndexMs(indexedTotal);
  return {
    client,
    documentsPath,
    documents: indexed.documents,
    corpus: indexed.corpus,
    index: {
      pages: indexedTotal - indexed.pagefind.records,
      htmlFiles: indexed.pagefind.pages,
      records: indexed.pagefind.records,
      astroSeconds,
      indexMs,
      trivialMs,
      bundle,
      vocabularyBytes,
    },
  };
}

/**
 * `--scale-pages=demo`: the size's documents and prebuilt corpus only (what the index stage writes
 * for the server search), served beside the demo site's pages.
 */
async function documentsOnly(size: Size, snapshot: Snapshot): Promise<Release> {
  const client = join(WORK, 'site-demo', 'client');
  if (!existsSync(join(client, 'index.html')))
    throw new Error('--scale-pages=demo 需要演示站点的构建：先运行 demo（或 all），或加 --reuse 使用已有构建');
  const dir = join(WORK, `documents-${size}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  process.stdout.write(`搜索文档与语料（${size}，演示站点的页面）……\n`);
  const ruleDay = defaultRuleDay(snapshot);
  const { documents } = buildSearchDocuments(snapshot, { today: ruleDay });
  const meta = { demo: snapshot.demo, ruleDay };
  const documentsPath = join(dir, SEARCH_DOCUMENTS_FILE);
  const bytes = await writeReleaseDocuments(documentsPath, { ...meta, documents });
  const started = performance.now();
  const written = await writeCorpusFile(join(dir, SEARCH_CORPUS_FILE), prepareCorpus(documents), meta, bytes);
  const corpus = { ms: Math.round(performance.now() - started), bytes: written };
  return { client, documentsPath, documents: documents.length, corpus, index: null };
}

async function benchSize(size: Size): Promise<Row> {
  const onDemoPages = size === 'scale' && scalePages === 'demo';
  // Both sizes are generated for the judged day, so the demo's judged set applies to its index.
  const snapshot = generateSnapshot({ size, asOf: RELEVANCE_AS_OF });
  const release = onDemoPages ? await documentsOnly(size, snapshot) : await buildRelease(size, snapshot);
  const forceConfig = onDemoPages
    ? ({ engine: 'server', pagefindPath: '/pagefind/', meilisearch: null, serverPath: SEARCH_ENDPOINT_PATH } as const)
    : undefined;
  const server = await startReleaseServer(release.client, { documentsPath: release.documentsPath, forceConfig });
  const browser = await launchChromium();
  try {
    process.stdout.write(`Chromium：首次查询与延迟（${size}，${server.configuredEngine}）……\n`);
    const loadBefore = loadavg()[0] ?? Number.NaN;
    server.takeCounts();
    const first = await measureFirstQuery(browser, server.url, '失能老人');
    const firstCounts = server.takeCounts();
    await writeFile(join(WORK, `first-query-${size}.json`), JSON.stringify(first, null, 1));
    const queries = JUDGED_QUERIES.map((q) => q.query);
    const latency = await measureLatency(browser, server.url, queries, warmups, passes);
    const latencyCounts = server.takeCounts();
    const ms = latency.samples.map((s) => s.ms);
    const best = new Map<string, number>();
    for (const s of latency.samples) best.set(s.query, Math.min(best.get(s.query) ?? Number.POSITIVE_INFINITY, s.ms));
    // The last pass's ranking (all passes rank alike; a Map keeps the last set).
    const relevance =
      size === 'demo' ? scoreRun(JUDGED_QUERIES, new Map(latency.samples.map((s) => [s.query, s.ids]))) : null;
    return {
      size,
      sitePages: onDemoPages ? 'demo' : size,
      index: release.index,
      path: {
        configured: server.configuredEngine,
        forced: forceConfig !== undefined,
        documents: release.documents,
        corpus: release.corpus,
        first: firstCounts,
        latency: latencyCounts,
        searches: queries.length * (warmups + passes),
      },
      first,
      p50: percentile(ms, 50),
      p95: percentile(ms, 95),
      bestP95: percentile([...best.values()], 95),
      baseP50: percentile(latency.baselineMs, 50),
      baseP95: percentile(latency.baselineMs, 95),
      relevance: relevance ? { recallAt5: relevance.recallAt5, mrr: relevance.mrr } : null,
      load: [loadBefore, loadavg()[0] ?? Number.NaN],
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

await mkdir(WORK, { recursive: true });
const rows: Row[] = [];
for (const size of sizes) rows.push(await benchSize(size));
// Issue 20: the no-JavaScript path's engine (and MiniSearch on the same jieba tokens), same sizes, same run.
process.stdout.write('服务器端引擎对比……\n');
const server = formatEngineNumbers(await compareServerEngines(sizes, engines));
// And the island's endpoint over loopback: server time, first query after a release switch.
process.stdout.write('/search/results.json（回环）……\n');
const endpoint = [];
for (const size of sizes) endpoint.push(await measureEndpoint(size));
const text = [
  report(rows),
  `服务器端搜索（/search/results/）：\n\n${server}`,
  `/search/results.json（bench/search-endpoint.ts，同一次运行）：\n\n${formatEndpointTables(endpoint)}`,
].join('\n\n');
process.stdout.write(`\n${text}\n`);
await writeFile(join(WORK, 'result.md'), `${text}\n`);
