import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_POLICY, restartDelayMs, wasStable } from '../../../publisher/restart-policy.ts';

describe('restart policy', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [6, 32_000],
    [7, 60_000],
    [10, 60_000],
    [2000, 60_000],
  ])('waits before restart %i: %i ms (1 s doubling, at most 60 s)', (failures, ms) => {
    expect(restartDelayMs(failures, DEFAULT_RESTART_POLICY)).toBe(ms);
  });

  it('gives up only after many restarts: the waits before giving up add up to minutes, not seconds', () => {
    const waits = Array.from({ length: DEFAULT_RESTART_POLICY.maxRapidFailures }, (_, i) =>
      restartDelayMs(i + 1, DEFAULT_RESTART_POLICY),
    );
    expect(DEFAULT_RESTART_POLICY.maxRapidFailures).toBeGreaterThanOrEqual(5);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(120_000);
  });

  it('counts a run as good after stableAfterMs', () => {
    expect(wasStable(DEFAULT_RESTART_POLICY.stableAfterMs - 1, DEFAULT_RESTART_POLICY)).toBe(false);
    expect(wasStable(DEFAULT_RESTART_POLICY.stableAfterMs, DEFAULT_RESTART_POLICY)).toBe(true);
  });
});
