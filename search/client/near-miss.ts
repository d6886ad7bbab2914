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

export interface NearMissOptions {
  /**
   * Place names (region names and their parts): they cover characters like known terms but are
   * never a correction's target, and a correction that would make the query name a place it did
   * not name is dropped (issue 20: …重点帮扶沟县 was a bogus variant holding a real county's name).
   */
  places?: readonly string[];
  /**
   * Two-character words a correction may target (项日 → 项目), only where the two characters are a
   * whole run no known term covers; other targets need three characters.
   */
  shortWords?: readonly string[];
  /**
   * Homophone groups (search/index/homophones.ts): each string holds characters read alike. A
   * replacement that sounds like the character typed (参 → 餐) is the likelier slip with a pinyin
   * input method, so it goes before other replacements (助参 → 助餐 before 助浴).
   */
  sounds?: readonly string[];
}

const soundsCache = new WeakMap<readonly string[], (a: string, b: string) => boolean>();

/** Whether two characters share a homophone group (indexed once per groups array). */
function soundsAlikeIn(groups: readonly string[]): (a: string, b: string) => boolean {
  const memo = soundsCache.get(groups);
  if (memo) return memo;
  const of = new Map<string, number[]>();
  groups.forEach((g, i) => {
    for (const c of Array.from(g)) of.set(c, [...(of.get(c) ?? []), i]);
  });
  const alike = (a: string, b: string) => {
    const bs = of.get(b);
    return bs !== undefined && (of.get(a) ?? []).some((i) => bs.includes(i));
  };
  soundsCache.set(groups, alike);
  return alike;
}

/**
 * What a vocabulary gives every query (issue 20, scale): the corpus's ~7,700 terms filtered,
 * ordered and cut into characters once, and indexed by character — a term can only be a
 * correction of a query that shares a character with it (one substitution keeps all but one of
 * its two or more characters; one insertion keeps all), and can only cover characters of a query
 * that holds its first character. Per query only those terms are tried, in the same order as
 * before, so the corrections are the ones the full scan found.
 */
interface Prepared {
  /** Places of two or more characters: the ones a correction must not bring in. */
  longPlaces: readonly string[];
  /** Known terms (and places) of two or more characters, by their first character. */
  knownByFirst: ReadonlyMap<string, readonly string[][]>;
  /** Correction targets, longest first, as characters. */
  targets: readonly string[][];
  /** Character → indexes into `targets` of the targets holding it, ascending. */
  targetsByChar: ReadonlyMap<string, readonly number[]>;
}

const preparedCache = new WeakMap<
  readonly string[],
  { places: readonly string[] | undefined; shortWords: readonly string[] | undefined; prepared: Prepared }
>();

function prepare(vocabulary: readonly string[], options: NearMissOptions): Prepared {
  const memo = preparedCache.get(vocabulary);
  if (memo && memo.places === options.places && memo.shortWords === options.shortWords) return memo.prepared;
  const places = new Set(options.places ?? []);
  const known = [...new Set([...vocabulary, ...places])].filter((t) => t.length > 0);
  const shortWords = new Set((options.shortWords ?? []).filter((w) => Array.from(w).length === 2));
  const terms = [...new Set([...vocabulary, ...shortWords])]
    .filter((t) => !places.has(t) && (Array.from(t).length >= MIN_TERM_LENGTH || shortWords.has(t)))
    .sort((a, b) => b.length - a.length);
  const knownByFirst = new Map<string, string[][]>();
  for (const t of known) {
    const chars = Array.from(t);
    if (chars.length < 2) continue;
    const first = chars[0] ?? '';
    const list = knownByFirst.get(first) ?? [];
    list.push(chars);
    knownByFirst.set(first, list);
  }
  const targets = terms.map((t) => Array.from(t));
  const targetsByChar = new Map<string, number[]>();
  for (const [index, chars] of targets.entries()) {
    for (const c of new Set(chars)) {
      const list = targetsByChar.get(c) ?? [];
      list.push(index);
      targetsByChar.set(c, list);
    }
  }
  const longPlaces = [...places].filter((p) => Array.from(p).length >= 2);
  const prepared = { longPlaces, knownByFirst, targets, targetsByChar };
  // Keyed by the vocabulary array: callers that keep theirs (queryVariants per corpus) prepare once.
  preparedCache.set(vocabulary, { places: options.places, shortWords: options.shortWords, prepared });
  return prepared;
}

export function nearMissCorrections(
  query: string,
  vocabulary: readonly string[],
  max = 2,
  options: NearMissOptions = {},
): Correction[] {
  const q = Array.from(query);
  const { longPlaces, knownByFirst, targets, targetsByChar } = prepare(vocabulary, options);
  const placesIn = (text: string) => longPlaces.filter((p) => text.includes(p));
  const placesBefore = new Set(placesIn(query));
  // Where known terms occur: a typo leaves a character no known term covers, and only such a
  // character is replaced (or only next to one is a missing character put back).
  const covered = new Array<boolean>(q.length).fill(false);
  for (let i = 0; i < q.length; i++) {
    for (const chars of knownByFirst.get(q[i] ?? '') ?? []) {
      if (i + chars.length <= q.length && chars.every((c, k) => q[i + k] === c))
        for (let k = 0; k < chars.length; k++) covered[i + k] = true;
    }
  }
  const soundsAlike = soundsAlikeIn(options.sounds ?? []);
  // The targets sharing a character with the query, in the targets' order.
  const tried = new Set<number>();
  for (const c of new Set(q)) for (const index of targetsByChar.get(c) ?? []) tried.add(index);
  const candidates: (Correction & { insertion: boolean; homophone: boolean; length: number })[] = [];
  for (const index of [...tried].sort((a, b) => a - b)) {
    const chars = targets[index] ?? [];
    const t = chars.join('');
    for (const width of [chars.length, chars.length - 1]) {
      for (let i = 0; i + width <= q.length; i++) {
        const span = q.slice(i, i + width);
        if (!span.every(isHan)) continue;
        const insertion = width < chars.length;
        let homophone = false;
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
          homophone = soundsAlike(span[at] ?? '', chars[at] ?? '');
          // A two-character target only for a whole uncovered run: 慈善项日 → 慈善项目, not 老年助餐 →
          // 老人助餐 — unless the character replaced sounds like the one put in (失能老人助参 → 助餐,
          // where 助 is covered by a title run 能老人助): a homophone slip is the commonest typo.
          if (
            chars.length === 2 &&
            !homophone &&
            (span.some((_, k) => covered[i + k]) || covered[i - 1] === false || covered[i + 2] === false)
          )
            continue;
        }
        const corrected = [...q.slice(0, i), t, ...q.slice(i + width)].join('');
        if (placesIn(corrected).some((p) => !placesBefore.has(p) && !query.includes(p))) continue;
        candidates.push({ query: corrected, from: span.join(''), to: t, insertion, homophone, length: chars.length });
      }
    }
  }
  // A missing character put back keeps every character typed, so it goes before a replacement;
  // of replacements, one that sounds like the character typed goes first.
  candidates.sort(
    (a, b) =>
      Number(b.insertion) - Number(a.insertion) || Number(b.homophone) - Number(a.homophone) || b.length - a.length,
  );
  const out: Correction[] = [];
  for (const { query: corrected, from, to } of candidates) {
    if (out.length >= max) break;
    if (!out.some((c) => c.query === corrected)) out.push({ query: corrected, from, to });
  }
  return out;
}
