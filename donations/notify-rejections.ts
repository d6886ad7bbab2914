import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DonationsConfig } from './config.ts';
import type { LedgerDatabase } from './ledger/schema.ts';
import type { RateLimiter } from './rate-limit.ts';

/**
 * What is kept of a notify whose signature was not verified — malformed, unknown app, wrong
 * sign_type, bad signature, too large. Anyone can POST to the notify route, so such a request
 * proves nothing and must not fill the ledger: it is kept as a short record (SHA-256 of the body,
 * its size, the reason, the time), never its body; at most `perClient` records per client and
 * `overall` in all per window (more are answered `failure` and only counted in the log); and
 * deleted after `retentionDays` — pruned here at most hourly, and by the reconciliation job.
 */
export interface RejectedNotify {
  body: Buffer | string;
  /** Byte size when the body was not read whole (too large): the declared or counted size. */
  bytes?: number;
  reason: string;
  /** The client's rate-limit key (`client-ip.ts`). */
  clientKey: string;
  at: Date;
}

export interface NotifyRejectionLog {
  /** True when the record was stored; false when over the rate limit. */
  record(rejected: RejectedNotify): Promise<boolean>;
}

const HOUR_MS = 3_600_000;

export function notifyRejectionLog(options: {
  db: Kysely<LedgerDatabase>;
  limiter: RateLimiter;
  limits: DonationsConfig['notifyRejections'];
  log: (message: string) => void;
}): NotifyRejectionLog {
  const { db, limiter, limits, log } = options;
  let lastPrune = 0;
  let dropped = 0;
  let droppedSince: Date | null = null;
  return {
    async record(rejected) {
      const client = await limiter.hit(`client:${rejected.clientKey}`, limits.perClient);
      const all = client.allowed ? await limiter.hit('all', limits.overall) : client;
      if (!all.allowed) {
        dropped++;
        droppedSince ??= rejected.at;
        // One line per window, not one per request: the log must not become the next flood.
        if (dropped === 1)
          log(`支付通知：未通过验签的请求过多，超出记录上限的不再逐条记录（来源 ${rejected.clientKey}）`);
        return false;
      }
      if (dropped > 0) {
        log(`支付通知：自 ${droppedSince?.toISOString()} 起有 ${dropped} 个未通过验签的请求超出记录上限，未记录`);
        dropped = 0;
        droppedSince = null;
      }
      const body = typeof rejected.body === 'string' ? Buffer.from(rejected.body, 'utf8') : rejected.body;
      await db
        .insertInto('notify_rejections')
        .values({
          id: randomUUID(),
          received_at: rejected.at.toISOString(),
          body_sha256: createHash('sha256').update(body).digest('hex'),
          body_bytes: rejected.bytes ?? body.length,
          reason: rejected.reason.slice(0, 32),
        })
        .execute();
      if (rejected.at.getTime() - lastPrune >= HOUR_MS) {
        lastPrune = rejected.at.getTime();
        await pruneNotifyRejections(db, rejected.at, limits.retentionDays);
      }
      return true;
    },
  };
}

/** Deletes records older than the retention; returns how many went. */
export async function pruneNotifyRejections(
  db: Kysely<LedgerDatabase>,
  now: Date,
  retentionDays: number,
): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const result = await db.deleteFrom('notify_rejections').where('received_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
