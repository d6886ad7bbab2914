import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ReleaseDocumentsError,
  readReleaseDocuments,
  SEARCH_DOCUMENTS_FILE,
  writeReleaseDocuments,
} from '../../../../search/index/release-documents.ts';
import { prepareCorpus } from '../../../../search/server/corpus.ts';
import { SEARCH_CORPUS_FILE, writeCorpusFile } from '../../../../search/server/corpus-file.ts';
import { isPrebuilt } from '../../../../search/server/corpus-load.ts';
import {
  createServerSearch,
  type DocumentSource,
  type DocumentsView,
  releaseDocumentSource,
} from '../../../../search/server/index.ts';
import { projectDocument } from '../../../support/search/project-document.ts';

/**
 * The server search's reader of `<release>/search-documents.json` (what the index stage wrote):
 * a missing file falls back to projecting the snapshot (said once), a broken one keeps the last
 * good documents, a changed one is read again — and the file format's own checks.
 */
const doc = projectDocument;

const FALLBACK_VIEW: DocumentsView = {
  documents: [doc('from-snapshot', '快照里的项目')],
  demo: true,
  ruleDay: '2025-06-15',
};

/** A fallback that counts how often it was asked for documents (each ask = a projection). */
function countingFallback() {
  const counts = { current: 0, demo: 0 };
  const source: DocumentSource = {
    current: async () => {
      counts.current += 1;
      return FALLBACK_VIEW;
    },
    demo: async () => {
      counts.demo += 1;
      return FALLBACK_VIEW.demo;
    },
  };
  return { source, counts };
}

let dir: string;
let path: string;
let logs: string[];
const log = (m: string) => logs.push(m);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-documents-'));
  path = join(dir, SEARCH_DOCUMENTS_FILE);
  logs = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('搜索文档文件（release-documents.ts）', () => {
  it('原子写入后读回相同内容，目录里不留临时文件', async () => {
    const documents = [doc('a', '甲'), doc('b', '乙')];
    await writeReleaseDocuments(path, { demo: false, ruleDay: '2026-01-02', documents });
    expect(await readReleaseDocuments(path)).toEqual({ version: 1, demo: false, ruleDay: '2026-01-02', documents });
    expect(await readdir(dir)).toEqual([SEARCH_DOCUMENTS_FILE]);
  });

  it('文件不存在：DOCUMENTS_MISSING，中文说明', async () => {
    const error = await readReleaseDocuments(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReleaseDocumentsError);
    expect(error).toMatchObject({ code: 'DOCUMENTS_MISSING' });
    expect((error as Error).message).toContain('搜索文档文件不存在');
  });

  it('不是 JSON 或字段不符：DOCUMENTS_INVALID，指出位置', async () => {
    await writeFile(path, '{"version":1,"demo":tr');
    await expect(readReleaseDocuments(path)).rejects.toMatchObject({
      code: 'DOCUMENTS_INVALID',
      message: expect.stringContaining('不是有效的 JSON'),
    });
    const bad = { ...doc('x'), type: 'person' };
    await writeFile(path, JSON.stringify({ version: 1, demo: false, ruleDay: '2026-01-02', documents: [bad] }));
    await expect(readReleaseDocuments(path)).rejects.toMatchObject({
      code: 'DOCUMENTS_INVALID',
      message: expect.stringMatching(/格式不符.*documents\.0\.type/),
    });
  });
});

