import { fromAlipayTime } from './alipay/alipay-time.ts';
import { redactNotifyBody } from './buyer-identifiers.ts';
import type { DonationsContext } from './context.ts';
import type { PaymentEventInput } from './ledger/events.ts';
import { recordEvent } from './ledger/events.ts';
import { getOrder, getOrderByOutTradeNo, type OrderRow } from './ledger/orders.ts';
import { yuanToFen } from './money.ts';
import { AGREEMENT_NOTIFY_TYPES, handleAgreementNotify } from './monthly/agreement-notify.ts';
import { PAID_STATUSES, type SettleResult, settlePaid, settleRefund, settleTradeClosed } from './settle.ts';

/**
 * Alipay's asynchronous notify (`POST /api/payments/alipay/notify`), handled in exactly this
 * order (DESIGN.md decisions, DOMAIN.md §5):
 *
 *   parse the form body → `sign_type` must be RSA2 → verify the signature with
 *   `checkNotifySignV2` and the public key of the merchant named by app_id → seller_id must be that
 *   merchant's → load the order by out_trade_no → the order must belong to that app →
 *   total_amount must equal amount_fen exactly → one conditional transition in a transaction
 *   (unique on trade_no; refunds: unique per step of the refunded total) → `success` after the commit.
 *
 * Until the signature verifies, the request is anyone's: it is answered `failure` and kept only as
 * a short record (`notify-rejections.ts`, rate-limited, pruned) — never its body. A verified notify
 * is an event, stored without the buyer's identifiers (`buyer-identifiers.ts`). Anything invalid
 * after that answers `failure` and changes nothing but the event log. A replay answers `success`
 * and changes nothing. Notifies carry no signed timestamp, so replay safety comes from the order's
 * state, not from the message.
 *
 * Refunds: a TRADE_SUCCESS / TRADE_FINISHED carrying `refund_fee` is a partial refund, a
 * TRADE_CLOSED on a paid order a full one. `refund_fee` is the trade's cumulative refunded amount
 * (Alipay: 退款通知中返回总退款金额), `out_biz_no` the refund request's number.
 */
export type NotifyReply = 'success' | 'failure';

export interface NotifyResult {
  reply: NotifyReply;
  outcome: string;
}

export interface NotifyMeta {
  /** The sender's rate-limit key (`client-ip.ts`), for records of unverified notifies. */
  clientKey: string;
}

/** Form fields, or null when the body is not a plain form (repeated keys are refused). */
export function parseNotifyForm(raw: string): Record<string, string> | null {
  const fields: Record<string, string> = Object.create(null);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(raw);
  } catch {
    return null;
  }
  for (const [key, value] of params) {
    if (key in fields) return null;
    fields[key] = value;
  }
  return Object.keys(fields).length > 0 ? fields : null;
}

const reply = (result: SettleResult): NotifyResult => ({
  reply: result.ok ? 'success' : 'failure',
  outcome: result.outcome,
});

