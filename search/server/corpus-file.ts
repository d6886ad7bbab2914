import { createHash, randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { isoDate } from '../../content/index.ts';
import { FACETS, type FacetName, SEARCH_TYPES, type SearchType } from '../../content/search/settings.ts';
import { SEARCH_FIELDS, type ServerCorpus } from './corpus.ts';

/**
 * The server search's corpus, built at publish time (issue 20: "first query after a release switch
 * ≤ 1 s"). Building it in the portal — folding every text, the vocabulary, the bigram index —
 * took 45 s at scale on the first query after a switch; the release's index stage now builds it
 * once (search/index/release-index.ts) and writes `<release>/search-corpus.bin` beside
 * `search-documents.json`, in a form the portal loads without re-doing any of it
 * (corpus-load.ts): typed arrays it takes as views of the file, the folded texts as UTF-16 it
 * decodes per document on first use, and the documents themselves parsed (and checked with zod)
 * one at a time when a hit needs them, from `search-documents.json`, whose bytes the file's
 * SHA-256 ties it to.
 *
 * Layout: `XJCORPUS` · u32 version · u32 header length · header JSON (UTF-8) · sections, each at
 * an offset that is a multiple of 8 (typed-array views need their element size's alignment). The
 * header (`corpusHeaderSchema`) names every section's offset and length in bytes.
 */
export const SEARCH_CORPUS_FILE = 'search-corpus.bin';
export const CORPUS_MAGIC = 'XJCORPUS';
export const CORPUS_VERSION = 2;
/** Magic, version, header length. */
export const CORPUS_PREAMBLE = 16;

/** The sections, in file order; each a typed array of the named kind (texts: UTF-16LE code units). */
export const CORPUS_SECTIONS = {
  /** Per document: byte offset of its JSON in `search-documents.json`, and where it ends. */
  lineStarts: 'u32',
  lineEnds: 'u32',
  /** Per document: its type's index in `SEARCH_TYPES`. */
  kinds: 'u8',
  /** Per document: the ranking flags (`FLAG`). */
  flags: 'u8',
  /** Per document and field (`SEARCH_FIELDS` order), where its folded text starts in `texts`, in code units; one more at the end. */
  textStarts: 'u32',
  texts: 'utf16',
  /** Per document, where its facet values start in `facetRefs`; one more at the end. */
  facetStarts: 'u32',
  /** `facet index << 24 | value index` into the header's `facetValues`. */
  facetRefs: 'u32',
  /** The bigram index (bigram-index.ts): pair keys, each key's start in `postings` (one more at the end), the lists. */
  pairKeys: 'i32',
  pairStarts: 'u32',
  postings: 'i32',
  /**
   * Per posting, the pair's field bits (`BigramIndex.fields`, pair-fields in corpus.ts), in
   * `postings`' order; empty when the index was built without them (the engine then reads text).
   */
  pairFields: 'u8',
} as const;
export type CorpusSection = keyof typeof CORPUS_SECTIONS;

/** Ranking fields of a document kept beside its JSON, so ranking a match needs no parse. */
export const FLAG = {
  accepting: 1,
  acceptingNull: 2,
  overdue: 4,
  overduePresent: 8,
  keyCounty: 16,
} as const;

export const TYPE_ORDER = Object.keys(SEARCH_TYPES) as SearchType[];

const section = z.object({ offset: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() });
const strings = z.array(z.string());

export const corpusHeaderSchema = z.object({
  version: z.literal(CORPUS_VERSION),
  /** Typed arrays are written in the machine's byte order: a file from another one is rebuilt. */
  littleEndian: z.boolean(),
  demo: z.boolean(),
  ruleDay: isoDate,
  count: z.number().int().nonnegative(),
  fields: strings,
  types: strings,
  facets: strings,
  /** The documents file this corpus was built from: its length and SHA-256 (hex). */
  documents: z.object({ bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  known: z.record(z.string(), z.record(z.string(), z.number().int())),
  hints: z.object({
    terms: strings.optional(),
    places: strings.optional(),
    words: strings.optional(),
    counts: z.record(z.string(), z.number().int()).optional(),
  }),
  lexicon: strings,
  dictionary: strings,
  /** Per facet (`facets` order), its values; `facetRefs` point into these. */
  facetValues: z.array(strings),
  sections: z.record(z.string(), section),
});
export type CorpusHeader = z.infer<typeof corpusHeaderSchema>;

export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The byte ranges of the documents in the line layout (release-documents.ts): one per line after the header. */
export function documentLines(bytes: Uint8Array, count: number): { starts: Uint32Array; ends: Uint32Array } {
  const starts = new Uint32Array(count);
  const ends = new Uint32Array(count);
  let at = bytes.indexOf(0x0a) + 1;
  for (let i = 0; i < count; i++) {
    const nl = bytes.indexOf(0x0a, at);
    if (at <= 0 || nl < 0) throw new Error(`搜索文档文件的行数少于 ${count} 篇文档`);
    starts[i] = at;
    // A trailing comma separates the list's entries.
    ends[i] = bytes[nl - 1] === 0x2c ? nl - 1 : nl;
    at = nl + 1;
  }
  return { starts, ends };
}

/**
 * The corpus file's bytes for `corpus`, built from exactly the documents `documentsBytes` (the
 * release's `search-documents.json` in the line layout) holds, in the same order.
 */
export function encodeCorpus(
  corpus: ServerCorpus,
  meta: { demo: boolean; ruleDay: string },
  documentsBytes: Uint8Array,
): Buffer[] {
  const count = corpus.documents.length;
  const lines = documentLines(documentsBytes, count);
  const kinds = new Uint8Array(count);
  const flags = new Uint8Array(count);
  const fieldCount = SEARCH_FIELDS.length;
  const textStarts = new Uint32Array(count * fieldCount + 1);
  let units = 0;
  const facetValues: string[][] = FACETS.map(() => []);
  const valueIndex: Map<string, number>[] = FACETS.map(() => new Map());
  const refs: number[] = [];
  const facetStarts = new Uint32Array(count + 1);
  for (const [i, p] of corpus.documents.entries()) {
    const { doc } = p;
    kinds[i] = TYPE_ORDER.indexOf(doc.type);
    flags[i] =
      (doc.acceptingDonations === true ? FLAG.accepting : 0) |
      (doc.acceptingDonations === null ? FLAG.acceptingNull : 0) |
      (doc.overdue === true ? FLAG.overdue : 0) |
      (doc.overdue === undefined ? 0 : FLAG.overduePresent) |
      (doc.keyCounty ? FLAG.keyCounty : 0);
    for (const [f, field] of SEARCH_FIELDS.entries()) {
      textStarts[i * fieldCount + f] = units;
      units += p.text[field].length;
    }
    facetStarts[i] = refs.length;
    for (const [f, facet] of FACETS.entries()) {
      for (const value of p.facets[facet as FacetName] ?? []) {
        const known = valueIndex[f] as Map<string, number>;
        let v = known.get(value);
        if (v === undefined) {
          v = facetValues[f]?.push(value) ?? 0;
          v -= 1;
          known.set(value, v);
        }
        refs.push((f << 24) | v);
      }
    }
  }
  textStarts[count * fieldCount] = units;
  facetStarts[count] = refs.length;
  const texts = Buffer.alloc(units * 2);
  let at = 0;
  for (const p of corpus.documents)
    for (const field of SEARCH_FIELDS) at += texts.write(p.text[field], at * 2, 'utf16le') / 2;

  const keys = [...corpus.pairs.rows.keys()];
  const pairKeys = Int32Array.from(keys);
  const pairStarts = new Uint32Array(keys.length + 1);
  let total = 0;
  for (const [k, key] of keys.entries()) {
    pairStarts[k] = total;
    total += corpus.pairs.postings[corpus.pairs.rows.get(key) ?? -1]?.length ?? 0;
  }
  pairStarts[keys.length] = total;
  const postings = new Int32Array(total);
  for (const [k, key] of keys.entries())
    postings.set(corpus.pairs.postings[corpus.pairs.rows.get(key) ?? -1] ?? [], pairStarts[k]);
  const fieldLists = corpus.pairs.fields;
  const pairFields = new Uint8Array(fieldLists ? total : 0);
  if (fieldLists)
    for (const [k, key] of keys.entries())
      pairFields.set(fieldLists[corpus.pairs.rows.get(key) ?? -1] ?? [], pairStarts[k]);

  const data: Record<CorpusSection, ArrayBufferView> = {
    lineStarts: lines.starts,
    lineEnds: lines.ends,
    kinds,
    flags,
    textStarts,
    texts,
    facetStarts,
    facetRefs: Uint32Array.from(refs),
    pairKeys,
    pairStarts,
    postings,
    pairFields,
  };
  const sections: CorpusHeader['sections'] = {};
  const parts: Buffer[] = [];
  let offset = 0;
  for (const name of Object.keys(CORPUS_SECTIONS) as CorpusSection[]) {
    const view = data[name];
    sections[name] = { offset, bytes: view.byteLength };
    parts.push(Buffer.from(view.buffer, view.byteOffset, view.byteLength));
    const pad = (8 - (view.byteLength % 8)) % 8;
    if (pad > 0) parts.push(Buffer.alloc(pad));
    offset += view.byteLength + pad;
  }
  const header: CorpusHeader = {
    version: CORPUS_VERSION,
    littleEndian: LITTLE_ENDIAN,
    demo: meta.demo,
    ruleDay: meta.ruleDay,
    count,
    fields: [...SEARCH_FIELDS],
    types: TYPE_ORDER,
    facets: [...FACETS],
    documents: { bytes: documentsBytes.byteLength, sha256: createHash('sha256').update(documentsBytes).digest('hex') },
    known: corpus.known as CorpusHeader['known'],
    hints: {
      ...(corpus.hints.terms ? { terms: [...corpus.hints.terms] } : {}),
      ...(corpus.hints.places ? { places: [...corpus.hints.places] } : {}),
      ...(corpus.hints.words ? { words: [...corpus.hints.words] } : {}),
      ...(corpus.hints.counts ? { counts: { ...corpus.hints.counts } } : {}),
    },
    lexicon: [...corpus.lexicon],
    dictionary: [...corpus.dictionary],
    facetValues,
    sections,
  };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  // The sections start at a multiple of 8: pad the header with spaces (still the same JSON).
  const pad = (8 - ((CORPUS_PREAMBLE + json.length) % 8)) % 8;
  if (pad > 0) json = Buffer.concat([json, Buffer.alloc(pad, 0x20)]);
  const preamble = Buffer.alloc(CORPUS_PREAMBLE);
  preamble.write(CORPUS_MAGIC, 0, 'latin1');
  preamble.writeUInt32LE(CORPUS_VERSION, 8);
  preamble.writeUInt32LE(json.length, 12);
  return [preamble, json, ...parts];
}

/** Writes the corpus file beside its documents: temp file + rename, so a reader never sees half of one. */
export async function writeCorpusFile(
  path: string,
  corpus: ServerCorpus,
  meta: { demo: boolean; ruleDay: string },
  documentsBytes: Uint8Array,
): Promise<number> {
  const parts = encodeCorpus(corpus, meta, documentsBytes);
  const temp = join(dirname(path), `.${SEARCH_CORPUS_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, parts);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return parts.reduce((n, p) => n + p.length, 0);
}
