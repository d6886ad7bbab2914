import type { Steps } from '../../content/snapshot/steps.ts';

/**
 * Which documents can hold a term, without reading them (issue 20, scale): every pair of adjacent
 * UTF-16 code units of every searchable field, with the sorted list of documents it occurs in,
 * built once per corpus (per release). A term of two or more units can only occur in a document
 * that has every one of its pairs, so the engine checks `includes` on the intersection of their
 * lists instead of on every document: the matching stays exactly the substring match it was
 * (养老 still finds 养老院; nothing changes in ranking), and a query at 80,000 documents reads a few
 * hundred candidates per term instead of every body.
 *
 * Pairs rather than jieba tokens: a token index would change what matches (养老 would no longer
 * find 居家养老服务 cut as one word), and the judged sets were tuned on substring matching. Pairs
 * rather than single characters: 服 and 务 are each in almost every document; 服务 less so, and
 * 康复训练's three pairs together are rare.
 */
export interface BigramIndex {
  /** A pair's key (`pairKey`) → its row in `postings`. */
  rows: Map<number, number>;
  /** Per pair, the indexes of the documents holding it, ascending. */
  postings: Int32Array[];
  /**
   * Per pair and posting, where in the document the pair occurs (`fieldBits`, pair-fields.ts): which
   * fields hold it, and how often the counted field (the body) does. Absent in a corpus built
   * without it; the engine then reads the documents' text.
   */
  fields?: Uint8Array[];
}

/** Two code units as one small integer (fits a V8 small integer: no boxing in the map). */
const pairKey = (text: string, at: number) => (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1) | 0;

/**
 * What `fields` records: `bits[k]` is OR-ed into a posting for a pair in the document's k-th text;
 * in the `counted` text, the pair's occurrences (without overlap, as `indexOf` finds them one after
 * another) are counted up to `COUNT_CAP` in the bits from `COUNT_SHIFT` up.
 */
export interface FieldBits {
  bits: readonly number[];
  counted: number;
}
export const COUNT_SHIFT = 5;
export const COUNT_CAP = 5;

/**
 * Builds the index over `texts(i)` for documents 0…count-1, a document per step. The lists are
 * collected as plain arrays and packed into typed arrays at the end (4 bytes per entry, and one
 * more with `fieldBits`).
 */
export function* bigramIndexSteps(
  count: number,
  texts: (index: number) => Iterable<string>,
  withFieldBits?: FieldBits,
): Steps<BigramIndex> {
  // Past 2^23 documents an entry would not fit 32 bits: the index is built without fields (the engine reads text).
  const fieldBits = count < 1 << 23 ? withFieldBits : undefined;
  const rows = new Map<number, number>();
  // With field bits, an entry is the document index shifted left by 8 with its bits below (still a
  // small integer at 82,000 documents): one list per pair while building, not two.
  const shift = fieldBits ? 8 : 0;
  const lists: number[][] = [];
  const last: number[] = [];
  for (let i = 0; i < count; i++) {
    let k = 0;
    for (const text of texts(i)) {
      const bits = fieldBits?.bits[k] ?? 0;
      const counted = fieldBits !== undefined && k === fieldBits.counted;
      k++;
      // Where a doubled pair (老老) was last counted: 老老老 holds it once without overlap, not twice.
      let doubledAt = -2;
      for (let at = 0; at + 1 < text.length; at++) {
        const key = pairKey(text, at);
        let row = rows.get(key);
        if (row === undefined) {
          row = lists.length;
          rows.set(key, row);
          lists.push([]);
          last.push(-1);
        }
        const list = lists[row] ?? [];
        if (last[row] !== i) {
          last[row] = i;
          list.push(i << shift);
        }
        if (!fieldBits) continue;
        const end = list.length - 1;
        let entry = (list[end] ?? 0) | bits;
        if (counted) {
          const doubled = text.charCodeAt(at) === text.charCodeAt(at + 1);
          if (doubled && doubledAt === at - 1) doubledAt = -2;
          else {
            if (doubled) doubledAt = at;
            const n = (entry & 0xff) >> COUNT_SHIFT;
            if (n < COUNT_CAP) entry = (entry & ~(0xff & ~((1 << COUNT_SHIFT) - 1))) | ((n + 1) << COUNT_SHIFT);
          }
        }
        list[end] = entry;
      }
    }
    yield;
  }
  if (!fieldBits) return { rows, postings: lists.map((list) => Int32Array.from(list)) };
  const postings: Int32Array[] = [];
  const fields: Uint8Array[] = [];
  for (const list of lists) {
    postings.push(Int32Array.from(list, (entry) => entry >> 8));
    fields.push(Uint8Array.from(list, (entry) => entry & 0xff));
  }
  return { rows, postings, fields };
}

