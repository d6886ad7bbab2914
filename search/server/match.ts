import type { Steps } from '../../content/snapshot/steps.ts';
import { type BigramIndex, COUNT_SHIFT, candidateFieldsOf, candidatesOf } from './bigram-index.ts';
import { FIELD_WEIGHTS, type PreparedDocument, SEARCH_FIELDS, WEIGHT_CLASSES } from './corpus.ts';
import type { CachedList, TermCache } from './term-cache.ts';
import type { QueryTerms } from './terms.ts';

/**
 * Scores documents for one query variant: every term must occur somewhere in the document (AND);
 * a term counts with the weight of the best field it occurs in, more when it is long (a four-
 * character policy word says more than a two-character one) and a little more when it recurs in
 * the body. A piece of the query found whole in a field adds a bonus, so 低保家庭助学 written
 * together in a title beats 低保家庭 … 助学 apart.
 *
 * Scores are fractions of the variant's ideal (every term in the title), so the variants of one
 * query compare fairly: a synonym variant whose words sit in titles does not outrank the query's
 * own title matches merely because the query's best match had a long body full of repeats.
 *
 * A term's matches are read once per release (term-cache.ts) and shared by every variant and
 * request that has it; a request only walks typed arrays (the dense `Workspace`), so its cost
 * follows the number of matches with a small constant — at scale a common word matches most of
 * 82,000 documents, and a Map entry per match per variant was most of a query's time (issue 20).
 */

/** Body occurrences beyond the first, counted up to this many. */
const MAX_REPEATS = 4;
const REPEAT_BONUS = 0.15;
const PHRASE_BONUS = 0.5;

function countOf(text: string, term: string, max: number): number {
  let n = 0;
  for (let at = text.indexOf(term); at >= 0 && n < max; at = text.indexOf(term, at + term.length)) n++;
  return n;
}

/**
 * Per request: which documents pass the filters (`allowed`, per document index; `null`: every
 * document), what narrows a term to the documents that can hold it (`pairs`, bigram-index.ts), the
 * release's `cache`, and the dense scratch arrays the variants are scored in.
 */
export interface Scope {
  allowed: Uint8Array | null;
  pairs: BigramIndex;
  cache: TermCache;
  work: Workspace;
}

/** Scratch arrays of the corpus's length, one set per request (sliced requests interleave). */
export interface Workspace {
  coverage: Float64Array;
  score: Float64Array;
  /** `mark[i] === stamp`: document i holds a term of the variant being scored. */
  mark: Int32Array;
  stamp: number;
}

export const workspace = (count: number): Workspace => ({
  coverage: new Float64Array(count),
  score: new Float64Array(count),
  mark: new Int32Array(count),
  stamp: 0,
});

/**
 * Documents read between two `yield`s (content/snapshot/steps.ts) when a term is first read: a few
 * `includes` each. A step per document would spend more on yielding than on the work.
 */
const CANDIDATES_PER_STEP = 64;
/** Entries of typed arrays walked between two `yield`s. */
const ENTRIES_PER_STEP = 4096;

function* listSteps(
  count: number,
  narrowed: Int32Array | null,
  value: (index: number, k: number) => number,
  perStep: number,
): Steps<CachedList> {
  const n = narrowed ? narrowed.length : count;
  const docs = new Int32Array(n);
  const values = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    if (k % perStep === perStep - 1) yield;
    const i = narrowed ? (narrowed[k] ?? -1) : k;
    const v = value(i, k);
    if (v === 0) continue;
    docs[m] = i;
    values[m] = v;
    m++;
  }
  return { docs: docs.slice(0, m), values: values.slice(0, m) };
}

/** Cached, or read from the documents now and cached. */
function* cached(cache: TermCache, key: string, read: () => Steps<CachedList>): Steps<CachedList> {
  const hit = cache.get(key);
  if (hit) return hit;
  const list = yield* read();
  cache.set(key, list);
  return list;
}

const termScore = (best: number, length: number, bodyCount: number) =>
  best * length * (1 + REPEAT_BONUS * Math.min(Math.max(0, bodyCount - 1), MAX_REPEATS));

