import { SYNONYM_GROUPS } from '../../content/search/settings.ts';
import { nearMissCorrections } from './near-miss.ts';
import { POLICY_TERMS } from './policy-terms.ts';
import { expandSynonymsDetailed, findSynonymTerms, similarity, type TermMatch } from './synonym-expansion.ts';
import { ONE_WAY_SYNONYMS, type OneWaySynonym } from './synonym-table.ts';

/**
 * The queries Pagefind runs for one user query, with the weight their results count with:
 * the query itself, near-miss corrections, and synonym replacements. What the build learnt about
 * the corpus (`vocabulary.json`: known terms, how many documents hold each synonym word) keeps the
 * list short and useful — a synonym the corpus never uses is not searched, and a query word the
 * corpus never uses makes the query itself count for less than its replacements.
 */
export interface CorpusHints {
  /** Known terms for near-miss correction. */
  terms?: readonly string[];
  /** Documents holding each synonym word; a word missing here counts as present. */
  counts?: Readonly<Record<string, number>>;
  /** Region names and their parts: never a correction's target (near-miss.ts). */
  places?: readonly string[];
  /** The user dictionary's other words (search/index/vocabulary.ts `dictionaryWords`). */
  words?: readonly string[];
  /** Homophone groups for near-miss correction (search/index/homophones.ts). */
  sounds?: readonly string[];
  /** Campaign names: a query naming one ranks campaigns first (type-words.ts `namedTypes`). */
  campaigns?: readonly string[];
}

export interface Variant {
  query: string;
  weight: number;
  /** Why it is searched. */
  reason: 'query' | 'near-miss' | 'synonym' | 'dropped-term';
}

export interface VariantOptions {
  synonyms?: readonly (readonly string[])[];
  /** @default ONE_WAY_SYNONYMS */
  oneWay?: readonly OneWaySynonym[];
  hints?: CorpusHints;
  /** Searches in all, the query itself included. @default 5 */
  max?: number;
  /**
   * Weigh variants that keep a rare word less (`VARIANT_WEIGHTS.rareWord`). For an engine that
   * requires every word (Pagefind), where the few pages saying the rare word are the whole
   * answer; the server engine's soft AND and structured fields do not need it (with it the
   * policy set's MRR fell 0.990 → 0.979 there: 养老培训). @default false
   */
  rareWords?: boolean;
}

export const VARIANT_WEIGHTS = {
  query: 1,
  /** The query itself when one of its words never occurs in the corpus. */
  absentQuery: 0.6,
  /** The query itself when it has a near-miss correction: a character no known word covers is likely a typo. */
  typoQuery: 0.85,
  nearMiss: 0.95,
  /** Further corrections are less often the one meant. */
  otherNearMiss: 0.8,
  /** A synonym replacement counts 0.8–0.95, closer in writing counting more (孤困儿童 for 孤残儿童). */
  synonymBase: 0.8,
  synonymSimilarity: 0.15,
  droppedTerm: 0.85,
  /**
   * A variant that keeps a rare word (one the corpus uses in a tenth as many documents as another
   * word for it: 看病 17 · 医疗救助 349 on the demo) counts this much more: people say it, the pages
   * do not, so the few pages that do say it (a need that mentions 看病 in passing) should not
   * outrank the pages that say the policy word (老人看病 → 老人医疗救助, issue 20).
   */
  rareWord: 0.75,
} as const;

/** How much more often another word of its group must be used for a query word to count as rare. */
export const RARE_WORD_RATIO = 10;

const NO_PLACES: readonly string[] = [];

// The same array for the same hints (a corpus's, the island's loaded vocabulary): near-miss.ts
// prepares a vocabulary once per array, not once per query.
const vocabularies = new WeakMap<CorpusHints, readonly string[]>();

function correctionVocabulary(
  options: VariantOptions,
  groups: readonly (readonly string[])[],
  oneWay: readonly OneWaySynonym[],
): readonly string[] {
  const hints = options.hints;
  const defaults = options.synonyms === undefined && options.oneWay === undefined;
  const memo = hints && defaults ? vocabularies.get(hints) : undefined;
  if (memo) return memo;
  const vocabulary = [
    ...(hints?.terms ?? groups.flat()),
    ...POLICY_TERMS,
    ...oneWay.flatMap((e) => [e.from, ...e.to.filter((w) => !w.includes(' '))]),
  ];
  if (hints && defaults) vocabularies.set(hints, vocabulary);
  return vocabulary;
}

