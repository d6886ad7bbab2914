import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IsoDate } from '../../content/index.ts';
import { FACETS, type FacetName, type SearchType } from '../../content/search/settings.ts';
import { DEFAULT_SLICE_MS, runStepsSliced, type Steps } from '../../content/snapshot/steps.ts';
import { timeSlicer } from '../../content/snapshot/time-slices.ts';
import type { BigramIndex } from './bigram-index.ts';
import { SEARCH_FIELDS, type ServerCorpus } from './corpus.ts';
import {
  CORPUS_MAGIC,
  CORPUS_PREAMBLE,
  CORPUS_SECTIONS,
  CORPUS_VERSION,
  type CorpusHeader,
  type CorpusSection,
  corpusHeaderSchema,
  LITTLE_ENDIAN,
  TYPE_ORDER,
} from './corpus-file.ts';
import { type FacetIndex, rememberFacetIndex } from './facets.ts';
import { type CorpusStore, StoredPreparedDocument } from './stored-document.ts';

/**
 * Loads a prebuilt corpus (corpus-file.ts) in the portal: the corpus file and the documents file
 * are read off the event loop (libuv's thread pool), then checked and turned into the engine's
 * `ServerCorpus` in ~10 ms slices — no folding, no vocabulary, no index building, no per-document
 * JSON: what is left is a SHA-256 over the documents file (is it the file the corpus was built
 * from?) and a few small objects per document (stored-document.ts makes the rest on first use).
 *
 * Errors carry a `code`: `CORPUS_MISSING` (a release built before the index stage wrote the file:
 * the caller builds the corpus the old way), `CORPUS_INVALID` (not a corpus file of this version
 * or byte order, or its header does not fit the schema), `CORPUS_STALE` (built from other
 * documents than the file beside it).
 */
export class CorpusFileError extends Error {
  constructor(
    readonly code: 'CORPUS_MISSING' | 'CORPUS_INVALID' | 'CORPUS_STALE',
    message: string,
  ) {
    super(message);
    this.name = 'CorpusFileError';
  }
}

export interface LoadedCorpus {
  corpus: ServerCorpus;
  demo: boolean;
  ruleDay: IsoDate;
}

/** The corpora that came from a file, not from building: what tests and the bench ask (`isPrebuilt`). */
const prebuilt = new WeakSet<ServerCorpus>();
export const isPrebuilt = (corpus: ServerCorpus) => prebuilt.has(corpus);

/** SHA-256 in 1 MB steps: 130 MB at scale would otherwise hold the event loop for a few hundred ms. */
const HASH_STEP = 1 << 20;
/** Documents (or pair rows) set up between two checks of the slice's time (~5 ms under load). */
const ITEMS_PER_STEP = 512;

