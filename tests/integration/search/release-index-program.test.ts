import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relevanceDataset } from '../../../bench/relevance/demo-documents.ts';
import { merchantConfigured } from '../../../content/node/index.ts';
import { buildSearchDocuments } from '../../../content/search/documents.ts';
import { REPO_ROOT } from '../../../publisher/config.ts';
import { normaliseRequest } from '../../../search/client/index.ts';
import { indexOutcomeSchema } from '../../../search/index/index.ts';
import { readReleaseDocuments, SEARCH_DOCUMENTS_FILE } from '../../../search/index/release-documents.ts';
import { readReleaseDocumentsIncrementally } from '../../../search/index/release-documents-lines.ts';
import { prepareCorpus } from '../../../search/server/corpus.ts';
import { SEARCH_CORPUS_FILE } from '../../../search/server/corpus-file.ts';
import { isPrebuilt, loadCorpusFile } from '../../../search/server/corpus-load.ts';
import { searchCorpus } from '../../../search/server/in-process.ts';

/**
 * The release's index stage as the publisher runs it — its own process
 * (search/index/release-index-program.ts) — over the demo snapshot and a one-page site: it
 * must leave `search-documents.json` beside the snapshot holding exactly the documents
 * `buildSearchDocuments` projects from that snapshot with the site's merchant rule, which the
 * server search then reads instead of projecting them again — and `search-corpus.bin`, the server
 * search's corpus built from them, which the portal loads instead of building it.
 */
const run = promisify(execFile);
let staging: string;

beforeAll(async () => {
  staging = await mkdtemp(join(tmpdir(), 'index-child-'));
  const client = join(staging, 'site', 'client');
  await mkdir(client, { recursive: true });
  await writeFile(
    join(client, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><title>首页</title></head><body><main data-pagefind-body><h1>乡村振兴慈善项目</h1><p>失能老人助餐</p></main></body></html>',
  );
  await writeFile(join(staging, 'snapshot.json'), JSON.stringify(relevanceDataset().snapshot));
});
afterAll(async () => {
  if (staging) await rm(staging, { recursive: true, force: true });
});

describe('索引子进程写出搜索文档文件', () => {
  it('文件里的文档与 buildSearchDocuments 对同一快照的结果相同', async () => {
    // Without Meilisearch: the child must not try to reach a server the test machine has not got.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MEILI_')));
    const outcomePath = join(staging, 'search-index.json');
    await run(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO_ROOT, 'search/index/release-index-program.ts'),
        join(staging, 'site', 'client'),
        join(staging, 'snapshot.json'),
        outcomePath,
      ],
      { cwd: REPO_ROOT, env, maxBuffer: 16 * 1024 * 1024 },
    );
    const outcome = indexOutcomeSchema.parse(JSON.parse(await readFile(outcomePath, 'utf8')));
    expect(outcome.ok).toBe(true);

    const { snapshot } = relevanceDataset();
    const expected = buildSearchDocuments(snapshot, { merchantConfigured }).documents;
    const file = await readReleaseDocuments(join(staging, SEARCH_DOCUMENTS_FILE));
    expect(file.demo).toBe(true);
    expect(file.ruleDay).toBe(snapshot.asOf);
    expect(file.documents).toHaveLength(expected.length);
    expect(file.documents).toEqual(expected);
    // In the line layout, so the portal reads it in slices: the same documents that way too.
    const incremental = await readReleaseDocumentsIncrementally(join(staging, SEARCH_DOCUMENTS_FILE));
    expect(incremental).toEqual(file);
    const text = await readFile(join(staging, SEARCH_DOCUMENTS_FILE), 'utf8');
    expect(text.split('\n')).toHaveLength(expected.length + 3);
    if (outcome.ok) expect(outcome.documents).toBe(expected.length);
    // Written through a temporary name and renamed: none is left behind.
    expect((await readdir(staging)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // Beside them the server search's prebuilt corpus (issue 20), answering as one built from the documents.
    const { corpus } = await loadCorpusFile(join(staging, SEARCH_CORPUS_FILE), join(staging, SEARCH_DOCUMENTS_FILE));
    expect(isPrebuilt(corpus)).toBe(true);
    const built = prepareCorpus(expected);
    for (const query of ['失能老人', '甘肃 助学', '中华慈善日']) {
      const { truncated: _, ...request } = normaliseRequest({ query });
      expect(searchCorpus(corpus, request), query).toEqual(searchCorpus(built, request));
    }
  });
});
