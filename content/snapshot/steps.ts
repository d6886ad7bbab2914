/**
 * Cuts a long synchronous job into slices of about `sliceMs`, with a turn of the event loop
 * (timers, I/O, other requests) between them. Call `due()` after each small unit of work and
 * `await pause()` only when it says so: awaiting after every entry would cost more than the work.
 */
export interface TimeSlicer {
  due(): boolean;
  pause(): Promise<void>;
}
// No Node APIs in this file: check-references.ts uses it, and `content/` stays importable by
// browser islands. The Node slicer (`timeSlicer`) is in time-slices.ts.

/** Work between two turns of the event loop, in milliseconds, for every sliced reader and loop. */
export const DEFAULT_SLICE_MS = 10;

/**
 * A long loop written once, as a generator that `yield`s after each small unit of work, and run
 * two ways: in one go for synchronous callers (the release's child processes, tests) and in time
 * slices for the portal, which must keep answering requests meanwhile. The drivers differ in
 * nothing but when they give the event loop a turn.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps, giving the event loop a turn whenever `slicer` says a slice is used up. */
export async function runStepsSliced<T>(steps: Steps<T>, slicer: TimeSlicer): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (slicer.due()) await slicer.pause();
  }
}
