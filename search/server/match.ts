import { runSteps, type Steps } from '../../content/snapshot/steps.ts';
import { type BigramIndex, candidatesOf } from './bigram-index.ts';
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
 * The documents a query may match: `candidates` pass the filters (indexes in corpus order);
 * `allowed` says the same per document index (`null`: no filter, every document passes); `pairs`
 * narrows each term to the documents that can hold it (bigram-index.ts).
 */
export interface Scope {
  candidates: readonly number[];
  allowed: Uint8Array | null;
  pairs: BigramIndex;
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
  scope: Scope,
  term: string,
): Steps<Map<number, number>> {
  const scores = new Map<number, number>();
  const length = Math.sqrt(Array.from(term).length);
  // Both lists are ascending, so the scores come out in corpus order either way.
  const narrowed = candidatesOf(scope.pairs, term);
  const list: ArrayLike<number> = narrowed ?? scope.candidates;
  for (let k = 0; k < list.length; k++) {
    if (k % CANDIDATES_PER_STEP === CANDIDATES_PER_STEP - 1) yield;
    const i = list[k] ?? -1;
    if (narrowed && scope.allowed && scope.allowed[i] !== 1) continue;
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
 * `scope` says which documents pass the filters (see `Scope`). Returns
 * document index → score for the documents that hold enough of the terms (see `scoreVariantSteps`).
 */
export function scoreVariant(
  documents: readonly PreparedDocument[],
  scope: Scope,
  query: QueryTerms,
  cache: TermCache,
): VariantScores {
  return runSteps(scoreVariantSteps(documents, scope, query, cache));
}

export interface VariantScores {
  /** Document index → score. */
  scores: Map<number, number>;
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
 * `scoreVariant` in steps of a few dozen candidates. Soft AND (issue 20): documents holding every
 * word are the answer when there are any; otherwise the ones holding the largest share of the
 * words (at least `MIN_COVERAGE`), their score scaled by that share squared — so 上门照料 finds
 * 照料 when no text says 上门照料, and a variant with every word still outranks it in the fusion.
 */
export function* scoreVariantSteps(
  documents: readonly PreparedDocument[],
  scope: Scope,
  query: QueryTerms,
  cache: TermCache,
): Steps<VariantScores> {
  const strong = query.terms.filter((t) => !t.weak);
  const weak = query.terms.filter((t) => t.weak);
  if (strong.length === 0) return { scores: new Map(), complete: false };
  const perTerm: Map<number, number>[] = [];
  for (const term of strong) {
    let scores = cache.get(term.text);
    if (!scores) {
      scores = yield* termScoreSteps(documents, scope, term.text);
      cache.set(term.text, scores);
    }
    perTerm.push(scores);
  }
  const total = strong.reduce((sum, t) => sum + termWeight(t.text), 0);
  const coverage = new Map<number, number>();
  for (const [k, scores] of perTerm.entries()) {
    const w = termWeight(strong[k]?.text ?? '');
    for (const i of scores.keys()) coverage.set(i, (coverage.get(i) ?? 0) + w / total);
    yield;
  }
  let best = 0;
  for (const c of coverage.values()) best = Math.max(best, c);
  // Rounding: a document holding every word has a coverage of 1 give or take a ulp.
  const complete = best >= 1 - 1e-9;
  const floor = complete ? 1 - 1e-9 : MIN_COVERAGE;
  const ideal = strong.reduce((sum, t) => sum + FIELD_WEIGHTS.title * termWeight(t.text), 0);
  const out = new Map<number, number>();
  let k = 0;
  for (const [i, share] of coverage) {
    if (++k % CANDIDATES_PER_STEP === 0) yield;
    if (share < floor) continue;
    const doc = documents[i];
    if (!doc) continue;
    let score = perTerm.reduce((sum, scores) => sum + (scores.get(i) ?? 0), 0);
    for (const phrase of query.phrases) {
      if (doc.text.title.includes(phrase)) score *= 1 + PHRASE_BONUS;
      else if (doc.text.summary.includes(phrase) || doc.text.body.includes(phrase)) score *= 1 + PHRASE_BONUS / 3;
    }
    for (const t of weak)
      if (doc.text.title.includes(t.text) || doc.text.facts.includes(t.text)) score *= 1 + WEAK_BONUS;
    out.set(i, (score / ideal) * Math.min(1, share) ** 2);
  }
  return { scores: out, complete };
}