/** The first index at or after `from` whose value in the ascending `b` is not below `value`. */
function lowerBound(b: Int32Array, value: number, from: number): number {
  let lo = from;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((b[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorted ascending `a` ∩ `b`, by stepping through the longer with a binary search from the last hit. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let n = 0;
  let from = 0;
  for (const value of a) {
    const lo = lowerBound(b, value, from);
    if (lo >= b.length) break;
    if (b[lo] === value) out[n++] = value;
    from = lo;
  }
  return out.subarray(0, n);
}

/**
 * The documents that may hold `term` (a superset of those that do), ascending; `null` when the
 * index cannot say (a single code unit): the caller then reads every document.
 */
export function candidatesOf(index: BigramIndex, term: string): Int32Array | null {
  if (term.length < 2) return null;
  const lists: Int32Array[] = [];
  const seen = new Set<number>();
  for (let at = 0; at + 1 < term.length; at++) {
    const key = pairKey(term, at);
    if (seen.has(key)) continue;
    seen.add(key);
    const row = index.rows.get(key);
    const list = row === undefined ? undefined : index.postings[row];
    if (!list || list.length === 0) return new Int32Array(0);
    lists.push(list);
  }
  lists.sort((x, y) => x.length - y.length);
  let result = lists[0] ?? new Int32Array(0);
  for (const list of lists.slice(1)) {
    if (result.length === 0) break;
    result = intersect(result, list);
  }
  return result;
}

/** Sorted `a` ∩ `b` with the fields of each kept posting combined (`combine`, pair-fields of both). */
function intersectFields(
  a: Int32Array,
  aFields: Uint8Array,
  b: Int32Array,
  bFields: Uint8Array,
): { docs: Int32Array; fields: Uint8Array } {
  const docs = new Int32Array(Math.min(a.length, b.length));
  const fields = new Uint8Array(docs.length);
  let n = 0;
  let from = 0;
  for (let k = 0; k < a.length; k++) {
    const value = a[k] ?? 0;
    const lo = lowerBound(b, value, from);
    if (lo >= b.length) break;
    if (b[lo] === value) {
      docs[n] = value;
      fields[n] = combine(aFields[k] ?? 0, bFields[lo] ?? 0);
      n++;
    }
    from = lo;
  }
  return { docs: docs.subarray(0, n), fields: fields.subarray(0, n) };
}

/** Field bits both have; the smaller count (a term's pairs all occur in the counted text, or it does not). */
const combine = (x: number, y: number) =>
  (x & y & ((1 << COUNT_SHIFT) - 1)) | (Math.min(x >> COUNT_SHIFT, y >> COUNT_SHIFT) << COUNT_SHIFT);

/**
 * `candidatesOf` with, per candidate, the fields that may hold the term (`FieldBits`): the fields
 * holding every one of its pairs, and the fewest times one of its pairs occurs in the counted
 * text. For a term of two code units — its one pair — that is exact: the fields that hold it and
 * how often the body does. `null` when the index cannot say (a single code unit, or an index
 * built without fields).
 */
export function candidateFieldsOf(index: BigramIndex, term: string): { docs: Int32Array; fields: Uint8Array } | null {
  const all = index.fields;
  if (term.length < 2 || !all) return null;
  const lists: { docs: Int32Array; fields: Uint8Array }[] = [];
  const seen = new Set<number>();
  for (let at = 0; at + 1 < term.length; at++) {
    const key = pairKey(term, at);
    if (seen.has(key)) continue;
    seen.add(key);
    const row = index.rows.get(key);
    const docs = row === undefined ? undefined : index.postings[row];
    const fields = row === undefined ? undefined : all[row];
    if (!docs || !fields || docs.length === 0) return { docs: new Int32Array(0), fields: new Uint8Array(0) };
    lists.push({ docs, fields });
  }
  lists.sort((x, y) => x.docs.length - y.docs.length);
  let result = lists[0] ?? { docs: new Int32Array(0), fields: new Uint8Array(0) };
  for (const list of lists.slice(1)) {
    if (result.docs.length === 0) break;
    result = intersectFields(result.docs, result.fields, list.docs, list.fields);
  }
  return result;
}
