import type { TimeSlicer } from '../content/snapshot/time-slices.ts';

/**
 * Long loops over every search document written once, as generators that `yield` after each
 * small unit of work (one document), and run two ways: in one go for the synchronous APIs (the
 * index child, tests) and in time slices for the portal, which must keep answering requests
 * while it prepares a corpus of 80,000 documents. The rules live in the generator only; the two
 * drivers below differ in nothing but when they give the event loop a turn.
 */
/** Work between two turns of the event loop, in milliseconds (the snapshot reader's slice too). */
export const DEFAULT_SLICE_MS = 10;

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
