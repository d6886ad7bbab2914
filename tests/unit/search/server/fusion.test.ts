import { describe, expect, it } from 'vitest';
import { runSteps } from '../../../../content/snapshot/steps.ts';
import { fuse } from '../../../../search/client/index.ts';
import { fuseSteps, topOf } from '../../../../search/server/fusion.ts';

/** The server's dense fusion must order exactly as the island's `fuse` (scores, ties, agreement bonus). */
describe('dense fusion and the top of it', () => {
  // A small deterministic generator: many equal scores, so ties and their order are exercised.
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const count = 300;
  const lists = [1, 0.85, 0.9].map((weight) => {
    const docs = [...new Set(Array.from({ length: 120 }, () => Math.floor(next() * count)))];
    return {
      weight,
      docs: Int32Array.from(docs),
      scores: Float64Array.from(docs.map(() => Math.ceil(next() * 4) / 4)),
    };
  });

  it('orders as fuse() does, for every page', () => {
    const expected = fuse(
      lists.map((l) => ({
        weight: l.weight,
        results: [...l.docs].map((d, k) => ({ id: String(d), score: l.scores[k] ?? 0, item: d })),
      })),
    ).map((r) => r.item);
    const fused = runSteps(fuseSteps(count, lists));
    expect(fused.docs.length).toBe(expected.length);
    for (const k of [1, 10, 37, expected.length, expected.length + 5])
      expect(topOf(fused, k)).toEqual(expected.slice(0, k));
    expect(topOf(fused, 0)).toEqual([]);
  });
});
