import { fromAlipayTime } from './alipay/alipay-time.ts';
import { closeTrade, queryTrade } from './alipay/trade-query.ts';
import type { DonationsContext } from './context.ts';
import { type PaymentEventInput, recordEvent } from './ledger/events.ts';
import { type OrderRow, pendingCreatedBefore } from './ledger/orders.ts';
import { yuanToFen } from './money.ts';
import { PAID_STATUSES, settleClosed, settlePaid } from './settle.ts';

/**
 * Repairs what notifies missed (DOMAIN.md §5: only the notify or alipay.trade.query move an
 * order). For each order still pending after `olderThanMinutes`, ask Alipay (the charity's own
 * merchant) with alipay.trade.query and apply the answer through the same forward-only
 * transitions as the notify handler. An order past its payment window (`time_expire` plus a
 * grace period) that Alipay reports unpaid is closed — after alipay.trade.close when Alipay still
 * has the trade open, so the buyer cannot pay a closed order.
 */
export interface ReconcileOptions {
  olderThanMinutes?: number;
  limit?: number;
}

export interface ReconcileReport {
  checked: number;
  paid: number;
  closed: number;
  stillPending: number;
  errors: { outTradeNo: string; message: string }[];
}

type Verdict = 'paid' | 'closed' | 'pending' | 'error';

async function reconcileOrder(ctx: DonationsContext, order: OrderRow, report: ReconcileReport): Promise<Verdict> {
  const db = ctx.ledger.db;
  const merchant = await ctx.merchants.byAppId(order.merchant_app_id);
  if (!merchant) {
    report.errors.push({ outTradeNo: order.out_trade_no, message: `商户 ${order.merchant_app_id} 已不在配置中` });
    return 'error';
  }
  const answer = await queryTrade(merchant, order.out_trade_no);
  const at = ctx.now().toISOString();
  const event: PaymentEventInput = {
    source: 'query',
    appId: merchant.appId,
    outTradeNo: order.out_trade_no,
    tradeNo: answer.kind === 'found' ? answer.tradeNo : null,
    tradeStatus: answer.kind === 'found' ? answer.tradeStatus : answer.kind === 'not-found' ? 'TRADE_NOT_EXIST' : null,
    raw: answer.raw,
    verified: answer.kind !== 'error',
  };
  const expired = Date.parse(order.pay_expires_at) + ctx.config.closeGraceMinutes * 60_000 < ctx.now().getTime();

  if (answer.kind === 'error') {
    await recordEvent(db, event, { outcome: 'QUERY_FAILED', detail: answer.message, orderId: order.id }, at);
    report.errors.push({ outTradeNo: order.out_trade_no, message: answer.message });
    return 'error';
  }
  if (answer.kind === 'found' && PAID_STATUSES.has(answer.tradeStatus)) {
    if (yuanToFen(answer.totalAmount) !== order.amount_fen) {
      const detail = `查询金额 ${answer.totalAmount} 元与订单 ${order.amount_fen} 分不符`;
      await recordEvent(db, event, { outcome: 'AMOUNT_MISMATCH', detail, orderId: order.id }, at);
      report.errors.push({ outTradeNo: order.out_trade_no, message: detail });
      return 'error';
    }
    const result = await settlePaid(db, order, {
      tradeNo: answer.tradeNo,
      paidAt: fromAlipayTime(answer.sendPayDate),
      at,
      source: 'query',
      event,
    });
    return result.changed ? 'paid' : result.ok ? 'pending' : 'error';
  }
  if (answer.kind === 'found' && answer.tradeStatus === 'TRADE_CLOSED') {
    const result = await settleClosed(db, order, { at, source: 'query', event, detail: '查询：交易已关闭，订单关闭' });
    return result.changed ? 'closed' : 'pending';
  }
  // Not paid: WAIT_BUYER_PAY, or Alipay never saw the trade (the buyer never opened the cashier).
  if (!expired) {
    await recordEvent(db, event, { outcome: 'STILL_PENDING', detail: '尚未付款，仍在付款期内', orderId: order.id }, at);
    return 'pending';
  }
  if (answer.kind === 'found') {
    const closed = await closeTrade(merchant, order.out_trade_no);
    if (closed.kind === 'error') {
      // The buyer may be paying right now: leave it for the next run.
      const detail = `关闭支付宝交易失败：${closed.message}`;
      await recordEvent(db, event, { outcome: 'CLOSE_FAILED', detail, orderId: order.id }, at);
      report.errors.push({ outTradeNo: order.out_trade_no, message: detail });
      return 'error';
    }
  }
  const result = await settleClosed(db, order, {
    at,
    source: 'query',
    event,
    detail: '付款期已过仍未付款，订单关闭',
  });
  return result.changed ? 'closed' : 'pending';
}

export async function reconcile(ctx: DonationsContext, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const minutes = options.olderThanMinutes ?? ctx.config.reconcileAfterMinutes;
  const before = new Date(ctx.now().getTime() - minutes * 60_000).toISOString();
  const orders = await pendingCreatedBefore(ctx.ledger.db, before, options.limit ?? 500);
  const report: ReconcileReport = { checked: 0, paid: 0, closed: 0, stillPending: 0, errors: [] };
  for (const order of orders) {
    report.checked++;
    let verdict: Verdict;
    try {
      verdict = await reconcileOrder(ctx, order, report);
    } catch (error) {
      report.errors.push({ outTradeNo: order.out_trade_no, message: (error as Error).message });
      verdict = 'error';
    }
    if (verdict === 'paid') report.paid++;
    else if (verdict === 'closed') report.closed++;
    else if (verdict === 'pending') report.stillPending++;
  }
  return report;
}