export async function handleAlipayNotify(ctx: DonationsContext, raw: string, meta: NotifyMeta): Promise<NotifyResult> {
  const received = ctx.now();
  const reject = async (outcome: string): Promise<NotifyResult> => {
    await ctx.notifyRejections.record({ body: raw, reason: outcome, clientKey: meta.clientKey, at: received });
    return { reply: 'failure', outcome };
  };

  const fields = parseNotifyForm(raw);
  if (!fields) return reject('MALFORMED');
  // Pinned before verification: alipay-sdk picks the algorithm from this field, so `RSA` would
  // have it check a SHA-1 signature. Alipay signs notifies of RSA2 apps with RSA2 only.
  if (fields.sign_type !== 'RSA2') return reject('BAD_SIGN_TYPE');
  const merchant = fields.app_id ? await ctx.merchants.byAppId(fields.app_id) : null;
  if (!merchant) return reject('UNKNOWN_APP_ID');
  let verified = false;
  try {
    verified = merchant.sdk.checkNotifySignV2({ ...fields });
  } catch {
    verified = false;
  }
  if (!verified) return reject('BAD_SIGNATURE');

  const at = received.toISOString();
  // Monthly giving's agreement notifies carry no trade and no seller_id (monthly/agreement-notify.ts).
  if (AGREEMENT_NOTIFY_TYPES.has(fields.notify_type ?? '')) return handleAgreementNotify(ctx, fields, merchant, at);
  const db = ctx.ledger.db;
  const stored = redactNotifyBody(fields, ctx.buyerRef);
  const event: PaymentEventInput = {
    source: 'notify',
    appId: fields.app_id ?? null,
    outTradeNo: fields.out_trade_no ?? null,
    tradeNo: fields.trade_no ?? null,
    tradeStatus: fields.trade_status ?? null,
    notifyId: fields.notify_id ?? null,
    raw: stored.value,
    buyerRef: stored.buyerRef,
    verified: true,
  };
  const fail = async (outcome: string, detail: string, orderId: string | null = null): Promise<NotifyResult> => {
    await recordEvent(db, event, { outcome, detail, orderId }, at);
    return { reply: 'failure', outcome };
  };

  if (fields.seller_id !== merchant.sellerId) {
    return fail('SELLER_MISMATCH', `seller_id ${fields.seller_id ?? '（缺失）'} 不是 ${merchant.charitySlug} 的商户`);
  }
  if (fields.notify_type !== 'trade_status_sync') {
    return fail('UNSUPPORTED_NOTIFY', `不处理的通知类型：${fields.notify_type ?? '（缺失）'}`);
  }
  const order = fields.out_trade_no ? await getOrderByOutTradeNo(db, fields.out_trade_no) : null;
  if (!order) return fail('UNKNOWN_ORDER', `找不到订单 ${fields.out_trade_no ?? '（缺失）'}`);
  if (order.merchant_app_id !== merchant.appId) {
    return fail('APP_ID_MISMATCH', `订单属于商户 ${order.merchant_app_id}，通知来自 ${merchant.appId}`, order.id);
  }
  const totalFen = yuanToFen(fields.total_amount ?? '');
  if (totalFen !== order.amount_fen) {
    return fail(
      'AMOUNT_MISMATCH',
      `金额不符：通知 ${fields.total_amount ?? '（缺失）'} 元，订单 ${order.amount_fen} 分`,
      order.id,
    );
  }

  const status = fields.trade_status ?? '';
  const known = PAID_STATUSES.has(status) || status === 'TRADE_CLOSED' || status === 'WAIT_BUYER_PAY';
  if (!known) return fail('UNKNOWN_STATUS', `未知的交易状态：${status || '（缺失）'}`, order.id);
  const paid = { tradeNo: fields.trade_no ?? '', paidAt: fromAlipayTime(fields.gmt_payment), at, event } as const;

  if (fields.refund_fee !== undefined && status !== 'WAIT_BUYER_PAY') {
    const refundFen = yuanToFen(fields.refund_fee);
    if (refundFen === null || refundFen === 0 || refundFen > order.amount_fen) {
      return fail(
        'REFUND_AMOUNT_INVALID',
        `退款金额无效：${fields.refund_fee} 元（订单 ${order.amount_fen} 分）`,
        order.id,
      );
    }
    // A refund of a gift whose payment notify never arrived: the payment first, then the refund.
    let current: OrderRow = order;
    if (order.status === 'pending') {
      const result = await settlePaid(db, order, { ...paid, source: 'notify' });
      if (!result.ok) return reply(result);
      current = (await getOrder(db, order.id)) ?? order;
    }
    return reply(
      await settleRefund(db, current, {
        // A closed trade was refunded in full, whatever the last refund's own report says.
        totalFen: status === 'TRADE_CLOSED' ? order.amount_fen : refundFen,
        outRequestNo: fields.out_biz_no ?? null,
        refundedAt: fromAlipayTime(fields.gmt_refund),
        at,
        source: 'notify',
        event,
      }),
    );
  }
  if (PAID_STATUSES.has(status)) return reply(await settlePaid(db, order, { ...paid, source: 'notify' }));
  if (status === 'TRADE_CLOSED') {
    return reply(
      await settleTradeClosed(db, order, {
        at,
        source: 'notify',
        event,
        refundedAt: fromAlipayTime(fields.gmt_close),
        outRequestNo: fields.out_biz_no ?? null,
      }),
    );
  }
  await recordEvent(db, event, { outcome: 'IGNORED', detail: '等待付款通知，无需处理', orderId: order.id }, at);
  return { reply: 'success', outcome: 'IGNORED' };
}