/** Every document holding `term` (ascending), with the term's score in it. */
function termList(documents: readonly PreparedDocument[], scope: Scope, term: string): Steps<CachedList> {
  return cached(scope.cache, `t\n${term}`, () => {
    const length = Math.sqrt(Array.from(term).length);
    const withFields = candidateFieldsOf(scope.pairs, term);
    if (withFields) return fieldTermList(documents, withFields, term, length);
    return listSteps(
      documents.length,
      candidatesOf(scope.pairs, term),
      (i) => {
        const doc = documents[i];
        if (!doc) return 0;
        let best = 0;
        for (const field of SEARCH_FIELDS) {
          const weight = FIELD_WEIGHTS[field];
          if (weight > best && doc.text[field].includes(term)) best = weight;
        }
        if (best === 0) return 0;
        return termScore(best, length, countOf(doc.text.body, term, MAX_REPEATS + 1));
      },
      CANDIDATES_PER_STEP,
    );
  });
}

const CLASS_BITS = (1 << COUNT_SHIFT) - 1;

/**
 * `termList` from the bigram index's field bits (corpus.ts `PAIR_FIELD_BITS`): a two-unit term is
 * its one pair, so the bits say which fields hold it and how often the body does — scored without
 * reading a document (at scale 服务 or 家庭 are in most of 82,000). A longer term is looked for only
 * in the fields that hold all its pairs, heaviest first; the body is read only when it may hold it.
 */
function fieldTermList(
  documents: readonly PreparedDocument[],
  candidates: { docs: Int32Array; fields: Uint8Array },
  term: string,
  length: number,
): Steps<CachedList> {
  const exact = term.length === 2;
  const { docs, fields } = candidates;
  return listSteps(
    documents.length,
    docs,
    (i, k) => {
      const bits = fields[k] ?? 0;
      const counted = bits >> COUNT_SHIFT;
      const classes = bits & CLASS_BITS;
      let best = 0;
      if (exact) {
        // The lowest bit set is the heaviest class holding the pair.
        best = classes === 0 ? (counted > 0 ? 1 : 0) : classWeight(31 - Math.clz32(classes & -classes));
        return best === 0 ? 0 : termScore(best, length, counted);
      }
      const doc = documents[i];
      if (!doc) return 0;
      for (let c = 0; c < WEIGHT_CLASSES.length && best === 0; c++) {
        if ((classes & (1 << c)) === 0) continue;
        for (const field of WEIGHT_CLASSES[c] ?? []) {
          if (doc.text[field].includes(term)) {
            best = FIELD_WEIGHTS[field];
            break;
          }
        }
      }
      const inBody = counted > 0 ? countOf(doc.text.body, term, MAX_REPEATS + 1) : 0;
      if (best === 0 && inBody > 0) best = FIELD_WEIGHTS.body;
      return best === 0 ? 0 : termScore(best, length, inBody);
    },
    exact ? ENTRIES_PER_STEP : CANDIDATES_PER_STEP,
  );
}

const classWeight = (c: number) => {
  const field = WEIGHT_CLASSES[c]?.[0];
  return field ? FIELD_WEIGHTS[field] : 0;
};

/** Every document holding `phrase` whole, with its bonus factor (in the title, or in the summary or body). */
function phraseList(documents: readonly PreparedDocument[], scope: Scope, phrase: string): Steps<CachedList> {
  return cached(scope.cache, `p\n${phrase}`, () =>
    listSteps(
      documents.length,
      candidatesOf(scope.pairs, phrase),
      (i) => {
        const text = documents[i]?.text;
        if (!text) return 0;
        if (text.title.includes(phrase)) return 1 + PHRASE_BONUS;
        if (text.summary.includes(phrase) || text.body.includes(phrase)) return 1 + PHRASE_BONUS / 3;
        return 0;
      },
      CANDIDATES_PER_STEP,
    ),
  );
}

/** Every document whose title or facts hold the single character `char`, with the weak term's factor. */
function weakList(documents: readonly PreparedDocument[], scope: Scope, char: string): Steps<CachedList> {
  return cached(scope.cache, `w\n${char}`, () =>
    listSteps(
      documents.length,
      null,
      (i) => {
        const text = documents[i]?.text;
        return text && (text.title.includes(char) || text.facts.includes(char)) ? 1 + WEAK_BONUS : 0;
      },
      ENTRIES_PER_STEP / 4,
    ),
  );
}

export interface VariantScores {
  /** Matching document indexes, in the order they were first met (term by term, each ascending). */
  docs: Int32Array;
  /** Their scores. */
  scores: Float64Array;
  /** Whether the documents scored hold every word (false: the best share was below all of them). */
  complete: boolean;
}

/**
 * Below this share of the query's words (by weight) a document is not a match: half of 养老培训
 * (养老 or 培训) is an answer when nothing holds both; one word of five is noise.
 */
export const MIN_COVERAGE = 0.5;
/** Per weak (single-character) term a document also holds. */
const WEAK_BONUS = 0.05;

