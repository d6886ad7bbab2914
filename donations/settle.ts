import type { Kysely } from 'kysely';
import { type EventOutcome, type PaymentEventInput, recordEvent } from './ledger/events.ts';
import { isUniqueViolation } from './ledger/open-ledger.ts';
import { getOrder, type OrderRow } from './ledger/orders.ts';
import { recordRefund } from './ledger/refunds.ts';
import type { LedgerDatabase } from './ledger/schema.ts';
import { transitionOrder } from './ledger/transitions.ts';
import { fenToYuan as yuan } from './money.ts';

/**
 * What a verified Alipay trade status does to an order — shared by the notify handler and
 * reconciliation, so both move orders the same way: forward only, once.
 *
 * - TRADE_SUCCESS / TRADE_FINISHED: pending → paid (FINISHED after SUCCESS is a replay);
 * - a refund (a status carrying `refund_fee`, or our own alipay.trade.refund's answer): the
 *   cumulative refunded amount moves forward (`ledger/refunds.ts`);
 * - TRADE_CLOSED: pending → closed; for a paid order it means Alipay refunded all of it (a trade
 *   closes after payment only by a full refund): paid → refunded;
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

export interface RefundInput {
  /** Cumulative refunded amount of the trade. */
  totalFen: number;
  outRequestNo: string | null;
  refundedAt: string | null;
  at: string;
  source: 'notify' | 'query' | 'refund';
  event: PaymentEventInput;
}

export async function settleRefund(
  db: Kysely<LedgerDatabase>,
  order: OrderRow,
  input: RefundInput,
): Promise<SettleResult> {
  const { event, at } = input;
  const result = await recordRefund(db, {
    orderId: order.id,
    totalFen: input.totalFen,
    outRequestNo: input.outRequestNo,
    refundedAt: input.refundedAt,
    at,
    source: input.source,
    event: {
      input: event,
      outcome: {
        outcome: 'REFUNDED',
        detail: `退款记入账本：累计已退 ${yuan(input.totalFen)} 元（订单 ${yuan(order.amount_fen)} 元）`,
        orderId: order.id,
      },
    },
  });
  switch (result.kind) {
    case 'recorded':
      return { ok: true, outcome: 'REFUNDED', changed: true };
    case 'already':
      return log(db, event, at, true, {
        outcome: 'DUPLICATE',
        detail: `账本已记累计退款 ${yuan(result.refundedFen)} 元，不少于本次报告的 ${yuan(input.totalFen)} 元，未作改动`,
        orderId: order.id,
      });
    case 'too-large':
      return log(db, event, at, false, {
        outcome: 'REFUND_AMOUNT_INVALID',
        detail: `退款总额 ${yuan(input.totalFen)} 元超过订单金额 ${yuan(result.amountFen)} 元`,
        orderId: order.id,
      });
    case 'not-paid':
      // A closed order can only be refunded when money arrived after we closed it (PAID_AFTER_CLOSE):
      // that refund is the repair, and there is nothing to count.
      return log(db, event, at, result.status === 'closed', {
        outcome: result.status === 'closed' ? 'REFUND_OF_CLOSED' : 'REFUND_BEFORE_PAID',
        detail: `订单状态为 ${result.status}，退款不改变它`,
        orderId: order.id,
      });
  }
}

/**
 * Alipay reports the trade closed (TRADE_CLOSED, by notify or query): a pending order closes; a
 * paid one was fully refunded.
 */
export async function settleTradeClosed(
  db: Kysely<LedgerDatabase>,
  order: OrderRow,
  input: {
    at: string;
    source: 'notify' | 'query';
    event: PaymentEventInput;
    refundedAt?: string | null;
    outRequestNo?: string | null;
  },
): Promise<SettleResult> {
  const closed = await settleClosed(db, order, { ...input, quietIfPaid: true });
  if (closed.outcome !== 'PAID_ORDER') return closed;
  return settleRefund(db, order, {
    totalFen: order.amount_fen,
    outRequestNo: input.outRequestNo ?? null,
    refundedAt: input.refundedAt ?? null,
    at: input.at,
    source: input.source,
    event: input.event,
  });
}

/** pending → closed only (an unpaid order past its window, or a trade Alipay closed unpaid). */
export async function settleClosed(
  db: Kysely<LedgerDatabase>,
  order: OrderRow,
  input: { at: string; source: 'notify' | 'query'; event: PaymentEventInput; detail?: string; quietIfPaid?: boolean },
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
  // The caller decides what a closed trade means for a paid order (settleTradeClosed: a full refund).
  if ((now.status === 'paid' || now.status === 'refunded') && input.quietIfPaid)
    return { ok: true, outcome: 'PAID_ORDER', changed: false };
  return log(db, event, at, true, {
    outcome: 'IGNORED_CLOSE',
    detail: `订单状态为 ${now.status}，交易关闭通知不改变它（状态只能前进）`,
    orderId: order.id,
  });
}
