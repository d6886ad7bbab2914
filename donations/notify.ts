import { fromAlipayTime } from './alipay/alipay-time.ts';
import type { DonationsContext } from './context.ts';
import type { PaymentEventInput } from './ledger/events.ts';
import { recordEvent } from './ledger/events.ts';
import { getOrderByOutTradeNo } from './ledger/orders.ts';
import { yuanToFen } from './money.ts';
import { PAID_STATUSES, settleClosed, settlePaid } from './settle.ts';

/**
 * Alipay's asynchronous notify (`POST /api/payments/alipay/notify`), handled in exactly this
 * order (DESIGN.md decisions, DOMAIN.md §5):
 *
 *   parse the form body → verify the RSA2 signature with `checkNotifySignV2` and the public key of
 *   the merchant named by app_id → seller_id must be that merchant's → load the order by
 *   out_trade_no → the order must belong to that app → total_amount must equal amount_fen exactly →
 *   one conditional transition in a transaction (unique on trade_no) → `success` after the commit.
 *
 * Anything invalid answers `failure` and changes nothing but the event log. A replay answers
 * `success` and changes nothing. Notifies carry no signed timestamp, so replay safety comes from
 * the order's state, not from the message.
 */
export type NotifyReply = 'success' | 'failure';

export interface NotifyResult {
  reply: NotifyReply;
  outcome: string;
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

export async function handleAlipayNotify(ctx: DonationsContext, raw: string): Promise<NotifyResult> {
  const db = ctx.ledger.db;
  const at = ctx.now().toISOString();
  const fields = parseNotifyForm(raw);
  const event: PaymentEventInput = {
    source: 'notify',
    appId: fields?.app_id ?? null,
    outTradeNo: fields?.out_trade_no ?? null,
    tradeNo: fields?.trade_no ?? null,
    tradeStatus: fields?.trade_status ?? null,
    notifyId: fields?.notify_id ?? null,
    raw,
    verified: false,
  };
  const fail = async (outcome: string, detail: string, orderId: string | null = null): Promise<NotifyResult> => {
    await recordEvent(db, event, { outcome, detail, orderId }, at);
    return { reply: 'failure', outcome };
  };

  if (!fields) return fail('MALFORMED', '通知不是合法的表单（或含重复字段）');
  const merchant = fields.app_id ? await ctx.merchants.byAppId(fields.app_id) : null;
  if (!merchant) return fail('UNKNOWN_APP_ID', `未知的 app_id：${fields.app_id ?? '（缺失）'}`);
  let verified = false;
  try {
    verified = merchant.sdk.checkNotifySignV2({ ...fields });
  } catch {
    verified = false;
  }
  if (!verified) return fail('BAD_SIGNATURE', '签名验证失败');
  event.verified = true;

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
  if (PAID_STATUSES.has(status)) {
    const result = await settlePaid(db, order, {
      tradeNo: fields.trade_no ?? '',
      paidAt: fromAlipayTime(fields.gmt_payment),
      at,
      source: 'notify',
      event,
    });
    return { reply: result.ok ? 'success' : 'failure', outcome: result.outcome };
  }
  if (status === 'TRADE_CLOSED') {
    const result = await settleClosed(db, order, { at, source: 'notify', event });
    return { reply: result.ok ? 'success' : 'failure', outcome: result.outcome };
  }
  if (status === 'WAIT_BUYER_PAY') {
    await recordEvent(db, event, { outcome: 'IGNORED', detail: '等待付款通知，无需处理', orderId: order.id }, at);
    return { reply: 'success', outcome: 'IGNORED' };
  }
  return fail('UNKNOWN_STATUS', `未知的交易状态：${status || '（缺失）'}`, order.id);
}
