import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSearchDocuments, type SearchDocument } from '../../../../content/search/documents.ts';
import { generateSnapshot } from '../../../../datasets/index.ts';
import { normaliseRequest } from '../../../../search/client/query.ts';
import {
  formatReleaseDocumentsLines,
  type ReleaseDocuments,
  readReleaseDocuments,
  SEARCH_DOCUMENTS_FILE,
  writeReleaseDocuments,
} from '../../../../search/index/release-documents.ts';
import { readReleaseDocumentsIncrementally } from '../../../../search/index/release-documents-lines.ts';
import {
  createServerSearch,
  prepareCorpus,
  prepareCorpusSliced,
  releaseDocumentSource,
  searchCorpus,
  searchCorpusSliced,
} from '../../../../search/server/index.ts';

/**
 * The documents file one document per line, read back in time slices by the portal: the same
 * documents and the same errors as the whole-file reader, older one-line files still read, and
 * the event loop gets turns while a corpus loads (a timer fires; no timing threshold).
 */
let demo: ReleaseDocuments;
beforeAll(() => {
  const snapshot = generateSnapshot({ size: 'demo', asOf: '2025-06-15' });
  demo = { version: 1, demo: true, ruleDay: '2025-06-15', documents: buildSearchDocuments(snapshot).documents };
});

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-documents-lines-'));
  path = join(dir, SEARCH_DOCUMENTS_FILE);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const docs = (): SearchDocument[] => demo.documents.slice(0, 5);

/** What the whole-file reader says about the same file: the incremental one must say the same. */
async function bothErrors() {
  const whole = await readReleaseDocuments(path).catch((e: unknown) => e);
  const lines = await readReleaseDocumentsIncrementally(path, { sliceMs: 0 }).catch((e: unknown) => e);
  return { whole, lines };
}

describe('一行一个文档的搜索文档文件', () => {
  it('写出后逐行读回，与原文档相同；头部字段在第一行，整个文件仍是一个 JSON', async () => {
    await writeReleaseDocuments(path, { demo: true, ruleDay: '2025-06-15', documents: demo.documents });
    const text = await readFile(path, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(demo.documents.length + 2);
    expect(lines[0]).toBe('{"version":1,"demo":true,"ruleDay":"2025-06-15","documents":[');
    expect(lines.at(-1)).toBe(']}');
    expect(JSON.parse(text)).toEqual(demo);
    // sliceMs 0: a turn of the event loop after every line, the path a big file takes.
    expect(await readReleaseDocumentsIncrementally(path, { sliceMs: 0 })).toEqual(demo);
    expect(await readReleaseDocumentsIncrementally(path)).toEqual(await readReleaseDocuments(path));
  });

  it('没有文档也是同样的格式', async () => {
    await writeReleaseDocuments(path, { demo: false, ruleDay: '2026-01-02', documents: [] });
    expect(await readFile(path, 'utf8')).toBe('{"version":1,"demo":false,"ruleDay":"2026-01-02","documents":[\n]}\n');
    expect(await readReleaseDocumentsIncrementally(path)).toEqual({
      version: 1,
      demo: false,
      ruleDay: '2026-01-02',
      documents: [],
    });
  });

  it('旧发布的单行文件（及其他排版）照样读出', async () => {
    const content = { ...demo, documents: docs() };
    await writeFile(path, JSON.stringify(content));
    expect(await readReleaseDocumentsIncrementally(path)).toEqual(content);
    await writeFile(path, JSON.stringify(content, null, 2));
    expect(await readReleaseDocumentsIncrementally(path)).toEqual(content);
  });

  it('某一行损坏（截断）：与整读相同的 DOCUMENTS_INVALID 和说明', async () => {
    const lines = formatReleaseDocumentsLines({ ...demo, documents: docs() }).split('\n');
    lines[3] = (lines[3] ?? '').slice(0, 40);
    await writeFile(path, lines.join('\n'));
    const { whole, lines: incremental } = await bothErrors();
    expect(incremental).toMatchObject({
      code: 'DOCUMENTS_INVALID',
      message: expect.stringContaining('不是有效的 JSON'),
    });
    expect(incremental).toEqual(whole);
  });

  it('某个文档字段不符：同一错误码，指出同一位置（documents.2.type）', async () => {
    const documents: unknown[] = docs();
    documents[2] = { ...docs()[2], type: 'person' };
    await writeFile(path, formatReleaseDocumentsLines({ ...demo, documents } as ReleaseDocuments));
    const { whole, lines } = await bothErrors();
    expect(lines).toMatchObject({
      code: 'DOCUMENTS_INVALID',
      message: expect.stringMatching(/格式不符.*documents\.2\.type/),
    });
    expect((lines as Error).message).toBe((whole as Error).message);
  });

  it('头部与文档都不符：与整读一样先报头部', async () => {
    const documents: unknown[] = docs();
    documents[1] = { ...docs()[1], slug: '' };
    await writeFile(
      path,
      formatReleaseDocumentsLines({ ...demo, ruleDay: '2026-13-45', documents } as ReleaseDocuments),
    );
    const { whole, lines } = await bothErrors();
    expect((lines as Error).message).toMatch(/格式不符.*ruleDay/);
    expect((lines as Error).message).toBe((whole as Error).message);
  });

  it('文件不存在：DOCUMENTS_MISSING，同样的说明', async () => {
    const { whole, lines } = await bothErrors();
    expect(lines).toMatchObject({ code: 'DOCUMENTS_MISSING' });
    expect((lines as Error).message).toBe((whole as Error).message);
  });
});

describe('分片准备语料与查询', () => {
  it('分片与一次做完结果相同', async () => {
    const corpus = prepareCorpus(demo.documents);
    const sliced = await prepareCorpusSliced(demo.documents, { sliceMs: 0 });
    expect(sliced).toEqual(corpus);
    for (const query of ['失能老人', '甘肃 低保', '康复服务']) {
      const { truncated: _, ...request } = normaliseRequest({ query });
      expect(await searchCorpusSliced(sliced, request, {}, 0)).toEqual(searchCorpus(corpus, request));
    }
  });

  it('演示数据量的加载过程中，计时器照常触发（事件循环没有被一次占满）', async () => {
    await writeReleaseDocuments(path, { demo: true, ruleDay: '2025-06-15', documents: demo.documents });
    const search = createServerSearch({
      documents: releaseDocumentSource({
        path,
        fallback: { current: () => Promise.reject(new Error('不应改用快照')), demo: async () => true },
      }),
    });
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 1);
    try {
      const corpus = await search.corpus();
      expect(corpus.documents).toHaveLength(demo.documents.length);
      const afterLoad = ticks;
      expect(afterLoad).toBeGreaterThan(0);
      // The corpus alone, from documents already in memory: no file I/O gives the loop a turn here.
      await prepareCorpusSliced(demo.documents, { sliceMs: 1 });
      expect(ticks).toBeGreaterThan(afterLoad);
    } finally {
      clearInterval(timer);
    }
  });
});
