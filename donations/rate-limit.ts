import { Redis } from 'ioredis';

/**
 * Per-client rate limit for creating donations: a fixed window of `max` requests per
 * `windowSeconds`. Shared through Redis when `REDIS_URL` is set (several app processes), in
 * memory otherwise. If Redis stops answering, the limiter falls back to memory rather than
 * refusing every donor.
 */
export interface RateDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(key: string): Promise<RateDecision>;
  close(): Promise<void>;
}

export interface RateLimitOptions {
  max: number;
  windowSeconds: number;
  now?: () => number;
}

export function memoryRateLimiter(options: RateLimitOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const windowMs = options.windowSeconds * 1000;
  const buckets = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key) {
      const t = now();
      if (buckets.size > 50_000) {
        for (const [k, b] of buckets) if (b.resetAt <= t) buckets.delete(k);
      }
      let bucket = buckets.get(key);
      if (!bucket || bucket.resetAt <= t) {
        bucket = { count: 0, resetAt: t + windowMs };
        buckets.set(key, bucket);
      }
      bucket.count++;
      const allowed = bucket.count <= options.max;
      return {
        allowed,
        remaining: Math.max(options.max - bucket.count, 0),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((bucket.resetAt - t) / 1000)),
      };
    },
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
    async hit(key) {
      await connecting;
      try {
        const [count, ttl] = (await redis.eval(HIT_SCRIPT, 1, `${prefix}${key}`, String(windowMs))) as [number, number];
        const allowed = count <= options.max;
        return {
          allowed,
          remaining: Math.max(options.max - count, 0),
          retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(ttl / 1000)),
        };
      } catch {
        return fallback.hit(key);
      }
    },
    async close() {
      await connecting;
      redis.disconnect();
      await fallback.close();
    },
  };
}
