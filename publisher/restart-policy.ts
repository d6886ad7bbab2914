/**
 * When the supervisor restarts a child that exited on its own (supervisor.ts): exponential
 * backoff, bounded, so a CMS that crashes at once again does not spin the machine, and one that
 * cannot start at all is given up on after a while instead of being retried forever.
 */
export interface RestartPolicy {
  /** Wait before the first restart after a crash. */
  initialDelayMs: number;
  /** The wait doubles with each failure in a row, up to this. */
  maxDelayMs: number;
  /** A child that stayed up this long had a good run: its crash starts the count afresh. */
  stableAfterMs: number;
  /** Give up after this many restarts in a row that each ended before `stableAfterMs`. */
  maxRapidFailures: number;
}

/**
 * 1 s, 2 s, 4 s … 60 s: ten restarts in a row are about five minutes of waiting, long enough to
 * ride out a database or disk that comes back, short enough that a broken CMS is reported soon.
 */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 60_000,
  stableAfterMs: 120_000,
  maxRapidFailures: 10,
};

/** The wait before restart number `failures` (1 = the first restart after a good run). */
export function restartDelayMs(failures: number, policy: RestartPolicy): number {
  const exponent = Math.max(0, failures - 1);
  // 2 ** 1024 is Infinity, and Math.min handles it: no overflow to guard against.
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
}

/** Whether a child that exited after `uptimeMs` of running (ready) had a good run. */
export function wasStable(uptimeMs: number, policy: RestartPolicy): boolean {
  return uptimeMs >= policy.stableAfterMs;
}
