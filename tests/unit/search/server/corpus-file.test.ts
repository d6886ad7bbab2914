import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relevanceDataset } from '../../../../bench/relevance/demo-documents.ts';
import { JUDGED_QUERIES } from '../../../../bench/relevance/judged-queries.ts';
import { policyJudged } from '../../../../bench/relevance/policy-queries.ts';
import { normaliseRequest } from '../../../../search/client/index.ts';
import { SEARCH_DOCUMENTS_FILE, writeReleaseDocuments } from '../../../../search/index/release-documents.ts';
import { prepareCorpus, type ServerCorpus } from '../../../../search/server/corpus.ts';
import { SEARCH_CORPUS_FILE, writeCorpusFile } from '../../../../search/server/corpus-file.ts';
import { CorpusFileError, isPrebuilt, loadCorpusFile } from '../../../../search/server/corpus-load.ts';
import { facetIndexOf } from '../../../../search/server/facets.ts';
import { searchCorpus } from '../../../../search/server/in-process.ts';

/**
 * The prebuilt corpus (issue 20): what the index stage writes (`search-corpus.bin`) and the portal
 * loads must be the corpus the portal would have built from the same documents — every text,
 * facet, hint and bigram list — and must answer both judged sets (bench/relevance/) exactly as
 * the in-memory build does; a file that is not one, or that belongs to other documents, is refused
 * with a code.
 */
const RULE_DAY = '2025-06-15';
let dir: string;
let documentsPath: string;
let corpusPath: string;
let built: ServerCorpus;
let loaded: ServerCorpus;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-corpus-'));
  documentsPath = join(dir, SEARCH_DOCUMENTS_FILE);
  corpusPath = join(dir, SEARCH_CORPUS_FILE);
  const { documents } = relevanceDataset();
  const bytes = await writeReleaseDocuments(documentsPath, { demo: true, ruleDay: RULE_DAY, documents });
  built = prepareCorpus(documents);
  await writeCorpusFile(corpusPath, built, { demo: true, ruleDay: RULE_DAY }, bytes);
  const result = await loadCorpusFile(corpusPath, documentsPath);
  expect(result).toMatchObject({ demo: true, ruleDay: RULE_DAY });
  loaded = result.corpus;
}, 60_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('搜索语料文件：写出与读回', () => {
  it('原子写入：目录里只有两份文件，没有临时文件', async () => {
    expect((await readdir(dir)).sort()).toEqual([SEARCH_CORPUS_FILE, SEARCH_DOCUMENTS_FILE].sort());
  });

  it('读回的语料与内存中构建的相同：文档、折叠文本、分面、词表、二元索引', () => {
    expect(isPrebuilt(loaded)).toBe(true);
    expect(isPrebuilt(built)).toBe(false);
    expect(loaded.documents).toHaveLength(built.documents.length);
    for (const [i, b] of built.documents.entries()) {
      const l = loaded.documents[i];
      expect(l?.text).toEqual(b.text);
      expect(l?.facets).toEqual(b.facets);
      expect(JSON.parse(JSON.stringify(l?.doc))).toEqual(JSON.parse(JSON.stringify(b.doc)));
      // The ranking fields come from the file's columns, without parsing the document.
      expect([l?.doc.type, l?.doc.acceptingDonations, l?.doc.overdue, l?.doc.keyCounty]).toEqual([
        b.doc.type,
        b.doc.acceptingDonations,
        b.doc.overdue,
        b.doc.keyCounty,
      ]);
    }
    expect(loaded.known).toEqual(built.known);
    expect(loaded.hints).toEqual(built.hints);
    expect([...loaded.lexicon]).toEqual([...built.lexicon]);
    expect(loaded.dictionary).toEqual(built.dictionary);
    expect(loaded.pairs.rows.size).toBe(built.pairs.rows.size);
    for (const [key, row] of built.pairs.rows) {
      const other = loaded.pairs.rows.get(key);
      expect(other).toBeDefined();
      expect([...(loaded.pairs.postings[other ?? -1] ?? [])]).toEqual([...(built.pairs.postings[row] ?? [])]);
      // The field bits that let a two-character term be scored from the index alone (f20-speed).
      expect([...(loaded.pairs.fields?.[other ?? -1] ?? [])]).toEqual([...(built.pairs.fields?.[row] ?? [])]);
    }
    expect(built.pairs.fields).toBeDefined();
    expect(loaded.pairs.fields).toHaveLength(built.pairs.postings.length);
  });

  it('分面索引直接由文件的取值编号得出，与逐篇读取分面建成的相同（编号与顺序都一样）', () => {
    // Taken before anything reads a document of `loaded`: the index came with the load.
    const fromFile = facetIndexOf(loaded);
    const fromDocuments = facetIndexOf(built);
    expect(fromFile.names).toEqual(fromDocuments.names);
    expect([...fromFile.ids]).toEqual([...fromDocuments.ids]);
    expect([...fromFile.offsets]).toEqual([...fromDocuments.offsets]);
  });

  it('两个评测集的每个查询：读回的语料与内存构建的结果相同', { timeout: 120_000 }, () => {
    const queries = [...JUDGED_QUERIES, ...policyJudged(relevanceDataset().documents)].map((q) => q.query);
    expect(queries.length).toBeGreaterThan(90);
    for (const query of queries) {
      const { truncated: _, ...request } = normaliseRequest({ query, pageSize: 10 });
      const a = searchCorpus(built, request);
      const b = searchCorpus(loaded, request);
      expect(b, query).toEqual(a);
      expect(a.total, query).toBeGreaterThan(0);
    }
  });

  it('筛选与分面计数相同', () => {
    const { truncated: _, ...request } = normaliseRequest({ query: '老人', filters: { province: ['甘肃省'] } });
    const b = searchCorpus(loaded, request);
    expect(b).toEqual(searchCorpus(built, request));
    expect(b.total).toBeGreaterThan(0);
  });
});

