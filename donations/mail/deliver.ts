import type { DonationsConfig } from '../config.ts';
import type { ReceiptCipher } from '../receipt-cipher.ts';
import { retryDelayMs } from '../reports/outbox.ts';
import { composeMessage } from './compose.ts';
import type { MailKeys } from './mail-keys.ts';
import { payloadSchema } from './payload.ts';
import type { MailDb } from './store.ts';
import type { MailTransport } from './transport.ts';

/**
 * One pass over the mail queue. Each due row is leased (several portal processes never send the
 * same row at once), sent, and marked sent — or scheduled again with backoff (5 s, 10 s … an
 * hour) — and every attempt is recorded in `mail_attempts`. A row is queued once per idempotency
 * key (subscriber × project × release), so handling a release again, a restart or a second
 * process adds nothing. A worker that dies mid-send leaves its lease to expire: the row is tried
 * again; only if it died after the server had taken the message and before the row was marked can
 * that message go out twice, and then with the same Message-ID, which receivers use to drop it.
 * Mail for a subscriber who left (or a confirmation superseded by a newer one) is dropped unsent.
 */
export interface MailQueueDeps {
  db: MailDb;
  cipher: ReceiptCipher;
  keys: MailKeys;
  config: Pick<DonationsConfig, 'siteUrl' | 'mail'>;
  transport: MailTransport;
}

export interface MailDeliveryOptions {
  now?: () => Date;
  /** Messages per pass. @default 50 */
  batch?: number;
  /** How long a worker holds a row while it sends it. @default 120 s */
  leaseMs?: number;
  log?: (message: string) => void;
}

export interface MailDeliveryRun {
  sent: number;
  failed: number;
  dropped: number;
}

/** After this many failed attempts (about a day and a half of backoff) a message is given up. */
export const MAX_MAIL_ATTEMPTS = 40;

async function claim(db: MailDb, id: string, now: Date, leaseMs: number): Promise<boolean> {
  const result = await db
    .updateTable('mail_queue')
    .set({ lease_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('dropped_at', 'is', null)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.toISOString())]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function record(db: MailDb, queueId: string, attempt: number, at: string, error: string | null) {
  await db
    .insertInto('mail_attempts')
    .values({ queue_id: queueId, attempt, at, ok: error === null ? 1 : 0, error })
    .execute();
}

export async function deliverDueMail(deps: MailQueueDeps, options: MailDeliveryOptions = {}): Promise<MailDeliveryRun> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((m: string) => console.warn(m));
  const leaseMs = options.leaseMs ?? 120_000;
  const { db } = deps;
  const start = now().toISOString();
  const due = await db
    .selectFrom('mail_queue')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('dropped_at', 'is', null)
    .where('next_attempt_at', '<=', start)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', start)]))
    .orderBy('next_attempt_at')
    .limit(options.batch ?? 50)
    .execute();
  const run: MailDeliveryRun = { sent: 0, failed: 0, dropped: 0 };
  for (const row of due) {
    if (!(await claim(db, row.id, now(), leaseMs))) continue;
    const attempt = row.attempts + 1;
    const sub = await db
      .selectFrom('mail_subscriptions')
      .selectAll()
      .where('id', '=', row.subscription_id)
      .executeTakeFirst();
    const parsed = payloadSchema.safeParse(JSON.parse(row.payload));
    const payload = parsed.success ? parsed.data : null;
    const wanted =
      payload !== null &&
      sub !== undefined &&
      (payload.kind === 'update'
        ? sub.state === 'confirmed'
        : sub.state === 'pending' && new Date(sub.confirm_sent_at).toISOString() === payload.confirmSentAt);
    if (!sub || !payload || !wanted) {
      await db
        .updateTable('mail_queue')
        .set({ dropped_at: now().toISOString(), lease_until: null })
        .where('id', '=', row.id)
        .execute();
      run.dropped++;
      continue;
    }
    try {
      const message = composeMessage({
        payload,
        subscriptionId: sub.id,
        to: deps.cipher.decrypt(sub.email_enc),
        from: deps.config.mail.from,
        messageId: row.message_id,
        siteUrl: deps.config.siteUrl,
        keys: deps.keys,
        confirmHours: deps.config.mail.confirmHours,
      });
      await deps.transport.send(message, row.idempotency_key);
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('mail_queue')
          .set({ sent_at: at, attempts: attempt, lease_until: null, last_error: null })
          .where('id', '=', row.id)
          .execute();
        await record(trx, row.id, attempt, at, null);
      });
      run.sent++;
    } catch (error) {
      const message = ((error as Error)?.message ?? String(error)).slice(0, 500);
      const at = now();
      const giveUp = attempt >= MAX_MAIL_ATTEMPTS;
      const next = new Date(at.getTime() + retryDelayMs(attempt));
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('mail_queue')
          .set({
            attempts: attempt,
            next_attempt_at: next.toISOString(),
            lease_until: null,
            last_error: message,
            ...(giveUp ? { dropped_at: at.toISOString() } : {}),
          })
          .where('id', '=', row.id)
          .execute();
        await record(trx, row.id, attempt, at.toISOString(), message);
      });
      log(
        giveUp
          ? `邮件 ${row.idempotency_key} 第 ${attempt} 次发送失败，已放弃：${message}`
          : `邮件 ${row.idempotency_key} 第 ${attempt} 次发送失败（${next.toISOString()} 重试）：${message}`,
      );
      run.failed++;
    }
  }
  return run;
}
