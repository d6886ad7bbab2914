import type { Kysely } from 'kysely';
import type { LedgerDatabase } from '../../donations/ledger/schema.ts';
import type { NotifyOrder } from './notifies.ts';

/**
 * After a notify run: every order whose notify was answered `success` is paid, with the notify's
 * trade_no, exactly one `→ paid` ledger line and exactly one PAID event; no order is paid that was
 * never sent; nothing was paid twice. (An order whose notify was in flight when the run stopped
 * may or may not be paid — either is consistent — so it is only bounded, not required.)
 */
export interface NotifyCheck {
  ok: boolean;
  sent: number;
  answeredSuccess: number;
  paid: number;
  problems: string[];
}

export async function checkNotifiedOrders(
  db: Kysely<LedgerDatabase>,
  orders: NotifyOrder[],
  sent: number,
  answeredSuccess: Set<string>,
): Promise<NotifyCheck> {
  const prefix = orders[0]?.outTradeNo.slice(0, 4) ?? 'XJB?';
  const byOutTradeNo = new Map(orders.map((o, i) => [o.outTradeNo, { order: o, index: i }]));
  const problems: string[] = [];

  const paidRows = await db
    .selectFrom('orders')
    .select(['id', 'out_trade_no', 'trade_no', 'status'])
    .where('out_trade_no', 'like', `${prefix}%`)
    .where('status', '=', 'paid')
    .execute();
  const paidIds = new Map(paidRows.map((r) => [r.id, r.out_trade_no]));
  for (const row of paidRows) {
    const planned = byOutTradeNo.get(row.out_trade_no);
    if (!planned) problems.push(`意外的已支付订单 ${row.out_trade_no}`);
    else if (planned.index >= sent) problems.push(`未发送通知的订单 ${row.out_trade_no} 被标记为已支付`);
    else if (row.trade_no !== planned.order.tradeNo) problems.push(`订单 ${row.out_trade_no} 的交易号不符`);
  }
  const paidSet = new Set(paidRows.map((r) => r.out_trade_no));
  let missing = 0;
  for (const outTradeNo of answeredSuccess) if (!paidSet.has(outTradeNo)) missing++;
  if (missing > 0) problems.push(`${missing} 笔订单回复了 success 却未记为已支付`);

  const transitions = await db
    .selectFrom('order_transitions')
    .innerJoin('orders', 'orders.id', 'order_transitions.order_id')
    .select(['order_transitions.order_id as orderId'])
    .where('orders.out_trade_no', 'like', `${prefix}%`)
    .where('order_transitions.to_status', '=', 'paid')
    .execute();
  const lines = countBy(transitions.map((t) => t.orderId));
  const events = await db
    .selectFrom('payment_events')
    .select(['order_id as orderId'])
    .where('out_trade_no', 'like', `${prefix}%`)
    .where('outcome', '=', 'PAID')
    .execute();
  const paidEvents = countBy(events.map((e) => e.orderId ?? ''));
  for (const id of paidIds.keys()) {
    if (lines.get(id) !== 1) problems.push(`订单 ${paidIds.get(id)} 有 ${lines.get(id) ?? 0} 条已支付账本记录`);
    if (paidEvents.get(id) !== 1) problems.push(`订单 ${paidIds.get(id)} 有 ${paidEvents.get(id) ?? 0} 条 PAID 事件`);
  }
  if (transitions.length !== paidRows.length) {
    problems.push(`已支付账本记录 ${transitions.length} 条，已支付订单 ${paidRows.length} 笔`);
  }
  if (events.length !== paidRows.length)
    problems.push(`PAID 事件 ${events.length} 条，已支付订单 ${paidRows.length} 笔`);
  return {
    ok: problems.length === 0,
    sent,
    answeredSuccess: answeredSuccess.size,
    paid: paidRows.length,
    problems: problems.slice(0, 10),
  };
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