describe('搜索语料文件：没有文档的发布', () => {
  it('写出并读回空语料，查询没有结果', async () => {
    const other = await mkdtemp(join(tmpdir(), 'search-corpus-empty-'));
    try {
      const docs = join(other, SEARCH_DOCUMENTS_FILE);
      const bytes = await writeReleaseDocuments(docs, { demo: false, ruleDay: RULE_DAY, documents: [] });
      await writeCorpusFile(
        join(other, SEARCH_CORPUS_FILE),
        prepareCorpus([]),
        { demo: false, ruleDay: RULE_DAY },
        bytes,
      );
      const { corpus, demo } = await loadCorpusFile(join(other, SEARCH_CORPUS_FILE), docs);
      expect(demo).toBe(false);
      expect(corpus.documents).toEqual([]);
      const { truncated: _, ...request } = normaliseRequest({ query: '失能老人' });
      expect(searchCorpus(corpus, request).total).toBe(0);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});

describe('搜索语料文件：拒绝不能用的文件', () => {
  const copyDir = async () => {
    const other = await mkdtemp(join(tmpdir(), 'search-corpus-bad-'));
    await writeFile(join(other, SEARCH_DOCUMENTS_FILE), await readFile(documentsPath));
    await writeFile(join(other, SEARCH_CORPUS_FILE), await readFile(corpusPath));
    return other;
  };

  it('没有语料文件：CORPUS_MISSING', async () => {
    const error = await loadCorpusFile(join(dir, 'nothing.bin'), documentsPath).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusFileError);
    expect(error).toMatchObject({ code: 'CORPUS_MISSING' });
  });

  it('文件头不符或被截断：CORPUS_INVALID，中文说明', async () => {
    const other = await copyDir();
    try {
      const bytes = await readFile(join(other, SEARCH_CORPUS_FILE));
      await writeFile(join(other, SEARCH_CORPUS_FILE), Buffer.concat([Buffer.from('NOTACORP'), bytes.subarray(8)]));
      await expect(loadCorpusFile(join(other, SEARCH_CORPUS_FILE), documentsPath)).rejects.toMatchObject({
        code: 'CORPUS_INVALID',
        message: expect.stringContaining('搜索语料文件无效'),
      });
      await writeFile(join(other, SEARCH_CORPUS_FILE), bytes.subarray(0, bytes.length - 4096));
      await expect(loadCorpusFile(join(other, SEARCH_CORPUS_FILE), documentsPath)).rejects.toMatchObject({
        code: 'CORPUS_INVALID',
      });
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('文档文件换了（同样长度、一个字不同）：CORPUS_STALE', async () => {
    const other = await copyDir();
    try {
      const docs = await readFile(join(other, SEARCH_DOCUMENTS_FILE));
      const at = docs.indexOf('"title":"') + 9;
      docs[at] = docs[at] === 0x41 ? 0x42 : 0x41;
      await writeFile(join(other, SEARCH_DOCUMENTS_FILE), docs);
      await expect(
        loadCorpusFile(join(other, SEARCH_CORPUS_FILE), join(other, SEARCH_DOCUMENTS_FILE)),
      ).rejects.toMatchObject({ code: 'CORPUS_STALE', message: expect.stringContaining('不对应') });
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
