import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { formatYuan } from '../content/index.ts';
import { queryRefund, type RefundAnswer, refundTrade } from './alipay/trade-refund.ts';
import { redactJsonText } from './buyer-identifiers.ts';
import type { DonationsContext } from './context.ts';
import { DonationError } from './errors.ts';
import type { PaymentEventInput } from './ledger/events.ts';
import { recordEvent } from './ledger/events.ts';
import { getOrder, getOrderByOutTradeNo, type OrderRow } from './ledger/orders.ts';
import {
  findRefundRequest,
  finishRefundRequest,
  insertRefundRequest,
  type RefundRequestRow,
  refundRequestsFen,
} from './ledger/refund-requests.ts';
import type { Merchant } from './merchants/merchant.ts';
import { ALIPAY_MAX_FEN } from './money.ts';
import { settleRefund } from './settle.ts';

/**
 * A refund the charity asks for (`POST /api/charities/{slug}/refunds` with that charity's own
 * token, or `scripts/refund.ts`): through alipay.trade.refund with the charity's merchant key and
 * an `out_request_no`, so the portal still never touches the money — Alipay returns it from the
 * charity's account to the donor.
 *
 * The request is stored first (requested), then Alipay is asked. Its answer moves the ledger
 * through the same refund step as a notify (`settleRefund`: cumulative, exactly once — the notify
 * Alipay also sends finds it recorded). No answer (network, timeout) leaves the request
 * `requested`: the answer is 202 and reconciliation settles it (`reconcile-refunds.ts`). Sending
 * the same `requestNo` again is the same refund: it is never paid out twice.
 */
export const refundBodySchema = z.strictObject({
  outTradeNo: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,64}$/, { message: 'outTradeNo 应为捐赠的订单号（字母、数字、下划线）' }),
  amountFen: z
    .number({ message: 'amountFen 应为整数（分）' })
    .int({ message: 'amountFen 应为整数（分）' })
    .min(1, { message: '退款金额至少 1 分' })
    .max(ALIPAY_MAX_FEN, { message: '退款金额超出上限' }),
  reason: z.string().trim().min(1, { message: '请填写退款原因' }).max(200, { message: '退款原因不超过 200 字' }),
  /** The charity's own number for this refund: sending it again is the same refund. */
  requestNo: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, { message: 'requestNo 只能包含字母、数字、连字符和下划线（至多 40 个）' })
    .optional(),
});
export type RefundBody = z.infer<typeof refundBodySchema>;

export interface RefundOutcome {
  outTradeNo: string;
  requestNo: string;
  amountFen: number;
  status: RefundRequestRow['status'];
  /** What the ledger now holds as refunded for the gift, cumulative. */
  refundedFen: number;
  /** Alipay's reason, when it refused. */
  failure?: string;
}

export function parseRefundBody(body: unknown): RefundBody {
  const parsed = refundBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DonationError(400, 'INVALID_BODY', issue?.message ?? '请求内容无效', issue?.path.join('.') || undefined);
  }
  return parsed.data;
}

/** The event of an Alipay answer about an order's refund, stored without buyer identifiers. */
export function refundEvent(
  ctx: DonationsContext,
  order: OrderRow,
  answer: { raw: string; kind: string },
  source: 'refund' | 'query',
): PaymentEventInput {
  const stored = redactJsonText(answer.raw, ctx.buyerRef);
  return {
    source,
    appId: order.merchant_app_id,
    outTradeNo: order.out_trade_no,
    tradeNo: order.trade_no,
    tradeStatus: null,
    raw: stored.value,
    buyerRef: stored.buyerRef,
    verified: answer.kind !== 'error',
  };
}

/**
 * Asks Alipay for the request's refund (alipay.trade.refund under its `out_request_no`) and applies
 * the answer; used by the API, the script and reconciliation (a retry under the same number).
 */
export async function askAlipayToRefund(
  ctx: DonationsContext,
  merchant: Merchant,
  order: OrderRow,
  request: RefundRequestRow,
  source: 'refund' | 'query',
): Promise<RefundAnswer> {
  const answer = await refundTrade(merchant, {
    outTradeNo: order.out_trade_no,
    outRequestNo: request.out_request_no,
    amountFen: request.amount_fen,
    reason: request.reason,
  });
  await applyRefundAnswer(ctx, merchant, order, request, answer, source);
  return answer;
}

