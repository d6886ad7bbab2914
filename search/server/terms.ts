import { fold } from './corpus.ts';

/**
 * A query as the terms every result must contain. Chinese has no spaces, and Node's word
 * segmenter splits policy words into single characters (低保 → 低 保, which would match half the
 * corpus), so a space-separated piece is split by forward maximum matching against the corpus's
 * own lexicon (synonyms, facet labels, region names and their parts, charity names, recurring
 * title words: search/index/vocabulary.ts). Characters no lexicon word covers stay together as one
 * term — a typo inside them then finds nothing, and the near-miss variant finds the right thing.
 *
 * Markup-looking text and ASCII punctuation separate terms, like every other delimiter: a query
 * `<script>alert(1)</script>` becomes the terms `script`, `alert`, `1`, `script` — all required,
 * so it finds only text that really says so, and never becomes markup (excerpt.ts escapes).
 */
export interface QueryTerm {
  /** Folded (lower case, NFKC) text that must occur in the document. */
  text: string;
  /** Whether the lexicon knows it (known words are reliable; leftover runs may be typos). */
  known: boolean;
}

export interface QueryTerms {
  terms: QueryTerm[];
  /** The folded space-separated pieces, for the whole-phrase bonus (pieces of two or more terms). */
  phrases: string[];
}

const DELIMITERS = /[\s!-/:-@[-`{-~\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+/u;

function splitPiece(piece: string, lexicon: ReadonlySet<string>, longest: number): QueryTerm[] {
  const chars = Array.from(piece);
  const out: QueryTerm[] = [];
  let run = '';
  const flush = () => {
    if (run) out.push({ text: run, known: false });
    run = '';
  };
  for (let i = 0; i < chars.length; ) {
    let matched = 0;
    for (let n = Math.min(longest, chars.length - i); n >= 2; n--) {
      if (lexicon.has(chars.slice(i, i + n).join(''))) {
        matched = n;
        break;
      }
    }
    if (matched === 0) {
      run += chars[i];
      i += 1;
      continue;
    }
    flush();
    out.push({ text: chars.slice(i, i + matched).join(''), known: true });
    i += matched;
  }
  flush();
  return out;
}

export function queryTerms(query: string, lexicon: ReadonlySet<string>, longest: number): QueryTerms {
  const pieces = fold(query)
    .split(DELIMITERS)
    .filter((p) => p.length > 0);
  const terms: QueryTerm[] = [];
  const phrases: string[] = [];
  for (const piece of pieces) {
    const split = splitPiece(piece, lexicon, longest);
    if (split.length > 1) phrases.push(piece);
    for (const term of split) if (!terms.some((t) => t.text === term.text)) terms.push(term);
  }
  return { terms, phrases };
}
