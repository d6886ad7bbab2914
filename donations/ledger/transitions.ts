import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type EventOutcome, type PaymentEventInput, recordEvent } from './events.ts';
import { runLedgerHooks } from './ledger-hooks.ts';
import type { LedgerDatabase, OrderStatus } from './schema.ts';

/**
 * The only way an order's status changes: one conditional UPDATE (`… WHERE status = from`) in a
 * transaction together with its ledger line (`order_transitions`, unique per order and target
 * state) and, when an event caused it, that event. Either all three are written or none: a
 * crash leaves the order as it was. Concurrent callers race on the row; exactly one wins.
 */
export interface TransitionInput {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
  at: string;
  source: 'notify' | 'query' | 'system' | 'refund';
  /** Required for → paid: Alipay's trade number (unique across orders). */
  tradeNo?: string;
  /** When → paid: the payment time Alipay reported (else `at`). */
  paidAt?: string;
  event?: { input: PaymentEventInput; outcome: EventOutcome };
}

const FORWARD: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['paid', 'closed'],
  paid: ['refunded'],
  closed: [],
  refunded: [],
};

export function isForward(from: OrderStatus, to: OrderStatus): boolean {
  return FORWARD[from].includes(to);
}

/** True when this call moved the order; false when it was no longer in `from` (someone else did). */
export async function transitionOrder(db: Kysely<LedgerDatabase>, input: TransitionInput): Promise<boolean> {
  if (!isForward(input.from, input.to)) throw new Error(`订单状态只能前进：${input.from} → ${input.to} 不允许`);
  if (input.to === 'paid' && !input.tradeNo) throw new Error('标记为已支付需要支付宝交易号');
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('orders')
      .set({
        status: input.to,
        updated_at: input.at,
        ...(input.to === 'paid' ? { trade_no: input.tradeNo, paid_at: input.paidAt ?? input.at } : {}),
        ...(input.to === 'closed' ? { closed_at: input.at } : {}),
      })
      .where('id', '=', input.orderId)
      .where('status', '=', input.from)
      .returning(['amount_fen'])
      .executeTakeFirst();
    if (!updated) return false;
    const eventId = input.event ? await recordEvent(trx, input.event.input, input.event.outcome, input.at) : null;
    await insertTransitionLine(trx, { ...input, amountFen: updated.amount_fen, eventId });
    await runLedgerHooks(db, trx, {
      kind: 'transition',
      orderId: input.orderId,
      from: input.from,
      to: input.to,
      at: input.at,
      paidAt: input.paidAt ?? null,
      buyerRef: input.event?.input.buyerRef ?? null,
    });
    return true;
  });
}

/**
 * The ledger line of a status change, inside the transaction that made it (unique per order and
 * target state: a second line for the same change fails the whole transaction). Also used by the
 * refund ledger (`refunds.ts`), whose last step moves paid → refunded.
 */
export async function insertTransitionLine(
  trx: Transaction<LedgerDatabase>,
  line: Pick<TransitionInput, 'orderId' | 'from' | 'to' | 'source' | 'at'> & {
    amountFen: number;
    eventId: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('order_transitions')
    .values({
      id: randomUUID(),
      order_id: line.orderId,
      from_status: line.from,
      to_status: line.to,
      amount_fen: line.amountFen,
      source: line.source,
      event_id: line.eventId,
      created_at: line.at,
    })
    .execute();
}