export async function loadCorpusFile(
  corpusPath: string,
  documentsPath: string,
  options: { sliceMs?: number } = {},
): Promise<LoadedCorpus> {
  let file: Buffer;
  let documents: Buffer;
  try {
    [file, documents] = await Promise.all([readFile(corpusPath), readFile(documentsPath)]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'CORPUS_MISSING' : 'CORPUS_INVALID';
    throw new CorpusFileError(code, `搜索语料文件无法读取（${corpusPath}）：${(error as Error).message}`);
  }
  return runStepsSliced(loadSteps(file, documents, corpusPath), timeSlicer(options.sliceMs ?? DEFAULT_SLICE_MS));
}

/** The header's JSON: parsed in one step, checked in the next (each ~10–30 ms at scale). */
function* readHeader(file: Buffer, path: string): Steps<CorpusHeader> {
  const invalid = (why: string) => new CorpusFileError('CORPUS_INVALID', `搜索语料文件无效（${path}）：${why}`);
  if (file.length < CORPUS_PREAMBLE || file.toString('latin1', 0, 8) !== CORPUS_MAGIC) throw invalid('文件头不符');
  if (file.readUInt32LE(8) !== CORPUS_VERSION) throw invalid(`版本 ${file.readUInt32LE(8)} 不受支持`);
  const length = file.readUInt32LE(12);
  if (CORPUS_PREAMBLE + length > file.length) throw invalid('文件不完整');
  let json: unknown;
  try {
    json = JSON.parse(file.toString('utf8', CORPUS_PREAMBLE, CORPUS_PREAMBLE + length));
  } catch (error) {
    throw invalid(`头部不是有效的 JSON：${(error as Error).message}`);
  }
  yield;
  const parsed = corpusHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`头部格式不符：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trimEnd());
  }
  const header = parsed.data;
  // Written by another version of the code (fields, types or facets reordered), or another byte order.
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (header.littleEndian !== LITTLE_ENDIAN) throw invalid('字节序与本机不同');
  if (!same(header.fields, SEARCH_FIELDS) || !same(header.types, TYPE_ORDER) || !same(header.facets, FACETS))
    throw invalid('字段、类型或分面与当前程序不一致');
  return header;
}

type Views = {
  [K in CorpusSection]: K extends 'texts'
    ? Buffer
    : K extends 'pairKeys' | 'postings'
      ? Int32Array
      : K extends 'kinds' | 'flags' | 'pairFields'
        ? Uint8Array
        : Uint32Array;
};

function sectionViews(file: Buffer, header: CorpusHeader, path: string): Views {
  const base = CORPUS_PREAMBLE + file.readUInt32LE(12);
  // Node gives a large file its own ArrayBuffer; a pooled or shifted one is copied so the views align.
  const bytes = (file.byteOffset + base) % 8 === 0 ? file : Buffer.from(file);
  const at = bytes.byteOffset + base;
  const views: Partial<Record<CorpusSection, unknown>> = {};
  for (const [name, kind] of Object.entries(CORPUS_SECTIONS) as [CorpusSection, string][]) {
    const s = header.sections[name];
    if (!s || s.offset % 8 !== 0 || base + s.offset + s.bytes > bytes.length)
      throw new CorpusFileError('CORPUS_INVALID', `搜索语料文件无效（${path}）：缺少或越界的段 ${name}`);
    const from = at + s.offset;
    if (kind === 'utf16') views[name] = Buffer.from(bytes.buffer, from, s.bytes);
    else if (kind === 'u8') views[name] = new Uint8Array(bytes.buffer, from, s.bytes);
    else if (kind === 'i32') views[name] = new Int32Array(bytes.buffer, from, s.bytes / 4);
    else views[name] = new Uint32Array(bytes.buffer, from, s.bytes / 4);
  }
  const v = views as Views;
  const n = header.count;
  const sizes: [CorpusSection, number][] = [
    ['lineStarts', n],
    ['lineEnds', n],
    ['kinds', n],
    ['flags', n],
    ['textStarts', n * SEARCH_FIELDS.length + 1],
    ['facetStarts', n + 1],
    ['pairStarts', v.pairKeys.length + 1],
  ];
  for (const [name, length] of sizes)
    if (v[name].length !== length)
      throw new CorpusFileError('CORPUS_INVALID', `搜索语料文件无效（${path}）：段 ${name} 长度不符`);
  if (v.pairFields.length !== 0 && v.pairFields.length !== v.postings.length)
    throw new CorpusFileError('CORPUS_INVALID', `搜索语料文件无效（${path}）：段 pairFields 长度不符`);
  return v;
}

function* loadSteps(file: Buffer, documents: Buffer, path: string): Steps<LoadedCorpus> {
  const header = yield* readHeader(file, path);
  yield;
  if (documents.length !== header.documents.bytes)
    throw new CorpusFileError('CORPUS_STALE', `搜索语料文件与搜索文档文件不对应（${path}）：文档文件长度不同`);
  const hash = createHash('sha256');
  for (let at = 0; at < documents.length; at += HASH_STEP) {
    hash.update(documents.subarray(at, at + HASH_STEP));
    yield;
  }
  if (hash.digest('hex') !== header.documents.sha256)
    throw new CorpusFileError('CORPUS_STALE', `搜索语料文件与搜索文档文件不对应（${path}）：内容摘要不同`);
  const v = sectionViews(file, header, path);
  yield;

  const rows = new Map<number, number>();
  const postings: Int32Array[] = [];
  const withFields = v.pairFields.length > 0;
  const fields: Uint8Array[] = [];
  for (let k = 0; k < v.pairKeys.length; k++) {
    rows.set(v.pairKeys[k] ?? 0, k);
    postings.push(v.postings.subarray(v.pairStarts[k], v.pairStarts[k + 1]));
    if (withFields) fields.push(v.pairFields.subarray(v.pairStarts[k], v.pairStarts[k + 1]));
    if (k % ITEMS_PER_STEP === 0) yield;
  }
  const pairs: BigramIndex = withFields ? { rows, postings, fields } : { rows, postings };

  const store: CorpusStore = {
    documents,
    lineStarts: v.lineStarts,
    lineEnds: v.lineEnds,
    kinds: v.kinds,
    flags: v.flags,
    textStarts: v.textStarts,
    texts: v.texts,
    facetStarts: v.facetStarts,
    facetRefs: v.facetRefs,
    types: header.types as SearchType[],
    facets: header.facets as FacetName[],
    facetValues: header.facetValues,
    invalid: (index, message) =>
      new CorpusFileError('CORPUS_INVALID', `搜索文档文件第 ${index + 1} 篇文档格式不符（${path}）：${message}`),
  };
  const prepared: StoredPreparedDocument[] = [];
  for (let i = 0; i < header.count; i++) {
    prepared.push(new StoredPreparedDocument(store, i));
    if (i % ITEMS_PER_STEP === 0) yield;
  }
  const corpus: ServerCorpus = {
    documents: prepared,
    known: header.known,
    hints: header.hints,
    lexicon: new Set(header.lexicon),
    dictionary: header.dictionary,
    pairs,
  };
  rememberFacetIndex(corpus, yield* facetIndexSteps(v.facetStarts, v.facetRefs, header));
  prebuilt.add(corpus);
  return { corpus, demo: header.demo, ruleDay: header.ruleDay };
}

/**
 * The facet index (facets.ts) straight from the file's value refs: the same ids in the same order
 * as `facetIndexOf` gives (values numbered as first seen, documents in order, facets in FACETS
 * order — the order the file was written in), without reading a document's facets one by one
 * (~0.35 s at scale in one block when the first query made it).
 */
function* facetIndexSteps(starts: Uint32Array, refs: Uint32Array, header: CorpusHeader): Steps<FacetIndex> {
  const idOf = new Map<number, number>();
  const names: FacetIndex['names'] = [];
  const ids = new Int32Array(refs.length);
  for (let r = 0; r < refs.length; r++) {
    const ref = refs[r] ?? 0;
    let id = idOf.get(ref);
    if (id === undefined) {
      const facet = header.facets[ref >>> 24] as FacetName;
      const value = header.facetValues[ref >>> 24]?.[ref & 0xffffff] ?? '';
      id = names.push({ facet, value }) - 1;
      idOf.set(ref, id);
    }
    ids[r] = id;
    if (r % (ITEMS_PER_STEP * 8) === 0) yield;
  }
  return { offsets: Int32Array.from(starts), ids, names };
}
