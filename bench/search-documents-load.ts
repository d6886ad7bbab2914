/**
 * How long the server search (/search/results/ without JavaScript) blocks the portal's event loop:
 * loading the live release's `search-documents.json` and preparing its corpus on the first query
 * after a release switch, then each query.
 *
 *   npx tsx bench/search-documents-load.ts [--documents FILE] [--runs 2] [--query 失能老人 …]
 *
 * FILE (default `.data/tmp/scale-search-documents.json`) is made when missing: the scale snapshot
 * (`generateSnapshot({ size: 'scale', asOf: '2026-11-27' })`) projected with `buildSearchDocuments`,
 * about 20 s. It is written into a temp folder twice, as one JSON line (what releases held before)
 * and in the line layout the index child writes now. Three loads, each in a fresh Node process
 * (event-loop-probe.ts):
 *   before    the old path: `readReleaseDocuments` whole, `prepareCorpus` and `searchCorpus` in one go;
 *   old file  today's portal path (`releaseDocumentSource` + `createServerSearch`) on a one-line file:
 *             the whole-file read, then the corpus and the queries in slices;
 *   after     today's portal path on a file in the line layout: everything in slices.
 * Prints a table with the load average beside each row.
 */
import { access, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSearchDocuments, defaultRuleDay } from '../content/search/documents.ts';
import { generateSnapshot } from '../datasets/index.ts';
import { normaliseRequest } from '../search/client/index.ts';
import { readReleaseDocuments, SEARCH_DOCUMENTS_FILE, writeReleaseDocuments } from '../search/index/index.ts';
import { createServerSearch, prepareCorpus, releaseDocumentSource, searchCorpus } from '../search/server/index.ts';
import { type BlockMeasurement, formatMs, loadAverage, measureBlocking, measureInChild } from './event-loop-probe.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MODES = ['before', 'old file', 'after'] as const;
type Mode = (typeof MODES)[number];

interface Row {
  label: string;
  m: BlockMeasurement;
  detail: string;
}

/** In the child: one load, then each query twice (the first warms the term code paths). */
async function measure(mode: Mode, path: string, queries: readonly string[]): Promise<Row[]> {
  const rows: Row[] = [];
  if (mode === 'before') {
    const { value: corpus, ...load } = await measureBlocking(async () =>
      prepareCorpus((await readReleaseDocuments(path)).documents),
    );
    rows.push({ label: 'load', m: load, detail: `${corpus.documents.length} documents` });
    for (const query of queries) {
      const { truncated: _, ...request } = normaliseRequest({ query });
      for (let i = 1; i <= 2; i++) {
        const { value, ...q } = await measureBlocking(async () => searchCorpus(corpus, request));
        rows.push({ label: `query ${query} #${i}`, m: q, detail: `${value.total} hits` });
      }
    }
    return rows;
  }
  const search = createServerSearch({
    documents: releaseDocumentSource({
      path,
      fallback: { current: () => Promise.reject(new Error('此测量没有快照可用')), demo: async () => true },
    }),
  });
  const { value: corpus, ...load } = await measureBlocking(() => search.corpus());
  rows.push({ label: 'load', m: load, detail: `${corpus.documents.length} documents` });
  for (const query of queries) {
    for (let i = 1; i <= 2; i++) {
      const { value, ...q } = await measureBlocking(() => search.search({ query }));
      rows.push({ label: `query ${query} #${i}`, m: q, detail: `${value.total} hits (${value.engine})` });
    }
  }
  return rows;
}

function runChild(mode: Mode, path: string, queries: readonly string[]): Promise<Row[]> {
  const args = ['--measure', mode, '--documents', path, ...queries.flatMap((q) => ['--query', q])];
  return measureInChild<Row[]>(fileURLToPath(import.meta.url), args, ROOT);
}

async function scaleDocuments(path: string): Promise<void> {
  try {
    await access(path);
    return;
  } catch {
    console.log(`making ${path} from the scale snapshot (about 20 s)…`);
  }
  const snapshot = generateSnapshot({ size: 'scale', asOf: '2026-11-27' });
  const ruleDay = defaultRuleDay(snapshot);
  const { documents } = buildSearchDocuments(snapshot, { today: ruleDay });
  await mkdir(join(path, '..'), { recursive: true });
  await writeReleaseDocuments(path, { demo: snapshot.demo, ruleDay, documents });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      measure: { type: 'string' },
      documents: { type: 'string', default: join(ROOT, '.data', 'tmp', 'scale-search-documents.json') },
      runs: { type: 'string', default: '2' },
      query: { type: 'string', multiple: true, default: ['失能老人', '低保家庭助学'] },
    },
  });
  if (values.measure) {
    console.log(JSON.stringify(await measure(values.measure as Mode, values.documents, values.query)));
    return;
  }
  await scaleDocuments(values.documents);
  await mkdir(join(ROOT, '.data', 'tmp'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, '.data', 'tmp', 'search-documents-load-'));
  try {
    const file = await readReleaseDocuments(values.documents);
    const paths: Record<Mode, string> = {
      before: join(dir, 'one-line.json'),
      'old file': join(dir, 'old', SEARCH_DOCUMENTS_FILE),
      after: join(dir, 'new', SEARCH_DOCUMENTS_FILE),
    };
    await writeFile(paths.before, JSON.stringify(file));
    await mkdir(join(dir, 'old'));
    await copyFile(paths.before, paths['old file']);
    await mkdir(join(dir, 'new'));
    await writeReleaseDocuments(paths.after, file);
    console.log(`documents ${values.documents}: ${file.documents.length}`);

    console.log(
      '| mode | run | step | total | max block (probe) | max delay (eld) | blocks > 50 ms | result | loadavg |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (let run = 1; run <= Number(values.runs); run += 1) {
      for (const mode of MODES) {
        const before = loadAverage();
        for (const { label, m, detail } of await runChild(mode, paths[mode], values.query)) {
          console.log(
            `| ${mode} | ${run} | ${label} | ${formatMs(m.totalMs)} | ${formatMs(m.maxBlockMs)} | ${formatMs(m.eldMaxMs)} | ${m.blocksOver50} | ${detail} | ${before} |`,
          );
        }
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
