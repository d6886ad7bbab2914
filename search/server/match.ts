import { runSteps, type Steps } from '../../content/snapshot/steps.ts';
import { FIELD_WEIGHTS, type PreparedDocument, SEARCH_FIELDS } from './corpus.ts';
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
 * A term's matches are computed once per request and shared by every variant that has it
 * (`TermCache`): variants mostly differ in one word.
 */
export type TermCache = Map<string, Map<number, number>>;

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
 * Candidates scored between two `yield`s (content/snapshot/steps.ts): one query at scale scans
 * 80,000 documents per term, hundreds of milliseconds in all, so the portal runs it in slices.
 * A step per document would spend more on yielding than on the work.
 */
const CANDIDATES_PER_STEP = 64;

/** Document index → the term's score in it, for the documents that hold it. */
function* termScoreSteps(
  documents: readonly PreparedDocument[],
  candidates: readonly number[],
  term: string,
): Steps<Map<number, number>> {
  const scores = new Map<number, number>();
  const length = Math.sqrt(Array.from(term).length);
  for (const [k, i] of candidates.entries()) {
    if (k % CANDIDATES_PER_STEP === CANDIDATES_PER_STEP - 1) yield;
    const doc = documents[i];
    if (!doc) continue;
    let best = 0;
    for (const field of SEARCH_FIELDS) {
      const weight = FIELD_WEIGHTS[field];
      if (weight > best && doc.text[field].includes(term)) best = weight;
    }
    if (best === 0) continue;
    const repeats = Math.max(0, countOf(doc.text.body, term, MAX_REPEATS + 1) - 1);
    scores.set(i, best * length * (1 + REPEAT_BONUS * Math.min(repeats, MAX_REPEATS)));
  }
  return scores;
}

/**
 * `candidates` are the indexes of documents that pass the filters, in corpus order. Returns
 * document index → score for every candidate that holds all the terms.
 */
export function scoreVariant(
  documents: readonly PreparedDocument[],
  candidates: readonly number[],
  query: QueryTerms,
  cache: TermCache,
): Map<number, number> {
  return runSteps(scoreVariantSteps(documents, candidates, query, cache));
}

/** `scoreVariant` in steps of a few dozen candidates. */
export function* scoreVariantSteps(
  documents: readonly PreparedDocument[],
  candidates: readonly number[],
  query: QueryTerms,
  cache: TermCache,
): Steps<Map<number, number>> {
  if (query.terms.length === 0) return new Map();
  // Each term is scanned over all candidates (so the cache serves other variants); the AND set shrinks as we go.
  let remaining: readonly number[] = candidates;
  const perTerm: Map<number, number>[] = [];
  for (const term of query.terms) {
    let scores = cache.get(term.text);
    if (!scores) {
      scores = yield* termScoreSteps(documents, candidates, term.text);
      cache.set(term.text, scores);
    }
    perTerm.push(scores);
    const held = scores;
    remaining = remaining.filter((i) => held.has(i));
    if (remaining.length === 0) return new Map();
  }
  const ideal = query.terms.reduce((sum, t) => sum + FIELD_WEIGHTS.title * Math.sqrt(Array.from(t.text).length), 0);
  const out = new Map<number, number>();
  for (const [k, i] of remaining.entries()) {
    if (k % CANDIDATES_PER_STEP === CANDIDATES_PER_STEP - 1) yield;
    const doc = documents[i];
    if (!doc) continue;
    let score = perTerm.reduce((sum, scores) => sum + (scores.get(i) ?? 0), 0);
    for (const phrase of query.phrases) {
      if (doc.text.title.includes(phrase)) score *= 1 + PHRASE_BONUS;
      else if (doc.text.summary.includes(phrase) || doc.text.body.includes(phrase)) score *= 1 + PHRASE_BONUS / 3;
    }
    out.set(i, score / ideal);
  }
  return out;
}
