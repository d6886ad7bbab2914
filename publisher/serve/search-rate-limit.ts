import type { IncomingMessage } from 'node:http';
import { SEARCH_ENDPOINT_PATH } from '../../content/search/browser-config.ts';
import { clientKey, createRateLimiter, type RateDecision } from '../../donations/index.ts';

/**
 * The paths that run a search on the server per request: the results page and its JSON for the
 * island (issue 20, step 5). One limit covers both: a client gets its share of searches either way.
 */
export const SEARCH_PATHS: ReadonlySet<string> = new Set(['/search/results/', '/search/results', SEARCH_ENDPOINT_PATH]);

/**
 * A per-client limit on `/search/results/` (and its JSON), the one page that runs a search on the server for
 * every request. The donations API's limiter and client-address rules, reused as they are
 * (DESIGN.md: the publisher mounts the donations handlers): Redis when `REDIS_URL` is set, so
 * several portal processes share one count, memory otherwise; `X-Forwarded-For` believed only
 * from a `TRUSTED_PROXY`.
 */
export interface SearchLimiter {
  hit(req: IncomingMessage): Promise<RateDecision>;
  close(): Promise<void>;
}

export interface SearchLimitOptions {
  max: number;
  windowSeconds: number;
  redisUrl: string | null;
  trustedProxies: readonly string[];
  /** IPv6 clients share a bucket per prefix of this length (RATE_LIMIT_IPV6_PREFIX). */
  ipv6PrefixBits: number;
  /** Most buckets in memory at once (RATE_LIMIT_MAX_KEYS). */
  maxKeys: number;
}

export function searchLimiter(options: SearchLimitOptions): SearchLimiter {
  const limiter = createRateLimiter(options.redisUrl, {
    max: options.max,
    windowSeconds: options.windowSeconds,
    maxKeys: options.maxKeys,
    prefix: 'xianjie:search:rate:',
  });
  return {
    hit(req) {
      const forwarded = req.headers['x-forwarded-for'];
      const key = clientKey({
        socketAddress: req.socket.remoteAddress,
        forwardedFor: Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
        trustedProxies: options.trustedProxies,
        ipv6PrefixBits: options.ipv6PrefixBits,
      });
      return limiter.hit(`search:${key}`);
    },
    close: () => limiter.close(),
  };
}
