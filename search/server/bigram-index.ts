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
}

/** Two code units as one small integer (fits a V8 small integer: no boxing in the map). */
const pairKey = (text: string, at: number) => (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1) | 0;

/**
 * Builds the index over `texts(i)` for documents 0…count-1, a document per step. The lists are
 * collected as plain arrays and packed into typed arrays at the end (4 bytes per entry).
 */
export function* bigramIndexSteps(count: number, texts: (index: number) => Iterable<string>): Steps<BigramIndex> {
  const rows = new Map<number, number>();
  const lists: number[][] = [];
  const last: number[] = [];
  for (let i = 0; i < count; i++) {
    for (const text of texts(i)) {
      for (let at = 0; at + 1 < text.length; at++) {
        const key = pairKey(text, at);
        let row = rows.get(key);
        if (row === undefined) {
          row = lists.length;
          rows.set(key, row);
          lists.push([]);
          last.push(-1);
        }
        if (last[row] === i) continue;
        last[row] = i;
        lists[row]?.push(i);
      }
    }
    yield;
  }
  const postings = lists.map((list) => Int32Array.from(list));
  return { rows, postings };
}

/** Sorted ascending `a` ∩ `b`, by stepping through the longer with a binary search from the last hit. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let n = 0;
  let from = 0;
  for (const value of a) {
    let lo = from;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((b[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
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
