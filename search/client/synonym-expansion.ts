import { SYNONYM_GROUPS } from '../../content/search/settings.ts';
import { ONE_WAY_SYNONYMS, type OneWaySynonym } from './synonym-table.ts';

/**
 * Query-time synonym expansion for Pagefind, which has no synonyms of its own. Chinese has no
 * spaces, so terms are found as substrings: longest first, never overlapping. Each found term
 * gives variants in which it is replaced by another word of its group; the engine searches the
 * original and the variants and merges the results (`fusion.ts`).
 */
export interface TermMatch {
  term: string;
  start: number;
  end: number;
  group: readonly string[];
}

/**
 * Every group word, longest first, with its group; a one-way entry's `from` with itself and its
 * `to` words as its "group" (its `to` words get no entry of their own: the way back is closed).
 */
function lexicon(
  groups: readonly (readonly string[])[],
  oneWay: readonly OneWaySynonym[],
): { word: string; group: readonly string[] }[] {
  return [
    ...groups.flatMap((group) => group.map((word) => ({ word, group }))),
    ...oneWay.map((e) => ({ word: e.from, group: [e.from, ...e.to] })),
  ].sort((a, b) => b.word.length - a.word.length);
}

/** Synonym terms in the query, longest match first, non-overlapping, in query order. */
export function findSynonymTerms(
  query: string,
  groups: readonly (readonly string[])[] = SYNONYM_GROUPS,
  oneWay: readonly OneWaySynonym[] = ONE_WAY_SYNONYMS,
): TermMatch[] {
  const taken: boolean[] = new Array(query.length).fill(false);
  const found: TermMatch[] = [];
  for (const { word, group } of lexicon(groups, oneWay)) {
    let from = 0;
    for (let at = query.indexOf(word, from); at >= 0; at = query.indexOf(word, from)) {
      const end = at + word.length;
      if (!taken.slice(at, end).some(Boolean)) {
        for (let i = at; i < end; i++) taken[i] = true;
        found.push({ term: word, start: at, end, group });
      }
      from = at + 1;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface ExpansionOptions {
  groups?: readonly (readonly string[])[];
  /** @default ONE_WAY_SYNONYMS */
  oneWay?: readonly OneWaySynonym[];
  /** Alternatives tried per found term. @default 3 */
  perTerm?: number;
  /** Variants returned in all (not counting the query itself). @default 4 */
  max?: number;
  /** Words worth searching (e.g. ones the corpus holds). @default every word */
  keep?: (word: string) => boolean;
}

/**
 * Alternatives for one term: the other words of its group, skipping words that contain the term
 * (the term already finds them) and preferring shorter, more general words.
 */
export function alternativesFor(
  match: TermMatch,
  perTerm = 3,
  keep: (word: string) => boolean = () => true,
  query = '',
): string[] {
  return match.group
    .filter((w) => w !== match.term && !w.includes(match.term) && !query.includes(w) && keep(w))
    .map((w, i) => ({ w, i, s: similarity(match.term, w) }))
    .sort((a, b) => b.s - a.s || a.w.length - b.w.length || a.i - b.i)
    .slice(0, perTerm)
    .map(({ w }) => w);
}

/** Dice coefficient of the two words' characters: 孤残儿童/孤困儿童 0.75, 孤残儿童/孤儿 0.67, 最低生活保障/低保 0.5. */
export function similarity(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const rest = [...y];
  let common = 0;
  for (const c of x) {
    const at = rest.indexOf(c);
    if (at >= 0) {
      common++;
      rest.splice(at, 1);
    }
  }
  return x.length + y.length === 0 ? 0 : (2 * common) / (x.length + y.length);
}

export interface Expansion {
  query: string;
  /** The replaced term and its replacement. */
  from: string;
  to: string;
}

/** Queries to search besides `query`, each with one term replaced by its closest synonyms first; capped. */
export function expandSynonymsDetailed(query: string, options: ExpansionOptions = {}): Expansion[] {
  const { groups = SYNONYM_GROUPS, oneWay = ONE_WAY_SYNONYMS, perTerm = 3, max = 4, keep } = options;
  const matches = findSynonymTerms(query, groups, oneWay);
  const perMatch = matches.map((m) => alternativesFor(m, perTerm, keep, query));
  const out: Expansion[] = [];
  // Round-robin over the terms, so a two-term query expands both terms before the cap is reached.
  for (let round = 0; round < perTerm && out.length < max; round++) {
    matches.forEach((m, i) => {
      const alt = perMatch[i]?.[round];
      if (alt === undefined || out.length >= max) return;
      const expanded = query.slice(0, m.start) + alt + query.slice(m.end);
      if (expanded !== query && !out.some((e) => e.query === expanded))
        out.push({ query: expanded, from: m.term, to: alt });
    });
  }
  return out;
}

export function expandSynonyms(query: string, options: ExpansionOptions = {}): string[] {
  return expandSynonymsDetailed(query, options).map((e) => e.query);
}
