import type { SearchDocument } from '../../content/search/documents.ts';
import { MEILI_MARK_CLOSE, MEILI_MARK_OPEN, sanitiseMeiliExcerpt } from '../client/index.ts';
import { fold } from './corpus.ts';

/**
 * The excerpt under a result: plain text around the first match with every match wrapped in
 * `<mark>`. It is built from the document's text, never from markup: matches are wrapped in the
 * private-use sentinels Meilisearch gets as highlight tags, and `sanitiseMeiliExcerpt` — the one
 * place that decides what markup survives — escapes everything else. A `<script>` in the text
 * therefore shows as the visible text `<script>`.
 */
const BEFORE = 24;
const LENGTH = 110;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control and private-use characters are what this removes
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ue000-\uf8ff]/g;

/**
 * Where in `text` the terms occur, as [start, end) ranges in UTF-16 units, longest terms first and
 * never overlapping. Matching runs on folded text; NFKC can change a string's length, so a text
 * whose folded form has another length is matched on its lower-cased form instead.
 */
function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const folded = fold(text);
  const haystack = folded.length === text.length ? folded : text.toLowerCase();
  const taken: [number, number][] = [];
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    if (!term) continue;
    for (let at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + term.length)) {
      const end = at + term.length;
      if (!taken.some(([s, e]) => at < e && end > s)) taken.push([at, end]);
    }
  }
  return taken.sort((a, b) => a[0] - b[0]);
}

/** A cut at `at` moved off the middle of a surrogate pair. */
const LOW_SURROGATE = /[\udc00-\udfff]/;
const boundary = (text: string, at: number, step: -1 | 1) =>
  at > 0 && at < text.length && LOW_SURROGATE.test(text[at] ?? '') ? at + step : at;

export function excerptOf(text: string, terms: readonly string[]): string {
  const clean = text.replace(UNSAFE, ' ');
  const ranges = matchRanges(clean, terms);
  const first = ranges[0];
  const start = boundary(clean, first ? Math.max(0, first[0] - BEFORE) : 0, -1);
  const end = boundary(clean, Math.min(clean.length, start + LENGTH), 1);
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const [s, e] of ranges) {
    if (s < start || e > end) continue;
    out += clean.slice(at, s) + MEILI_MARK_OPEN + clean.slice(s, e) + MEILI_MARK_CLOSE;
    at = e;
  }
  out += clean.slice(at, end);
  if (end < clean.length) out += '…';
  return sanitiseMeiliExcerpt(out);
}

/** The body when a term occurs there, else the summary (else the body's start). */
export function documentExcerpt(doc: SearchDocument, terms: readonly string[]): string {
  const inBody = terms.some((t) => t && fold(doc.body).includes(t));
  const inSummary = terms.some((t) => t && fold(doc.summary).includes(t));
  const source = inBody && !inSummary ? doc.body : doc.summary || doc.body;
  return excerptOf(source, terms);
}
