import { Redis } from 'ioredis';

/**
 * Per-client rate limits: a fixed window of `max` hits per `windowSeconds` per key. Shared through
 * Redis when `REDIS_URL` is set (several app processes), in memory otherwise. If Redis stops
 * answering, the limiter falls back to memory rather than refusing every donor.
 *
 * Keys come from one function (`client-ip.ts` `rateLimitKey`: an IPv4 address, or an IPv6 /64),
 * whichever store counts them. The memory store holds at most `maxKeys` buckets: a client with
 * millions of addresses cannot grow it without bound — expired buckets go first, then the oldest.
 */
export interface RateDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit on `key`; `max` overrides the limiter's own for this decision. */
  hit(key: string, max?: number): Promise<RateDecision>;
  close(): Promise<void>;
}

export interface RateLimitOptions {
  max: number;
  windowSeconds: number;
  /** Most buckets held in memory at once. @default 50000 */
  maxKeys?: number;
  now?: () => number;
}

const decide = (count: number, max: number, msLeft: number): RateDecision => {
  const allowed = count <= max;
  return {
    allowed,
    remaining: Math.max(max - count, 0),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(msLeft / 1000)),
  };
};

export interface MemoryRateLimiter extends RateLimiter {
  /** Buckets held right now (tests prove the bound with it). */
  size(): number;
}

export function memoryRateLimiter(options: RateLimitOptions): MemoryRateLimiter {
  const now = options.now ?? Date.now;
  const windowMs = options.windowSeconds * 1000;
  const maxKeys = Math.max(1, options.maxKeys ?? 50_000);
  // Every bucket lives exactly one window and a reset bucket is re-inserted at the end, so the
  // Map's insertion order is the order of expiry: the front is always the next to expire.
  const buckets = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key, max = options.max) {
      const t = now();
      let bucket = buckets.get(key);
      if (bucket && bucket.resetAt <= t) {
        buckets.delete(key);
        bucket = undefined;
      }
      if (!bucket) {
        for (const [k, b] of buckets) {
          if (b.resetAt > t && buckets.size < maxKeys) break;
          // Expired — or, when every bucket is live and the map is full, the oldest.
          buckets.delete(k);
        }
        bucket = { count: 0, resetAt: t + windowMs };
        buckets.set(key, bucket);
      }
      bucket.count++;
      return decide(bucket.count, max, bucket.resetAt - t);
    },
    size: () => buckets.size,
    async close() {
      buckets.clear();
    },
  };
}

const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

export function redisRateLimiter(
  url: string,
  options: RateLimitOptions & { prefix?: string; log?: (m: string) => void },
): RateLimiter {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
  });
  const log = options.log ?? console.warn;
  redis.on('error', () => {
    // Reported on use; ioredis reconnects by itself.
  });
  const connecting = redis
    .connect()
    .catch((error: Error) => log(`限流：无法连接 Redis（${error.message}），暂用内存计数`));
  const fallback = memoryRateLimiter(options);
  const prefix = options.prefix ?? 'xianjie:donations:rate:';
  const windowMs = options.windowSeconds * 1000;
  return {
    async hit(key, max = options.max) {
      await connecting;
      try {
        // Redis expires each key after its window: its memory is bounded by the clients of one window.
        const [count, ttl] = (await redis.eval(HIT_SCRIPT, 1, `${prefix}${key}`, String(windowMs))) as [number, number];
        return decide(count, max, ttl);
      } catch {
        return fallback.hit(key, max);
      }
    },
    async close() {
      await connecting;
      redis.disconnect();
      await fallback.close();
    },
  };
}

/** The limiter a context uses: Redis when configured, else memory; same keys either way. */
export function createRateLimiter(
  redisUrl: string | null,
  options: RateLimitOptions & { prefix?: string; log?: (m: string) => void },
): RateLimiter {
  return redisUrl ? redisRateLimiter(redisUrl, options) : memoryRateLimiter(options);
}
