import type { Steps } from '../../content/snapshot/steps.ts';
import { AGREEMENT_BONUS } from '../client/fusion.ts';

/**
 * The island's fusion (search/client/fusion.ts: a document's best weighted score in any variant's
 * list, a small bonus per further list that has it, ties in the order first met) over dense arrays
 * and document indexes, with only the top of the order sorted (issue 20, scale): a common word's
 * variants list most of 82,000 documents, and a Map entry per document plus a sort of all of them
 * was a large part of a query, for a page of ten. Same arithmetic, same order, same ties.
 */
export interface ScoredList {
  weight: number;
  /** Document indexes, in the list's order. */
  docs: Int32Array;
  scores: Float64Array;
}

export interface Fused {
  /** Every document of any list, in the order first met. */
  docs: Int32Array;
  /** Per document index (of the corpus): the fused score, and which list gave its best score. */
  score: Float64Array;
  from: Int32Array;
  /** Per document index: its position in `docs` (the tie-break). */
  order: Int32Array;
}

const ENTRIES_PER_STEP = 4096;

export function* fuseSteps(count: number, lists: readonly ScoredList[]): Steps<Fused> {
  const score = new Float64Array(count);
  const seen = new Int32Array(count);
  const from = new Int32Array(count);
  const order = new Int32Array(count);
  const met: number[] = [];
  for (const [l, list] of lists.entries()) {
    const { docs, scores, weight } = list;
    for (let k = 0; k < docs.length; k++) {
      if (k % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
      const i = docs[k] ?? 0;
      const s = (scores[k] ?? 0) * weight;
      if (seen[i] === 0) {
        seen[i] = 1;
        score[i] = s;
        from[i] = l;
        order[i] = met.length;
        met.push(i);
      } else {
        seen[i] = (seen[i] ?? 0) + 1;
        if (s > (score[i] ?? 0)) {
          score[i] = s;
          from[i] = l;
        }
      }
    }
  }
  for (const i of met) score[i] = (score[i] ?? 0) * (1 + AGREEMENT_BONUS * ((seen[i] ?? 1) - 1));
  return { docs: Int32Array.from(met), score, from, order };
}

/**
 * The first `k` of `fused.docs` by score (highest first), ties in the order first met: a binary
 * heap of the k best so far, whose root is the worst of them.
 */
export function topOf(fused: Fused, k: number): number[] {
  const { docs, score, order } = fused;
  // a ranks after b.
  const after = (a: number, b: number) =>
    (score[a] ?? 0) < (score[b] ?? 0) || ((score[a] ?? 0) === (score[b] ?? 0) && (order[a] ?? 0) > (order[b] ?? 0));
  const heap: number[] = [];
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let worst = at;
      if (l < heap.length && after(heap[l] ?? 0, heap[worst] ?? 0)) worst = l;
      if (r < heap.length && after(heap[r] ?? 0, heap[worst] ?? 0)) worst = r;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst] ?? 0, heap[at] ?? 0];
      at = worst;
    }
  };
  if (k <= 0) return [];
  for (const i of docs) {
    if (heap.length < k) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!after(heap[at] ?? 0, heap[parent] ?? 0)) break;
        [heap[at], heap[parent]] = [heap[parent] ?? 0, heap[at] ?? 0];
        at = parent;
      }
    } else if (after(heap[0] ?? 0, i)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (after(a, b) ? 1 : after(b, a) ? -1 : 0));
}
