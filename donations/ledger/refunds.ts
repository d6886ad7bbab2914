import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type EventOutcome, type PaymentEventInput, recordEvent } from './events.ts';
import { runLedgerHooks } from './ledger-hooks.ts';
import { isUniqueViolation } from './open-ledger.ts';
import type { LedgerDatabase, OrderStatus } from './schema.ts';
import { insertTransitionLine } from './transitions.ts';

/**
 * The only way refunds enter the ledger. Alipay reports a trade's refunds as a cumulative total
 * (`refund_fee` in the notify and in alipay.trade.refund's answer), so the ledger keeps the same:
 * `orders.refunded_fen`, which only grows. Moving it from F to T is one transaction:
 *
 *   conditional UPDATE orders … WHERE status = 'paid' AND refunded_fen = F   (exactly one writer wins)
 *   + the refund line (F → T, unique per order and T) + the event that caused it
 *   + when T = amount_fen: status paid → refunded and its transition line (unique per order and state).
 *
 * A report of a total at or below what is recorded is a replay (or an older report arriving late)
 * and changes nothing; a total above the paid amount is refused. A writer that lost the race reads
 * again and decides again, so concurrent reports of the same refund record it once and reports of
 * different refunds land in order, never above the paid amount.
 */
export interface RefundStep {
  orderId: string;
  /** The order's cumulative refunded amount, as Alipay reports it. */
  totalFen: number;
  outRequestNo: string | null;
  /** Alipay's refund time, when given. */
  refundedAt: string | null;
  at: string;
  source: 'notify' | 'query' | 'refund';
  event?: { input: PaymentEventInput; outcome: EventOutcome };
}

export type RefundResult =
  | { kind: 'recorded'; fromFen: number; toFen: number; full: boolean }
  /** Nothing to do: the ledger already has this total (or more). */
  | { kind: 'already'; refundedFen: number }
  | { kind: 'not-paid'; status: OrderStatus }
  | { kind: 'too-large'; amountFen: number };

type Attempt = RefundResult | { kind: 'raced' };

async function attempt(db: Kysely<LedgerDatabase>, step: RefundStep): Promise<Attempt> {
  return db.transaction().execute(async (trx): Promise<Attempt> => {
    const order = await trx
      .selectFrom('orders')
      .select(['status', 'amount_fen', 'refunded_fen'])
      .where('id', '=', step.orderId)
      .executeTakeFirst();
    if (!order) throw new Error(`找不到订单 ${step.orderId}`);
    if (step.totalFen > order.amount_fen) return { kind: 'too-large', amountFen: order.amount_fen };
    if (step.totalFen <= order.refunded_fen) return { kind: 'already', refundedFen: order.refunded_fen };
    if (order.status !== 'paid') return { kind: 'not-paid', status: order.status };
    const full = step.totalFen === order.amount_fen;
    const updated = await trx
      .updateTable('orders')
      .set({
        refunded_fen: step.totalFen,
        refunded_at: step.refundedAt ?? step.at,
        updated_at: step.at,
        ...(full ? { status: 'refunded' as const } : {}),
      })
      .where('id', '=', step.orderId)
      .where('status', '=', 'paid')
      .where('refunded_fen', '=', order.refunded_fen)
      .returning(['id'])
      .executeTakeFirst();
    if (!updated) return { kind: 'raced' };
    const eventId = step.event ? await recordEvent(trx, step.event.input, step.event.outcome, step.at) : null;
    await trx
      .insertInto('order_refunds')
      .values({
        id: randomUUID(),
        order_id: step.orderId,
        from_fen: order.refunded_fen,
        to_fen: step.totalFen,
        amount_fen: step.totalFen - order.refunded_fen,
        out_request_no: step.outRequestNo?.slice(0, 64) ?? null,
        source: step.source,
        event_id: eventId,
        refunded_at: step.refundedAt,
        created_at: step.at,
      })
      .execute();
    if (full) {
      await insertTransitionLine(trx, {
        orderId: step.orderId,
        from: 'paid',
        to: 'refunded',
        source: step.source,
        at: step.at,
        amountFen: order.amount_fen,
        eventId,
      });
    }
    await runLedgerHooks(db, trx, {
      kind: 'refund',
      orderId: step.orderId,
      fromFen: order.refunded_fen,
      toFen: step.totalFen,
      amountFen: order.amount_fen,
      at: step.at,
    });
    return { kind: 'recorded', fromFen: order.refunded_fen, toFen: step.totalFen, full };
  });
}

export async function recordRefund(db: Kysely<LedgerDatabase>, step: RefundStep): Promise<RefundResult> {
  if (!Number.isSafeInteger(step.totalFen) || step.totalFen <= 0) {
    throw new RangeError(`退款总额应为正整数（分）：${step.totalFen}`);
  }
  // Each lost race means another writer moved the total forward; the total is bounded by the
  // paid amount, so this ends — the bound only guards against a bug.
  for (let i = 0; i < 50; i++) {
    let result: Attempt;
    try {
      result = await attempt(db, step);
    } catch (error) {
      // PostgreSQL may report the loser of the race on the unique keys instead of an empty update.
      if (!isUniqueViolation(error)) throw error;
      result = { kind: 'raced' };
    }
    if (result.kind !== 'raced') return result;
  }
  throw new Error(`订单 ${step.orderId} 的退款记录反复冲突，稍后重试`);
}
