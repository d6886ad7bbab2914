import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SEARCH_ENDPOINT_PATH } from '../../../../content/search/browser-config.ts';
import { SEARCH_PATHS, searchLimiter } from '../../../../publisher/serve/search-rate-limit.ts';

/** The results page and its JSON share one per-client limit (memory limiter, no Redis). */
const from = (address: string) => ({ headers: {}, socket: { remoteAddress: address } }) as unknown as IncomingMessage;

describe('search rate limit', () => {
  it('covers the results page and the island’s JSON endpoint', () => {
    expect(SEARCH_PATHS.has('/search/results/')).toBe(true);
    expect(SEARCH_PATHS.has(SEARCH_ENDPOINT_PATH)).toBe(true);
    expect(SEARCH_PATHS.has('/search/')).toBe(false);
  });

  it('lets a client search its share, then says when to retry; another client is not affected', async () => {
    const limiter = searchLimiter({
      max: 3,
      windowSeconds: 60,
      redisUrl: null,
      trustedProxies: [],
      ipv6PrefixBits: 64,
      maxKeys: 100,
    });
    try {
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push(await limiter.hit(from('203.0.113.7')));
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
      expect(decisions[3]?.retryAfterSeconds).toBeGreaterThan(0);
      expect((await limiter.hit(from('203.0.113.8'))).allowed).toBe(true);
    } finally {
      await limiter.close();
    }
  });
});
