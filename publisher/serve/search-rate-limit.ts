import type { IncomingMessage } from 'node:http';
import { clientIp } from '../../donations/client-ip.ts';
import {
  memoryRateLimiter,
  type RateDecision,
  type RateLimiter,
  redisRateLimiter,
} from '../../donations/rate-limit.ts';

/**
 * A per-client limit on `/search/results/`, the one page that runs a search on the server for
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
}

export function searchLimiter(options: SearchLimitOptions): SearchLimiter {
  const limits = { max: options.max, windowSeconds: options.windowSeconds };
  const limiter: RateLimiter = options.redisUrl
    ? redisRateLimiter(options.redisUrl, { ...limits, prefix: 'xianjie:search:rate:' })
    : memoryRateLimiter(limits);
  return {
    hit(req) {
      const forwarded = req.headers['x-forwarded-for'];
      const ip = clientIp({
        socketAddress: req.socket.remoteAddress,
        forwardedFor: Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
        trustedProxies: options.trustedProxies,
      });
      return limiter.hit(`search:${ip}`);
    },
    close: () => limiter.close(),
  };
}
