import { describe, expect, it } from 'vitest';
import { memoryRateLimiter } from '../../../donations/rate-limit.ts';

describe('in-memory rate limit', () => {
  it('allows max per window per key, then says when to retry', async () => {
    let t = 1_000_000;
    const limiter = memoryRateLimiter({ max: 3, windowSeconds: 60, now: () => t });
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await limiter.hit('a'));
    expect(seen.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(seen[3]?.retryAfterSeconds).toBe(60);
    expect((await limiter.hit('b')).allowed).toBe(true);
    t += 30_000;
    expect((await limiter.hit('a')).retryAfterSeconds).toBe(30);
    t += 30_000;
    expect((await limiter.hit('a')).allowed).toBe(true);
  });
});

describe('in-memory rate limit: bounded', () => {
  it('holds at most maxKeys buckets however many clients come within one window', async () => {
    const t = 5_000;
    const limiter = memoryRateLimiter({ max: 3, windowSeconds: 60, maxKeys: 1_000, now: () => t });
    for (let i = 0; i < 200_000; i++) {
      await limiter.hit(`create:10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
      if (i % 20_000 === 0) expect(limiter.size()).toBeLessThanOrEqual(1_000);
    }
    expect(limiter.size()).toBe(1_000);
    // The newest clients are still counted exactly.
    const last = 'create:10.3.13.63';
    expect((await limiter.hit(last)).remaining).toBe(1);
  });

  it('evicts expired buckets before live ones', async () => {
    let t = 0;
    const limiter = memoryRateLimiter({ max: 1, windowSeconds: 10, maxKeys: 3, now: () => t });
    await limiter.hit('old-1');
    await limiter.hit('old-2');
    t = 6_000;
    await limiter.hit('live');
    t = 11_000; // old-1 and old-2 have expired, 'live' has not
    await limiter.hit('new-1');
    await limiter.hit('new-2');
    expect(limiter.size()).toBe(3);
    // 'live' kept its count: a second hit in its window is refused.
    expect((await limiter.hit('live')).allowed).toBe(false);
  });
});
