import type { Merchant } from '../merchants/merchant.ts';
import { fenToYuan, yuanToFen } from '../money.ts';
import { fromAlipayTime } from './alipay-time.ts';

/**
 * alipay.trade.refund and alipay.trade.fastpay.refund.query through alipay-sdk with the charity's
 * own merchant (its app key signs; answers are signature-checked with `validateSign`). They never
 * throw for a business answer.
 *
 * - trade.refund: `code` 10000 means Alipay took the request; `refund_fee` is the trade's
 *   cumulative refunded amount and `fund_change` Y says this call moved money (N: a repeat of a
 *   refund that already succeeded, or one still being processed — confirm with the query).
 *   A repeat with the same `out_request_no` is the same refund, never a second one.
 * - fastpay.refund.query: 10000 with `refund_amount` (and `refund_status` absent or REFUND_SUCCESS)
 *   means that refund succeeded; 10000 without it means Alipay has no successful refund under that
 *   number (retry trade.refund with the same number).
 */
export type RefundAnswer =
  | { kind: 'accepted'; totalFen: number; fundChange: boolean; refundedAt: string | null; raw: string }
  | { kind: 'refused'; subCode: string; message: string; raw: string }
  | { kind: 'error'; message: string; raw: string };

export type RefundQueryAnswer =
  | { kind: 'refunded'; amountFen: number; refundedAt: string | null; raw: string }
  | { kind: 'not-found'; raw: string }
  | { kind: 'error'; message: string; raw: string };

/** Sub-codes that say "try again later", not "no". */
const TRANSIENT = new Set(['ACQ.SYSTEM_ERROR']);

type ExecResult = Awaited<ReturnType<Merchant['sdk']['exec']>>;

const errorOf = (error: unknown) => ({
  kind: 'error' as const,
  message: (error as Error).message,
  raw: JSON.stringify({ error: (error as Error).message }),
});

const describeFailure = (r: ExecResult) => `${r.code} ${r.subCode ?? ''} ${r.subMsg ?? r.msg ?? ''}`.trim();

export async function refundTrade(
  merchant: Merchant,
  request: { outTradeNo: string; outRequestNo: string; amountFen: number; reason: string },
): Promise<RefundAnswer> {
  let r: ExecResult;
  try {
    r = await merchant.sdk.exec(
      'alipay.trade.refund',
      {
        bizContent: {
          outTradeNo: request.outTradeNo,
          outRequestNo: request.outRequestNo,
          refundAmount: fenToYuan(request.amountFen),
          refundReason: request.reason,
        },
      },
      { validateSign: true },
    );
  } catch (error) {
    return errorOf(error);
  }
  const raw = JSON.stringify(r);
  if (r.code === '10000') {
    const totalFen = typeof r.refundFee === 'string' ? yuanToFen(r.refundFee) : null;
    if (totalFen === null || totalFen === 0)
      return { kind: 'error', message: `退款应答缺少有效的 refund_fee：${raw}`, raw };
    return {
      kind: 'accepted',
      totalFen,
      fundChange: r.fundChange === 'Y',
      refundedAt: fromAlipayTime(typeof r.gmtRefundPay === 'string' ? r.gmtRefundPay : undefined),
      raw,
    };
  }
  if (r.code === '40004' && r.subCode && !TRANSIENT.has(r.subCode)) {
    return { kind: 'refused', subCode: r.subCode, message: r.subMsg ?? r.msg ?? r.subCode, raw };
  }
  return { kind: 'error', message: describeFailure(r), raw };
}

export async function queryRefund(
  merchant: Merchant,
  request: { outTradeNo: string; outRequestNo: string },
): Promise<RefundQueryAnswer> {
  let r: ExecResult;
  try {
    r = await merchant.sdk.exec(
      'alipay.trade.fastpay.refund.query',
      { bizContent: { outTradeNo: request.outTradeNo, outRequestNo: request.outRequestNo } },
      { validateSign: true },
    );
  } catch (error) {
    return errorOf(error);
  }
  const raw = JSON.stringify(r);
  if (r.code !== '10000') return { kind: 'error', message: describeFailure(r), raw };
  const amountFen = typeof r.refundAmount === 'string' ? yuanToFen(r.refundAmount) : null;
  const succeeded = r.refundStatus === undefined || r.refundStatus === 'REFUND_SUCCESS';
  if (amountFen === null || amountFen === 0 || !succeeded) return { kind: 'not-found', raw };
  return {
    kind: 'refunded',
    amountFen,
    refundedAt: fromAlipayTime(typeof r.gmtRefundPay === 'string' ? r.gmtRefundPay : undefined),
    raw,
  };
}