const termWeight = (text: string) => Math.sqrt(Array.from(text).length);

/**
 * Soft AND (issue 20): documents holding every word are the answer when there are any; otherwise
 * the ones holding the largest share of the words (at least `MIN_COVERAGE`), their score scaled by
 * that share squared — so 上门照料 finds 照料 when no text says 上门照料, and a variant with every
 * word still outranks it in the fusion. In steps (the portal runs a query in time slices).
 *
 * The arithmetic is the per-document one it replaced, in the same order (term scores summed term
 * by term, then the phrase factors, then the weak ones), so scores — and ties — are unchanged.
 */
export function* scoreVariantSteps(
  documents: readonly PreparedDocument[],
  scope: Scope,
  query: QueryTerms,
): Steps<VariantScores> {
  const strong = query.terms.filter((t) => !t.weak);
  const weak = query.terms.filter((t) => t.weak);
  if (strong.length === 0) return { docs: new Int32Array(0), scores: new Float64Array(0), complete: false };
  const { work } = scope;
  const met = { stamp: ++work.stamp, docs: [] as number[] };
  const total = strong.reduce((sum, t) => sum + termWeight(t.text), 0);
  // Documents in the order first met: term by term, each term's documents ascending.
  for (const term of strong) {
    const list = yield* termList(documents, scope, term.text);
    const share = termWeight(term.text) / total;
    for (let from = 0; from < list.docs.length; from += ENTRIES_PER_STEP) {
      accumulate(list, from, Math.min(list.docs.length, from + ENTRIES_PER_STEP), share, scope, met);
      yield;
    }
  }
  const { coverage, score, mark } = work;
  let best = 0;
  for (const i of met.docs) best = Math.max(best, coverage[i] ?? 0);
  // Rounding: a document holding every word has a coverage of 1 give or take a ulp.
  const complete = best >= 1 - 1e-9;
  const floor = complete ? 1 - 1e-9 : MIN_COVERAGE;
  // The matches, marked anew: the factors below are for them only.
  const matched = ++work.stamp;
  const docs: number[] = [];
  for (const i of met.docs) {
    if ((coverage[i] ?? 0) < floor) continue;
    mark[i] = matched;
    docs.push(i);
  }
  yield;
  for (const phrase of query.phrases) {
    applyFactors(yield* phraseList(documents, scope, phrase), mark, matched, score);
    yield;
  }
  for (const t of weak) {
    // Few matches: their titles are read; many: the character's list over the corpus (cached) is walked.
    if (docs.length * 8 < documents.length) {
      for (const i of docs) {
        const text = documents[i]?.text;
        if (text && (text.title.includes(t.text) || text.facts.includes(t.text)))
          score[i] = (score[i] ?? 0) * (1 + WEAK_BONUS);
      }
    } else applyFactors(yield* weakList(documents, scope, t.text), mark, matched, score);
    yield;
  }
  const ideal = strong.reduce((sum, t) => sum + FIELD_WEIGHTS.title * termWeight(t.text), 0);
  const scores = new Float64Array(docs.length);
  for (const [k, i] of docs.entries()) {
    const share = coverage[i] ?? 0;
    scores[k] = ((score[i] ?? 0) / ideal) * Math.min(1, share) ** 2;
  }
  return { docs: Int32Array.from(docs), scores, complete };
}

/** Adds entries `from`…`to` of a term's list to the documents' coverage and score (a plain loop V8 optimises well). */
function accumulate(
  list: CachedList,
  from: number,
  to: number,
  share: number,
  scope: Scope,
  met: { stamp: number; docs: number[] },
): void {
  const { docs, values } = list;
  const { allowed } = scope;
  const { coverage, score, mark } = scope.work;
  const { stamp } = met;
  for (let k = from; k < to; k++) {
    const i = docs[k] ?? 0;
    if (allowed && allowed[i] !== 1) continue;
    if (mark[i] !== stamp) {
      mark[i] = stamp;
      coverage[i] = 0;
      score[i] = 0;
      met.docs.push(i);
    }
    coverage[i] = (coverage[i] ?? 0) + share;
    score[i] = (score[i] ?? 0) + (values[k] ?? 0);
  }
}

/** Multiplies the score of each marked document in `list` by its factor there. */
function applyFactors(list: CachedList, mark: Int32Array, stamp: number, score: Float64Array): void {
  const { docs, values } = list;
  for (let k = 0; k < docs.length; k++) {
    const i = docs[k] ?? 0;
    if (mark[i] === stamp) score[i] = (score[i] ?? 0) * (values[k] ?? 1);
  }
}
