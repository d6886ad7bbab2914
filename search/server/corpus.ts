import type { SearchDocument } from '../../content/search/documents.ts';
import {
  BOOLEAN_FACET_VALUES,
  FACET_LABELS,
  FACETS,
  type FacetName,
  SEARCH_TYPES,
} from '../../content/search/settings.ts';
import { DEFAULT_SLICE_MS, runSteps, runStepsSliced, type Steps } from '../../content/snapshot/steps.ts';
import { timeSlicer } from '../../content/snapshot/time-slices.ts';
import type { CorpusHints, FacetCounts } from '../client/index.ts';
// Deep, not through search/index's face, which carries Pagefind and the Meilisearch admin client.
import { dictionaryWords, vocabularySteps } from '../index/vocabulary.ts';
import { type BigramIndex, bigramIndexSteps, type FieldBits } from './bigram-index.ts';
import { createSegmenter, type Segment } from './segmenter.ts';

/**
 * The in-process search's view of a release: the release's search documents (the same public,
 * PII-masked projection both indexes get) with their searchable fields lower-cased once, every
 * facet value as a string, and what query expansion needs to know about the corpus — built once
 * per snapshot, since a results page must not redo it per request.
 */

/**
 * Field weights, in the order of `SEARCHABLE_ATTRIBUTES` (content/search/settings.ts): a title match
 * counts most. The structured fields — target group, service type, region, and `facts` (the
 * key-county flag, the disclosure kind, the type's name) — count nearly as much (issue 20): an
 * entry tagged with a place or a group outranks one whose blurb mentions it.
 */
export const FIELD_WEIGHTS = {
  title: 10,
  facts: 8,
  targetGroup: 8,
  serviceType: 8,
  region: 8,
  keywords: 6,
  charity: 3,
  project: 3,
  summary: 2,
  body: 1,
} as const;
export type SearchField = keyof typeof FIELD_WEIGHTS;
export const SEARCH_FIELDS = Object.keys(FIELD_WEIGHTS) as SearchField[];

/**
 * The bigram index's field bits (bigram-index.ts `FieldBits`): one bit per weight class of the
 * fields before the body — title; facts and the tags; keywords; charity and project; summary —
 * heaviest first, and the body's occurrences counted. Enough to score a two-character term from the
 * index alone (match.ts), and to read only the fields that can hold a longer one.
 */
export const WEIGHT_CLASSES: readonly SearchField[][] = (() => {
  const classes = new Map<number, SearchField[]>();
  for (const field of SEARCH_FIELDS) {
    if (field === 'body') continue;
    const list = classes.get(FIELD_WEIGHTS[field]) ?? [];
    list.push(field);
    classes.set(FIELD_WEIGHTS[field], list);
  }
  return [...classes.entries()].sort((a, b) => b[0] - a[0]).map(([, fields]) => fields);
})();
export const PAIR_FIELD_BITS: FieldBits = {
  bits: SEARCH_FIELDS.map((field) => {
    const at = WEIGHT_CLASSES.findIndex((fields) => fields.includes(field));
    return at < 0 ? 0 : 1 << at;
  }),
  counted: SEARCH_FIELDS.indexOf('body'),
};

export interface PreparedDocument {
  doc: SearchDocument;
  /** Lower-cased, NFKC text of each searchable field (list fields joined with a newline). */
  text: Record<SearchField, string>;
  /** Facet values as the engines report them (booleans as `'true'`/`'false'`). */
  facets: Partial<Record<FacetName, string[]>>;
}

export interface ServerCorpus {
  documents: PreparedDocument[];
  /** Every facet value with the number of documents holding it: what a filter may name. */
  known: FacetCounts;
  /** Known terms and synonym counts for `queryVariants` (the same vocabulary the Pagefind bundle ships). */
  hints: CorpusHints;
  /** Vocabulary words (folded): a query word among them is `known` (terms.ts). */
  lexicon: ReadonlySet<string>;
  /** The user dictionary (folded) jieba is taught for this corpus: `segmenterOf(corpus)`. */
  dictionary: readonly string[];
  /** Which documents can hold a term (bigram-index.ts): built here, once per release, not per query. */
  pairs: BigramIndex;
}

