import type { Kysely } from 'kysely';
import { type EventOutcome, type PaymentEventInput, recordEvent } from './ledger/events.ts';
import { isUniqueViolation } from './ledger/open-ledger.ts';
import { getOrder, type OrderRow } from './ledger/orders.ts';
import type { LedgerDatabase } from './ledger/schema.ts';
import { transitionOrder } from './ledger/transitions.ts';

/**
 * What a verified Alipay trade status does to an order — shared by the notify handler and
 * reconciliation, so both move orders the same way: forward only, once.
 *
 * - TRADE_SUCCESS / TRADE_FINISHED: pending → paid (FINISHED after SUCCESS is a replay);
 * - TRADE_CLOSED: pending → closed; for a paid order nothing changes (a full refund also closes
 *   the trade at Alipay — refunds are recorded by the refund flow, not by this notify);
 * - a paid notify for an order we already closed changes nothing and is flagged for review
 *   (`PAID_AFTER_CLOSE`): the money reached the charity's account and must be refunded by hand.
 *
 * `ok` is what Alipay is told (`success` only after the commit that recorded it).
 */
export interface SettleResult {
  ok: boolean;
  outcome: string;
  changed: boolean;
}

export const PAID_STATUSES = new Set(['TRADE_SUCCESS', 'TRADE_FINISHED']);

async function log(
  db: Kysely<LedgerDatabase>,
  event: PaymentEventInput,
  at: string,
  ok: boolean,
  result: EventOutcome,
): Promise<SettleResult> {
  await recordEvent(db, event, result, at);
  return { ok, outcome: result.outcome, changed: false };
}

export async function settlePaid(
  db: Kysely<LedgerDatabase>,
  order: OrderRow,
  input: { tradeNo: string; paidAt: string | null; at: string; source: 'notify' | 'query'; event: PaymentEventInput },
): Promise<SettleResult> {
  const { event, at } = input;
  if (!/^[0-9A-Za-z_-]{1,64}$/.test(input.tradeNo)) {
    return log(db, event, at, false, {
      outcome: 'MISSING_TRADE_NO',
      detail: '缺少或无效的支付宝交易号',
      orderId: order.id,
    });
  }
  const outcome = { outcome: 'PAID', detail: '订单已支付，记入账本', orderId: order.id };
  let changed: boolean;
  try {
    changed = await transitionOrder(db, {
      orderId: order.id,
      from: 'pending',
      to: 'paid',
      at,
      source: input.source,
      tradeNo: input.tradeNo,
      paidAt: input.paidAt ?? at,
      event: { input: event, outcome },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return log(db, event, at, false, {
      outcome: 'TRADE_NO_CONFLICT',
      detail: `支付宝交易号 ${input.tradeNo} 已属于另一笔订单`,
      orderId: order.id,
    });
  }
  if (changed) return { ok: true, outcome: 'PAID', changed: true };
  const now = (await getOrder(db, order.id)) as OrderRow;
  if (now.status === 'paid' || now.status === 'refunded') {
    if (now.trade_no === input.tradeNo) {
      return log(db, event, at, true, {
        outcome: 'DUPLICATE',
        detail: '重复通知，订单已是已支付，未作改动',
        orderId: order.id,
      });
    }
    return log(db, event, at, false, {
      outcome: 'TRADE_NO_MISMATCH',
      detail: `订单已由交易 ${now.trade_no} 支付，通知中的交易号 ${input.tradeNo} 不符`,
      orderId: order.id,
    });
  }
  return log(db, event, at, true, {
    outcome: 'PAID_AFTER_CLOSE',
    detail: '订单已关闭后收到支付成功：状态不回退，需人工核对并退款',
    orderId: order.id,
  });
}

export async function settleClosed(
  db: Kysely<LedgerDatabase>,
  order: OrderRow,
  input: { at: string; source: 'notify' | 'query'; event: PaymentEventInput; detail?: string },
): Promise<SettleResult> {
  const { event, at } = input;
  const outcome = { outcome: 'CLOSED', detail: input.detail ?? '交易已关闭，订单关闭', orderId: order.id };
  const changed = await transitionOrder(db, {
    orderId: order.id,
    from: 'pending',
    to: 'closed',
    at,
    source: input.source,
    event: { input: event, outcome },
  });
  if (changed) return { ok: true, outcome: 'CLOSED', changed: true };
  const now = (await getOrder(db, order.id)) as OrderRow;
  if (now.status === 'closed') {
    return log(db, event, at, true, { outcome: 'DUPLICATE', detail: '订单已是关闭状态，未作改动', orderId: order.id });
  }
  return log(db, event, at, true, {
    outcome: 'IGNORED_CLOSE',
    detail: `订单状态为 ${now.status}，交易关闭通知不改变它（状态只能前进）`,
    orderId: order.id,
  });
}