async function applyRefundAnswer(
  ctx: DonationsContext,
  merchant: Merchant,
  order: OrderRow,
  request: RefundRequestRow,
  answer: RefundAnswer,
  source: 'refund' | 'query',
): Promise<void> {
  const db = ctx.ledger.db;
  const at = ctx.now().toISOString();
  const event = refundEvent(ctx, order, answer, source);
  if (answer.kind === 'accepted') {
    await settleRefund(db, order, {
      totalFen: answer.totalFen,
      outRequestNo: request.out_request_no,
      refundedAt: answer.refundedAt,
      at,
      source,
      event,
    });
    // fund_change N: this call moved no money — a repeat of a refund that succeeded, or one still
    // in progress. Alipay's advice: confirm with the refund query (else reconciliation will).
    const confirmed =
      answer.fundChange ||
      (await queryRefund(merchant, { outTradeNo: order.out_trade_no, outRequestNo: request.out_request_no })).kind ===
        'refunded';
    if (confirmed) await finishRefundRequest(db, request.id, { status: 'succeeded' }, at);
    return;
  }
  if (answer.kind === 'refused') {
    const failure = `${answer.subCode}：${answer.message}`;
    await recordEvent(
      db,
      event,
      { outcome: 'REFUND_REFUSED', detail: `支付宝拒绝退款：${failure}`, orderId: order.id },
      at,
    );
    await finishRefundRequest(db, request.id, { status: 'failed', failure }, at);
    return;
  }
  await recordEvent(
    db,
    event,
    { outcome: 'REFUND_UNKNOWN', detail: `退款结果未知：${answer.message}`, orderId: order.id },
    at,
  );
}

async function merchantOf(ctx: DonationsContext, order: OrderRow): Promise<Merchant> {
  const merchant = await ctx.merchants.byAppId(order.merchant_app_id);
  if (!merchant || merchant.charitySlug !== order.charity_slug) {
    throw new DonationError(503, 'SERVICE_UNAVAILABLE', '该捐赠的收款商户已不在配置中，暂不能退款');
  }
  return merchant;
}

/**
 * Refunds one of `charitySlug`'s gifts. The caller has established that it acts for that charity
 * (the API checks the charity's token; the script runs on the server).
 */
export async function refundGift(ctx: DonationsContext, charitySlug: string, body: unknown): Promise<RefundOutcome> {
  const input = parseRefundBody(body);
  const db = ctx.ledger.db;
  const order = await getOrderByOutTradeNo(db, input.outTradeNo);
  // Another charity's gift is "not found": the token says nothing about other charities' orders.
  if (!order || order.charity_slug !== charitySlug) {
    throw new DonationError(404, 'DONATION_NOT_FOUND', '本组织没有这个订单号的捐赠', 'outTradeNo');
  }
  const outRequestNo = input.requestNo ?? `RF${randomBytes(10).toString('hex').toUpperCase()}`;
  const known = input.requestNo ? await findKnown(ctx, order, input, outRequestNo) : null;
  if (known && known.status !== 'requested') return outcomeOf(ctx, order, known);
  if (!known) {
    if (order.status !== 'paid') {
      throw new DonationError(
        409,
        'DONATION_NOT_REFUNDABLE',
        `这笔捐赠的状态为 ${order.status}，只有已支付的捐赠可以退款`,
      );
    }
    const left = order.amount_fen - order.refunded_fen - (await refundRequestsFen(db, order.id, 'requested'));
    if (input.amountFen > left) {
      throw new DonationError(
        409,
        'REFUND_AMOUNT_TOO_LARGE',
        `可退金额为 ${formatYuan(Math.max(left, 0))}（捐赠 ${formatYuan(order.amount_fen)}，已退或退款中 ${formatYuan(order.amount_fen - left)}）`,
        'amountFen',
      );
    }
  }
  const merchant = await merchantOf(ctx, order);
  const { row } = known
    ? { row: known }
    : await insertRefundRequest(db, {
        orderId: order.id,
        charitySlug,
        outRequestNo,
        amountFen: input.amountFen,
        reason: input.reason,
        at: ctx.now().toISOString(),
      });
  await askAlipayToRefund(ctx, merchant, order, row, 'refund');
  const outcome = await outcomeOf(ctx, order, row);
  if (outcome.status === 'failed') {
    throw new DonationError(409, 'REFUND_FAILED', `支付宝未受理退款：${outcome.failure ?? ''}`);
  }
  return outcome;
}

/** A retry under a number already used: it must be the same refund. */
async function findKnown(
  ctx: DonationsContext,
  order: OrderRow,
  input: RefundBody,
  outRequestNo: string,
): Promise<RefundRequestRow | null> {
  const known = await findRefundRequest(ctx.ledger.db, order.id, outRequestNo);
  if (known && known.amount_fen !== input.amountFen) {
    throw new DonationError(409, 'INVALID_BODY', '这个 requestNo 已用于另一笔金额的退款', 'requestNo');
  }
  return known;
}

async function outcomeOf(ctx: DonationsContext, order: OrderRow, request: RefundRequestRow): Promise<RefundOutcome> {
  const db = ctx.ledger.db;
  const [now, req] = await Promise.all([
    getOrder(db, order.id),
    db.selectFrom('refund_requests').selectAll().where('id', '=', request.id).executeTakeFirstOrThrow(),
  ]);
  return {
    outTradeNo: order.out_trade_no,
    requestNo: req.out_request_no,
    amountFen: req.amount_fen,
    status: req.status,
    refundedFen: now?.refunded_fen ?? order.refunded_fen,
    ...(req.failure ? { failure: req.failure } : {}),
  };
}