export function queryVariants(query: string, options: VariantOptions = {}): Variant[] {
  const groups = options.synonyms ?? SYNONYM_GROUPS;
  // A caller that passes its own groups (tests) gets no one-way entries unless it passes those too.
  const oneWay = options.oneWay ?? (options.synonyms ? [] : ONE_WAY_SYNONYMS);
  const counts = options.hints?.counts;
  const present = (word: string) => (counts?.[word] ?? 1) > 0;
  const max = options.max ?? 5;
  const matches = findSynonymTerms(query, groups, oneWay);
  const absent = matches.filter((m) => !present(m.term));
  const rare = counts && options.rareWords ? rareWords(matches, counts) : [];
  const rareFactor = (q: string) => (rare.some((w) => q.includes(w)) ? VARIANT_WEIGHTS.rareWord : 1);
  const variants: Variant[] = [
    {
      query,
      weight: absent.length > 0 ? VARIANT_WEIGHTS.absentQuery : VARIANT_WEIGHTS.query * rareFactor(query),
      reason: 'query',
    },
  ];
  const add = (q: string, weight: number, reason: Variant['reason']) => {
    const trimmed = q.replace(/\s+/g, ' ').trim();
    if (trimmed && variants.length < max && !variants.some((v) => v.query === trimmed)) {
      variants.push({ query: trimmed, weight: weight * rareFactor(trimmed), reason });
    }
  };
  // Corrections only toward vocabulary words: the corpus's terms, the policy terms, the synonym table's words.
  const vocabulary = correctionVocabulary(options, groups, oneWay);
  const corrections = nearMissCorrections(query, vocabulary, 2, {
    places: options.hints?.places ?? NO_PLACES,
    shortWords: POLICY_TERMS,
    sounds: options.hints?.sounds ?? NO_PLACES,
  }).filter((c) => present(c.to));
  if (corrections.length > 0 && variants[0]) {
    variants[0].weight = Math.min(variants[0].weight, VARIANT_WEIGHTS.typoQuery);
  }
  for (const [i, c] of corrections.entries()) {
    add(c.query, i === 0 ? VARIANT_WEIGHTS.nearMiss : VARIANT_WEIGHTS.otherNearMiss, 'near-miss');
  }
  // Synonyms of the corrected query when there is one: a typo's synonyms are typos too.
  const base = corrections[0] ?? { query };
  const baseWeight = corrections.length > 0 ? VARIANT_WEIGHTS.nearMiss : 1;
  for (const e of expandSynonymsDetailed(base.query, { groups, oneWay, keep: present })) {
    const weight = VARIANT_WEIGHTS.synonymBase + VARIANT_WEIGHTS.synonymSimilarity * similarity(e.from, e.to);
    add(e.query, weight * baseWeight, 'synonym');
  }
  // A word nobody in the corpus uses, with no synonym it uses either: search without it.
  for (const m of absent) {
    if (!m.group.some(present))
      add(query.slice(0, m.start) + query.slice(m.end), VARIANT_WEIGHTS.droppedTerm, 'dropped-term');
  }
  return variants;
}

/**
 * Query words the corpus uses, but in less than a `RARE_WORD_RATIO`th as many documents as another
 * word it may be searched as (its group, or a one-way entry's `to` words). Absent words are not
 * rare: they have their own rule (`absentQuery`, `dropped-term`).
 */
export function rareWords(matches: readonly TermMatch[], counts: Readonly<Record<string, number>>): string[] {
  return matches
    .filter((m) => {
      const own = counts[m.term];
      if (own === undefined || own === 0) return false;
      const best = Math.max(0, ...m.group.filter((w) => w !== m.term).map((w) => counts[w] ?? 0));
      return own * RARE_WORD_RATIO < best;
    })
    .map((m) => m.term);
}

/**
 * The query itself and its `max - 1` heaviest variants (ties keep their listed order). For an
 * engine where each variant is a search of its own (Pagefind), the cut should drop the variants
 * that count least, not the last listed — a synonym listed late can be the closer one (孤残儿童助学:
 * 孤儿助学 0.90 outweighs 孤残儿童学业支持 0.85, listed before it).
 */
export function heaviestVariants(variants: readonly Variant[], max: number): Variant[] {
  const [own, ...others] = variants;
  if (!own) return [];
  const ranked = others.map((v, i) => ({ v, i })).sort((a, b) => b.v.weight - a.v.weight || a.i - b.i);
  return [own, ...ranked.map(({ v }) => v)].slice(0, Math.max(1, max));
}
