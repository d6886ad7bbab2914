import { fold } from './corpus.ts';
import type { Segment } from './segmenter.ts';

/**
 * A query as the terms a result should contain (issue 20). Each space-separated piece is cut into
 * words by jieba taught our vocabulary (segmenter.ts): 残疾人康复训练 → 残疾人 · 康复训练, 养老培训 →
 * 养老 · 培训, where the old longest-match splitter cut across words and kept unknown runs whole.
 * Words of two or more characters are the terms that count (match.ts scores how many a document
 * holds); a single character (县, 日) is `weak`: it adds a little where present and is never
 * required, unless the query has nothing else.
 *
 * Markup-looking text and ASCII punctuation separate terms, like every other delimiter: a query
 * `<script>alert(1)</script>` becomes the terms `script`, `alert`, `1`, `script` — so it finds only
 * text that really says so, and never becomes markup (excerpt.ts escapes).
 */
export interface QueryTerm {
  /** Folded (lower case, NFKC) text that should occur in the document. */
  text: string;
  /** Whether the vocabulary knows it (labels, synonyms, policy terms, places). */
  known: boolean;
  /** A single character among longer words: a bonus, not a requirement. */
  weak: boolean;
}

export interface QueryTerms {
  terms: QueryTerm[];
  /** The folded space-separated pieces, for the whole-phrase bonus (pieces of two or more terms). */
  phrases: string[];
}

// General punctuation too (— … ‘ ’ “ ”): a query of dashes and ellipses is punctuation, not a word.
const DELIMITERS = /[\s!-/:-@[-`{-~\u2010-\u205e\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+/u;

export function queryTerms(query: string, segment: Segment, lexicon: ReadonlySet<string>): QueryTerms {
  const pieces = fold(query)
    .split(DELIMITERS)
    .filter((p) => p.length > 0);
  const words: { text: string; known: boolean }[] = [];
  const phrases: string[] = [];
  for (const piece of pieces) {
    const split = segment(piece).filter((w) => !DELIMITERS.test(w));
    if (split.length > 1) phrases.push(piece);
    for (const text of split) if (!words.some((t) => t.text === text)) words.push({ text, known: lexicon.has(text) });
  }
  const anyLong = words.some((w) => Array.from(w.text).length >= 2);
  const terms = words.map((w) => ({ ...w, weak: anyLong && Array.from(w.text).length < 2 }));
  return { terms, phrases };
}
