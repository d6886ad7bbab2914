import type { TimeSlicer } from './steps.ts';

/**
 * `sliceMs` of work, then one turn of the event loop: `setImmediate` in Node (after pending I/O,
 * without a timer's minimum delay), a zero timeout elsewhere. Globals only, so `content/` stays
 * free of `node:` imports outside content/node.
 */
const nextTurn: () => Promise<void> =
  typeof globalThis.setImmediate === 'function'
    ? () => new Promise((resolve) => globalThis.setImmediate(resolve))
    : () => new Promise((resolve) => setTimeout(resolve, 0));

export function timeSlicer(sliceMs: number): TimeSlicer {
  let start = performance.now();
  return {
    due: () => performance.now() - start >= sliceMs,
    async pause() {
      await nextTurn();
      start = performance.now();
    },
  };
}
