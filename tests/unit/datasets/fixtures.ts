import type { Snapshot } from '../../../content/snapshot/snapshot-schema.ts';
import { generateSnapshot } from '../../../datasets/generate.ts';

/** A fixed day, so the assertions below do not depend on when the tests run. */
export const AS_OF = '2025-06-15';

const cache = new Map<string, Snapshot>();

/** The demo snapshot for (seed, asOf), generated once per test file. */
export function demo(asOf: string = AS_OF, seed?: number): Snapshot {
  const key = `${asOf}:${seed ?? 'default'}`;
  let s = cache.get(key);
  if (!s) {
    s = generateSnapshot({ size: 'demo', asOf, seed });
    cache.set(key, s);
  }
  return s;
}
