import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';

/**
 * Cuts a long synchronous job into slices of about `sliceMs`, with a turn of the event loop
 * (timers, I/O, other requests) between them. Call `due()` after each small unit of work and
 * `await pause()` only when it says so: awaiting after every entry would cost more than the work.
 */
export interface TimeSlicer {
  due(): boolean;
  pause(): Promise<void>;
}

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
