import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
import type { TimeSlicer } from './steps.ts';

/** The Node slicer: `sliceMs` of work, then one `setImmediate` turn of the event loop. */
export function timeSlicer(sliceMs: number): TimeSlicer {
  let start = performance.now();
  return {
    due: () => performance.now() - start >= sliceMs,
    async pause() {
      await setImmediate();
      start = performance.now();
    },
  };
}