describe('releaseDocumentSource', () => {
  it('没有文件（旧的发布）：改用快照生成，只提示一次；demo 也取自快照', async () => {
    const { source: fallback, counts } = countingFallback();
    const source = releaseDocumentSource({ path, fallback, log });
    expect(await source.current()).toBe(FALLBACK_VIEW);
    expect(await source.current()).toBe(FALLBACK_VIEW);
    expect(await source.demo()).toBe(true);
    expect(counts.current).toBe(2);
    expect(counts.demo).toBe(1);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('没有搜索文档文件');
    expect(logs[0]).toContain('从快照生成');
  });

  it('有文件：读它而不生成；文件不变时返回同一份（语料只建一次）', async () => {
    await writeReleaseDocuments(path, { demo: false, ruleDay: '2026-01-02', documents: [doc('a', '甲')] });
    const { source: fallback, counts } = countingFallback();
    const source = releaseDocumentSource({ path, fallback, log });
    const first = await source.current();
    expect(first.documents.map((d) => d.id)).toEqual(['project-a']);
    expect(first).toMatchObject({ demo: false, ruleDay: '2026-01-02' });
    expect(await source.current()).toBe(first);
    expect(await source.demo()).toBe(false);
    expect(counts).toEqual({ current: 0, demo: 0 });
    expect(logs).toEqual([]);
  });

  it('文件换了（新发布）：重新读取', async () => {
    await writeReleaseDocuments(path, { demo: false, ruleDay: '2026-01-02', documents: [doc('a')] });
    const source = releaseDocumentSource({ path, fallback: countingFallback().source, log });
    const first = await source.current();
    await writeReleaseDocuments(path, { demo: true, ruleDay: '2025-06-15', documents: [doc('b'), doc('c')] });
    const second = await source.current();
    expect(second).not.toBe(first);
    expect(second.documents.map((d) => d.id)).toEqual(['project-b', 'project-c']);
    expect(await source.demo()).toBe(true);
  });

  it('换到新发布、新文件还在读：超过等待时间的查询先用上一份作答，读完后换用新的', async () => {
    await writeReleaseDocuments(path, { demo: false, ruleDay: '2026-01-02', documents: [doc('old')] });
    const source = releaseDocumentSource({ path, fallback: countingFallback().source, log, staleAfterMs: 1 });
    const before = await source.current();
    // Big enough that reading it (in ~10 ms slices) takes far longer than 1 ms.
    const many = Array.from({ length: 4000 }, (_, i) => doc(`n${i}`, `新发布的项目${i}`));
    await writeReleaseDocuments(path, { demo: true, ruleDay: '2026-02-03', documents: many });
    const during = await source.current();
    expect(during).toBe(before);
    await expect.poll(async () => (await source.current()).documents.length, { timeout: 10_000 }).toBe(4000);
    expect(await source.demo()).toBe(true);
  });

  it('新文件损坏：继续用上一份，中文日志只记一次', async () => {
    await writeReleaseDocuments(path, { demo: false, ruleDay: '2026-01-02', documents: [doc('a')] });
    const { source: fallback, counts } = countingFallback();
    const source = releaseDocumentSource({ path, fallback, log });
    const good = await source.current();
    await writeFile(path, JSON.stringify({ version: 1, demo: false, ruleDay: '2026-13-45', documents: [] }));
    expect(await source.current()).toBe(good);
    expect(await source.current()).toBe(good);
    expect(counts.current).toBe(0);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/新的搜索文档文件无法使用，继续使用上一份.*格式不符.*ruleDay/);
  });

  it('第一份就损坏：改用快照生成，并说明原因', async () => {
    await writeFile(path, 'not json');
    const { source: fallback, counts } = countingFallback();
    const source = releaseDocumentSource({ path, fallback, log });
    expect(await source.current()).toBe(FALLBACK_VIEW);
    expect(counts.current).toBe(1);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/搜索文档文件无法使用，改为在本进程内从快照生成.*不是有效的 JSON/);
  });

  it('并发的请求共用一次读取', async () => {
    await writeReleaseDocuments(path, { demo: false, ruleDay: '2026-01-02', documents: [doc('a')] });
    const source = releaseDocumentSource({ path, fallback: countingFallback().source, log });
    const [a, b, c] = await Promise.all([source.current(), source.current(), source.current()]);
    expect(a).toBe(b);
    expect(b).toBe(c);
  });

  it('服务器端搜索从文件里的文档作答', async () => {
    await writeReleaseDocuments(path, {
      demo: false,
      ruleDay: '2026-01-02',
      documents: [doc('minxian', '岷县失能老人助餐'), doc('other', '留守儿童课后托管')],
    });
    const search = createServerSearch({
      documents: releaseDocumentSource({ path, fallback: countingFallback().source, log }),
      log,
    });
    const r = await search.search({ query: '失能老人' });
    expect(r.engine).toBe('in-process');
    expect(r.hits.map((h) => h.id)).toEqual(['project-minxian']);
  });

  describe('预先构建的语料文件（search-corpus.bin）', () => {
    const documents = [doc('minxian', '岷县失能老人助餐'), doc('other', '留守儿童课后托管')];
    const meta = { demo: false, ruleDay: '2026-01-02' } as const;
    const writeBoth = async (docs = documents) => {
      const bytes = await writeReleaseDocuments(path, { ...meta, documents: docs });
      await writeCorpusFile(join(dir, SEARCH_CORPUS_FILE), prepareCorpus(docs), meta, bytes);
    };

    it('有语料文件：视图带着它，服务器端搜索直接用，不再构建', async () => {
      await writeBoth();
      const source = releaseDocumentSource({ path, fallback: countingFallback().source, log });
      const view = await source.current();
      expect(view.corpus && isPrebuilt(view.corpus)).toBe(true);
      expect(view).toMatchObject(meta);
      expect(view.documents.map((d) => d.id)).toEqual(['project-minxian', 'project-other']);
      const search = createServerSearch({ documents: source, log });
      expect(await search.corpus()).toBe(view.corpus);
      expect((await search.search({ query: '失能老人' })).hits.map((h) => h.id)).toEqual(['project-minxian']);
      expect(logs).toEqual([]);
    });

    it('语料文件与文档不对应（文档换了、语料没换）：在本进程内构建，中文日志只记一次', async () => {
      await writeBoth();
      await writeReleaseDocuments(path, { ...meta, documents: [doc('b', '新的失能老人项目')] });
      const source = releaseDocumentSource({ path, fallback: countingFallback().source, log });
      const view = await source.current();
      expect(view.corpus).toBeUndefined();
      expect(view.documents.map((d) => d.id)).toEqual(['project-b']);
      expect(await source.current()).toBe(view);
      const search = createServerSearch({ documents: source, log });
      expect(isPrebuilt(await search.corpus())).toBe(false);
      expect((await search.search({ query: '失能老人' })).hits.map((h) => h.id)).toEqual(['project-b']);
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatch(/搜索语料文件无法使用，改为在本进程内构建.*不对应/);
    });

    it('语料文件后来才出现：换用它', async () => {
      await writeReleaseDocuments(path, { ...meta, documents });
      const source = releaseDocumentSource({ path, fallback: countingFallback().source, log });
      expect((await source.current()).corpus).toBeUndefined();
      await writeBoth();
      expect((await source.current()).corpus).toBeDefined();
    });
  });
});
