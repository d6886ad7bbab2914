import { fromAlipayTime } from './alipay/alipay-time.ts';
import { closeTrade, queryTrade } from './alipay/trade-query.ts';
import { redactJsonText } from './buyer-identifiers.ts';
import type { DonationsContext } from './context.ts';
import { type PaymentEventInput, recordEvent } from './ledger/events.ts';
import type { OrderRow } from './ledger/orders.ts';
import { dueOrders, markOrderChecked } from './ledger/reconcile-queue.ts';
import { yuanToFen } from './money.ts';
import { pruneNotifyRejections } from './notify-rejections.ts';
import { reconcileRefundRequests } from './reconcile-refunds.ts';
import { PAID_STATUSES, settleClosed, settlePaid, settleTradeClosed } from './settle.ts';

/**
 * Repairs what notifies missed (DOMAIN.md §5: only the notify or alipay.trade.query move an
 * order). For each order still pending after `olderThanMinutes`, ask Alipay (the charity's own
 * merchant) with alipay.trade.query and apply the answer through the same forward-only
 * transitions as the notify handler. An order past its payment window (`time_expire` plus a
 * grace period) that Alipay reports unpaid is closed — after alipay.trade.close when Alipay still
 * has the trade open, so the buyer cannot pay a closed order.
 *
 * Each run takes at most `limit` orders, least recently checked first (`ledger/reconcile-queue.ts`),
 * so orders that always fail cannot starve the rest; after RECONCILE_MAX_FAILURES failures in a row
 * an order goes to review (`movedToReview`) and out of the queue. Then the refunds charities asked
 * for whose answer never came (`reconcile-refunds.ts`), and the pruning of old records of
 * unverified notifies.
 */
export interface ReconcileOptions {
  olderThanMinutes?: number;
  limit?: number;
}

export interface ReconcileReport {
  checked: number;
  paid: number;
  closed: number;
  /** Found fully refunded (TRADE_CLOSED after payment). */
  refunded: number;
  stillPending: number;
  movedToReview: number;
  refundRequests: { checked: number; succeeded: number; failed: number; waiting: number };
  prunedRejections: number;
  errors: { outTradeNo: string; message: string }[];
}

type Verdict = 'paid' | 'closed' | 'refunded' | 'pending' | { error: string };

async function reconcileOrder(ctx: DonationsContext, order: OrderRow): Promise<Verdict> {
  const db = ctx.ledger.db;
  const merchant = await ctx.merchants.byAppId(order.merchant_app_id);
  if (!merchant) return { error: `商户 ${order.merchant_app_id} 已不在配置中` };
  const answer = await queryTrade(merchant, order.out_trade_no);
  const at = ctx.now().toISOString();
  const stored = redactJsonText(answer.raw, ctx.buyerRef);
  const event: PaymentEventInput = {
    source: 'query',
    appId: merchant.appId,
    outTradeNo: order.out_trade_no,
    tradeNo: answer.kind === 'found' ? answer.tradeNo : null,
    tradeStatus: answer.kind === 'found' ? answer.tradeStatus : answer.kind === 'not-found' ? 'TRADE_NOT_EXIST' : null,
    raw: stored.value,
    buyerRef: stored.buyerRef,
    verified: answer.kind !== 'error',
  };
  const expired = Date.parse(order.pay_expires_at) + ctx.config.closeGraceMinutes * 60_000 < ctx.now().getTime();

  if (answer.kind === 'error') {
    await recordEvent(db, event, { outcome: 'QUERY_FAILED', detail: answer.message, orderId: order.id }, at);
    return { error: answer.message };
  }
  if (answer.kind === 'found' && PAID_STATUSES.has(answer.tradeStatus)) {
    if (yuanToFen(answer.totalAmount) !== order.amount_fen) {
      const detail = `查询金额 ${answer.totalAmount} 元与订单 ${order.amount_fen} 分不符`;
      await recordEvent(db, event, { outcome: 'AMOUNT_MISMATCH', detail, orderId: order.id }, at);
      return { error: detail };
    }
    const result = await settlePaid(db, order, {
      tradeNo: answer.tradeNo,
      paidAt: fromAlipayTime(answer.sendPayDate),
      at,
      source: 'query',
      event,
    });
    return result.changed ? 'paid' : result.ok ? 'pending' : { error: result.outcome };
  }
  if (answer.kind === 'found' && answer.tradeStatus === 'TRADE_CLOSED') {
    // Closed unpaid, or — when a notify paid the order meanwhile — paid and refunded in full.
    const result = await settleTradeClosed(db, order, { at, source: 'query', event });
    return result.outcome === 'REFUNDED' ? 'refunded' : result.changed ? 'closed' : 'pending';
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
      return { error: detail };
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
  const db = ctx.ledger.db;
  const minutes = options.olderThanMinutes ?? ctx.config.reconcileAfterMinutes;
  const limit = options.limit ?? ctx.config.reconcileBatch;
  const before = new Date(ctx.now().getTime() - minutes * 60_000).toISOString();
  const orders = await dueOrders(db, { createdBefore: before, limit });
  const report: ReconcileReport = {
    checked: 0,
    paid: 0,
    closed: 0,
    refunded: 0,
    stillPending: 0,
    movedToReview: 0,
    refundRequests: { checked: 0, succeeded: 0, failed: 0, waiting: 0 },
    prunedRejections: 0,
    errors: [],
  };
  for (const order of orders) {
    report.checked++;
    let verdict: Verdict;
    try {
      verdict = await reconcileOrder(ctx, order);
    } catch (error) {
      verdict = { error: (error as Error).message };
    }
    const failure = typeof verdict === 'object' ? verdict.error : null;
    if (failure !== null) report.errors.push({ outTradeNo: order.out_trade_no, message: failure });
    else if (verdict === 'pending') report.stillPending++;
    else report[verdict as 'paid' | 'closed' | 'refunded']++;
    const moved = await markOrderChecked(db, order.id, {
      at: ctx.now().toISOString(),
      failure,
      maxFailures: ctx.config.reconcileMaxFailures,
    });
    if (moved) {
      report.movedToReview++;
      ctx.log(
        `对账：订单 ${order.out_trade_no} 连续 ${ctx.config.reconcileMaxFailures} 次查询失败，转人工核对：${failure}`,
      );
    }
  }
  report.refundRequests = await reconcileRefundRequests(ctx, { limit, errors: report.errors });
  report.prunedRejections = await pruneNotifyRejections(db, ctx.now(), ctx.config.notifyRejections.retentionDays);
  return report;
}