// A function per corpus, kept beside it (a corpus stays plain data: the sliced and the one-go builds compare equal).
const segmenters = new WeakMap<ServerCorpus, Segment>();

/** jieba taught this corpus's user dictionary (segmenter.ts), made on first use. */
export function segmenterOf(corpus: ServerCorpus): Segment {
  let segment = segmenters.get(corpus);
  if (!segment) {
    segment = createSegmenter(corpus.dictionary);
    segmenters.set(corpus, segment);
  }
  return segment;
}

/** Lower case and NFKC: fullwidth letters match ASCII ones, as normaliseQuery does for the query. */
export const fold = (text: string) => text.normalize('NFKC').toLowerCase();

function facetValues(doc: SearchDocument): Partial<Record<FacetName, string[]>> {
  const out: Partial<Record<FacetName, string[]>> = {};
  for (const facet of FACETS) {
    const value = doc[facet];
    let values: string[];
    if (value === null) values = [];
    else if (typeof value === 'boolean') values = [value ? BOOLEAN_FACET_VALUES.yes : BOOLEAN_FACET_VALUES.no];
    else if (Array.isArray(value)) values = value;
    else values = [value];
    if (values.length > 0) out[facet] = values;
  }
  return out;
}

/** The facts a document is tagged with, as words: the key-county flag, the type's name, a disclosure's kind. */
function facts(doc: SearchDocument): string[] {
  const out: string[] = [SEARCH_TYPES[doc.type]];
  if (doc.keyCounty) out.push(FACET_LABELS.keyCounty);
  if (doc.type === 'disclosure' || doc.type === 'award' || doc.type === 'campaign')
    out.push(...doc.keywords.slice(0, 3));
  return out;
}

function prepare(doc: SearchDocument): PreparedDocument {
  const join = (values: readonly string[]) => fold(values.join('\n'));
  return {
    doc,
    text: {
      title: fold(doc.title),
      facts: join(facts(doc)),
      keywords: join(doc.keywords),
      targetGroup: join(doc.targetGroup),
      serviceType: join(doc.serviceType),
      region: join(doc.region),
      charity: join(doc.charity),
      project: fold(doc.project ?? ''),
      summary: fold(doc.summary),
      body: fold(doc.body),
    },
    facets: facetValues(doc),
  };
}

export function prepareCorpus(documents: readonly SearchDocument[]): ServerCorpus {
  return runSteps(corpusSteps(documents));
}

/**
 * `prepareCorpus` for the portal: the same steps, with a turn of the event loop every `sliceMs`
 * of work, so that the first search after a release switch (seconds of work at scale: folding
 * every text, the vocabulary) does not hold up every other page and API request meanwhile.
 */
export function prepareCorpusSliced(
  documents: readonly SearchDocument[],
  options: { sliceMs?: number } = {},
): Promise<ServerCorpus> {
  return runStepsSliced(corpusSteps(documents), timeSlicer(options.sliceMs ?? DEFAULT_SLICE_MS));
}

/** The one definition of a corpus, a document per step (content/snapshot/time-slices.ts). */
function* corpusSteps(documents: readonly SearchDocument[]): Steps<ServerCorpus> {
  const prepared: PreparedDocument[] = [];
  const known: FacetCounts = {};
  for (const doc of documents) {
    const p = prepare(doc);
    prepared.push(p);
    for (const [facet, values] of Object.entries(p.facets) as [FacetName, string[]][]) {
      const counts = known[facet] ?? {};
      for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
      known[facet] = counts;
    }
    yield;
  }
  const pairs = yield* bigramIndexSteps(
    prepared.length,
    (i) => {
      const text = prepared[i]?.text;
      return text ? SEARCH_FIELDS.map((field) => text[field]) : [];
    },
    PAIR_FIELD_BITS,
  );
  const vocabulary = yield* vocabularySteps(documents);
  const dictionary = dictionaryWords(vocabulary);
  const lexicon = new Set([...vocabulary.terms, ...dictionary].map(fold).filter((t) => Array.from(t).length >= 2));
  yield;
  return {
    documents: prepared,
    known,
    hints: { terms: vocabulary.terms, counts: vocabulary.counts, places: vocabulary.places, words: vocabulary.words },
    lexicon,
    dictionary: dictionary.map(fold),
    pairs,
  };
}
