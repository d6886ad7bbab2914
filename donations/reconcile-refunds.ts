import { queryRefund } from './alipay/trade-refund.ts';
import type { DonationsContext } from './context.ts';
import { getOrder } from './ledger/orders.ts';
import {
  dueRefundRequests,
  finishRefundRequest,
  markRefundRequestChecked,
  type RefundRequestRow,
  refundRequestsFen,
} from './ledger/refund-requests.ts';
import { askAlipayToRefund, refundEvent } from './refund.ts';
import { settleRefund } from './settle.ts';

/**
 * Refunds a charity asked for whose answer never came (`refund.ts`): ask Alipay with
 * alipay.trade.fastpay.refund.query under the same `out_request_no`.
 *
 * - Refunded: the request succeeded. The query gives that refund's own amount, not the trade's
 *   total, so the ledger moves to the sum of every refund of the order Alipay has confirmed — a
 *   lower bound of the cumulative amount: it never counts a refund twice, and what notifies
 *   already recorded (perhaps more) stays (`ledger/refunds.ts` only moves forward).
 * - Not found: Alipay has no successful refund under that number, so the refund is asked for
 *   again with the same number (Alipay: retry with the same out_request_no), and its answer applied.
 * - Error: left for the next run; requests are taken least recently checked first.
 */
export interface RefundReconcileReport {
  checked: number;
  succeeded: number;
  failed: number;
  waiting: number;
}

async function settleOne(ctx: DonationsContext, request: RefundRequestRow): Promise<string | null> {
  const db = ctx.ledger.db;
  const order = await getOrder(db, request.order_id);
  if (!order) return `找不到退款请求 ${request.out_request_no} 的订单`;
  const merchant = await ctx.merchants.byAppId(order.merchant_app_id);
  if (!merchant) return `商户 ${order.merchant_app_id} 已不在配置中`;
  const answer = await queryRefund(merchant, { outTradeNo: order.out_trade_no, outRequestNo: request.out_request_no });
  if (answer.kind === 'error') return answer.message;
  if (answer.kind === 'not-found') {
    const retried = await askAlipayToRefund(ctx, merchant, order, request, 'query');
    return retried.kind === 'error' ? retried.message : null;
  }
  const at = ctx.now().toISOString();
  await finishRefundRequest(db, request.id, { status: 'succeeded' }, at);
  await settleRefund(db, order, {
    totalFen: await refundRequestsFen(db, order.id, 'succeeded'),
    outRequestNo: request.out_request_no,
    refundedAt: answer.refundedAt,
    at,
    source: 'query',
    event: refundEvent(ctx, order, answer, 'query'),
  });
  return null;
}

export async function reconcileRefundRequests(
  ctx: DonationsContext,
  options: { limit: number; errors: { outTradeNo: string; message: string }[] },
): Promise<RefundReconcileReport> {
  const db = ctx.ledger.db;
  const report: RefundReconcileReport = { checked: 0, succeeded: 0, failed: 0, waiting: 0 };
  for (const request of await dueRefundRequests(db, options.limit)) {
    report.checked++;
    let failure: string | null;
    try {
      failure = await settleOne(ctx, request);
    } catch (error) {
      failure = (error as Error).message;
    }
    await markRefundRequestChecked(db, request.id, ctx.now().toISOString(), failure !== null);
    const now = await db
      .selectFrom('refund_requests')
      .select('status')
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    if (now.status === 'succeeded') report.succeeded++;
    else if (now.status === 'failed') report.failed++;
    else report.waiting++;
    if (failure !== null) {
      const order = await getOrder(db, request.order_id);
      options.errors.push({
        outTradeNo: order?.out_trade_no ?? request.order_id,
        message: `退款 ${request.out_request_no}：${failure}`,
      });
    }
  }
  return report;
}
