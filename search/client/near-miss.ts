/**
 * Near-miss wording — one wrong or missing character ("自闭征", "残疾人两项补帖", "留守儿") — matched
 * against a vocabulary of known terms (synonyms, labels, region and charity names). Pagefind has no
 * typo tolerance, and Chinese queries are not split into words the user can see, so the client
 * suggests corrected variants and searches them beside the original. Conservative on purpose: only
 * terms of three or more characters, one edit, and only where a character is covered by no known term.
 */

export interface Correction {
  /** The query with the near-miss replaced. */
  query: string;
  from: string;
  to: string;
}

const MIN_TERM_LENGTH = 3;

/** Is `a` `b` with exactly one character changed? (same length) */
function oneSubstitution(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** Is `short` `long` with one character left out? */
function oneDeletion(short: string[], long: string[]): boolean {
  if (short.length + 1 !== long.length) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  for (let j = i; j < short.length; j++) if (short[j] !== long[j + 1]) return false;
  return true;
}

const isHan = (c: string) => /\p{Script=Han}/u.test(c);

export function nearMissCorrections(query: string, vocabulary: readonly string[], max = 2): Correction[] {
  const q = Array.from(query);
  const known = [...new Set(vocabulary)].filter((t) => t.length > 0);
  const terms = known.filter((t) => Array.from(t).length >= MIN_TERM_LENGTH).sort((a, b) => b.length - a.length);
  // Where known terms occur: a typo leaves a character no known term covers, and only such a
  // character is replaced (or only next to one is a missing character put back).
  const covered = new Array<boolean>(q.length).fill(false);
  for (const t of known) {
    const chars = Array.from(t);
    if (chars.length < 2) continue;
    for (let i = 0; i + chars.length <= q.length; i++) {
      if (chars.every((c, k) => q[i + k] === c)) for (let k = 0; k < chars.length; k++) covered[i + k] = true;
    }
  }
  const candidates: (Correction & { insertion: boolean; length: number })[] = [];
  for (const t of terms) {
    const chars = Array.from(t);
    for (const width of [chars.length, chars.length - 1]) {
      for (let i = 0; i + width <= q.length; i++) {
        const span = q.slice(i, i + width);
        if (!span.every(isHan)) continue;
        const insertion = width < chars.length;
        if (insertion) {
          if (!oneDeletion(span, chars) || span.every((_, k) => covered[i + k])) continue;
          const gap = span.findIndex((c, k) => c !== chars[k]);
          const at = gap < 0 ? width : gap;
          // Not before the first character (that grows a word leftwards), and at the end only when
          // a known word follows: a character missing at the very end is a prefix, which the
          // engines find, and an unknown character after the gap is more likely the typo itself.
          if (at === 0 || (at === width && (i + width === q.length || !covered[i + width]))) continue;
        } else {
          const at = span.findIndex((c, k) => c !== chars[k]);
          if (!oneSubstitution(span, chars) || covered[i + at]) continue;
        }
        const corrected = [...q.slice(0, i), t, ...q.slice(i + width)].join('');
        candidates.push({ query: corrected, from: span.join(''), to: t, insertion, length: chars.length });
      }
    }
  }
  // A missing character put back keeps every character typed, so it goes before a replacement.
  candidates.sort((a, b) => Number(b.insertion) - Number(a.insertion) || b.length - a.length);
  const out: Correction[] = [];
  for (const { query: corrected, from, to } of candidates) {
    if (out.length >= max) break;
    if (!out.some((c) => c.query === corrected)) out.push({ query: corrected, from, to });
  }
  return out;
}
