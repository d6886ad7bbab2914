/**
 * Merges the ranked lists of several query variants (the query itself, synonym and near-miss
 * variants) into one. A document's fused score is its best weighted score in any list, so a
 * variant that finds the right entries strongly lifts them, and entries found by several variants
 * get a small bonus. Scores of one Pagefind index are comparable across queries (BM25 plus meta
 * boosts), which is what makes "best score" meaningful.
 */
export interface Ranked<T> {
  id: string;
  score: number;
  item: T;
}

export interface WeightedList<T> {
  weight: number;
  results: readonly Ranked<T>[];
}

export const AGREEMENT_BONUS = 0.05;

export function fuse<T>(lists: readonly WeightedList<T>[]): Ranked<T>[] {
  const best = new Map<string, { score: number; item: T; seen: number; order: number }>();
  let order = 0;
  for (const list of lists) {
    for (const r of list.results) {
      const score = r.score * list.weight;
      const entry = best.get(r.id);
      if (!entry) best.set(r.id, { score, item: r.item, seen: 1, order: order++ });
      else {
        entry.seen++;
        if (score > entry.score) {
          entry.score = score;
          entry.item = r.item;
        }
      }
    }
  }
  return [...best.entries()]
    .map(([id, e]) => ({ id, score: e.score * (1 + AGREEMENT_BONUS * (e.seen - 1)), item: e.item, order: e.order }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ id, score, item }) => ({ id, score, item }));
}
