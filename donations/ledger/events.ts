import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LedgerDatabase } from './schema.ts';

/**
 * The append-only payment event log: every verified notify and every trade query, with its payload
 * (buyer identifiers removed: `buyer-identifiers.ts`), whether its signature verified, and what we
 * did (`outcome`, a stable code; `detail`, Chinese). Rows are only ever inserted. Unverified
 * notifies are not events: see `notify-rejections.ts`.
 */
export interface PaymentEventInput {
  /** `refund`: the answer to our own alipay.trade.refund. */
  source: 'notify' | 'query' | 'refund';
  appId?: string | null;
  outTradeNo?: string | null;
  tradeNo?: string | null;
  tradeStatus?: string | null;
  notifyId?: string | null;
  /** The payload without buyer identifiers. */
  raw: string;
  /** Keyed hash of the buyer id, when there was one. */
  buyerRef?: string | null;
  verified: boolean;
}

export interface EventOutcome {
  outcome: string;
  detail: string;
  orderId?: string | null;
}

/** PostgreSQL text cannot hold NUL; an attacker's NUL must not turn a logged refusal into an error. */
const storable = (value: string) => value.replaceAll('\u0000', '\uFFFD');
const clip = (value: string | null | undefined, max: number) => (value == null ? null : storable(value.slice(0, max)));

export async function recordEvent(
  db: Kysely<LedgerDatabase>,
  event: PaymentEventInput,
  result: EventOutcome,
  receivedAt: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('payment_events')
    .values({
      id,
      received_at: receivedAt,
      source: event.source,
      app_id: clip(event.appId, 64),
      out_trade_no: clip(event.outTradeNo, 128),
      trade_no: clip(event.tradeNo, 128),
      trade_status: clip(event.tradeStatus, 64),
      notify_id: clip(event.notifyId, 128),
      raw: storable(event.raw),
      verified: event.verified ? 1 : 0,
      buyer_ref: event.buyerRef ?? null,
      outcome: result.outcome,
      detail: storable(result.detail),
      order_id: result.orderId ?? null,
    })
    .execute();
  return id;
}
