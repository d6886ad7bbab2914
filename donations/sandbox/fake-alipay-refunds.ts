import { toAlipayTime } from '../alipay/alipay-time.ts';
import { fenToYuan, yuanToFen } from '../money.ts';
import type { Params } from './alipay-signing.ts';
import type { FakeAlipayStore, FakeRefundDone, FakeTrade } from './fake-alipay-store.ts';
import { GatewayFailure } from './gateway-failure.ts';
import { DEFAULT_SANDBOX_BUYER } from './sandbox-buyer.ts';

/**
 * The refund side of the FAKE ALIPAY (sandbox only): `alipay.trade.refund` and
 * `alipay.trade.fastpay.refund.query`, answered as Alipay answers them, and after each new refund
 * the asynchronous notify Alipay sends — TRADE_SUCCESS with `refund_fee` (the trade's cumulative
 * refunded amount), `out_biz_no` and `gmt_refund` for a partial refund, TRADE_CLOSED when all of
 * it went back. The notify leaves while the synchronous answer is on its way, as with Alipay: our
 * side must record the refund once whichever arrives first.
 */
export interface FakeRefundDeskOptions {
  store: FakeAlipayStore;
  now: () => Date;
  /** Sends a notify for the trade with these fields set (signed like any other); resolves to the reply. */
  notify: (trade: FakeTrade, fields: Params) => Promise<string>;
}

/** Beijing time with milliseconds, as Alipay writes `gmt_refund`. */
function refundTime(date: Date): string {
  return `${toAlipayTime(date)}.${String(date.getUTCMilliseconds()).padStart(3, '0')}`;
}

export class FakeRefundDesk {
  constructor(private readonly options: FakeRefundDeskOptions) {}

  /** alipay.trade.refund: the answer body (unsigned); throws GatewayFailure for a refusal. */
  refund(appId: string, outTradeNo: string, biz: Record<string, unknown>): Record<string, string> {
    const amountText = typeof biz.refund_amount === 'string' ? biz.refund_amount : '';
    const amountFen = yuanToFen(amountText);
    if (amountFen === null || amountFen < 1)
      throw new GatewayFailure('isv.invalid-parameter', 'refund_amount 格式不正确');
    const outRequestNo = typeof biz.out_request_no === 'string' && biz.out_request_no ? biz.out_request_no : outTradeNo;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(outRequestNo)) {
      throw new GatewayFailure('isv.invalid-parameter', 'out_request_no 格式不正确');
    }
    const now = this.options.now();
    const result = this.options.store.refund(appId, outTradeNo, {
      outRequestNo,
      amountFen,
      reason: typeof biz.refund_reason === 'string' ? biz.refund_reason.slice(0, 256) : null,
      gmtRefund: refundTime(now),
    });
    switch (result.kind) {
      case 'no-trade':
        throw new GatewayFailure('ACQ.TRADE_NOT_EXIST', '交易不存在');
      case 'amount-differs':
        throw new GatewayFailure('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '同一退款请求号的退款金额与原请求不一致');
      case 'not-refundable':
        throw new GatewayFailure('ACQ.TRADE_STATUS_ERROR', '交易状态不合法，不能退款');
      case 'too-much':
        throw new GatewayFailure('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
    }
    // Sent, not awaited: the answer below races it, as with Alipay.
    if (result.kind === 'refunded') void this.notifyRefund(result);
    return {
      code: '10000',
      msg: 'Success',
      trade_no: result.trade.trade_no,
      out_trade_no: outTradeNo,
      buyer_logon_id: 'san***@sandbox.example',
      buyer_user_id: result.trade.buyer_id ?? DEFAULT_SANDBOX_BUYER,
      // Y: this call moved money; N: a repeat of a refund that already succeeded.
      fund_change: result.kind === 'refunded' ? 'Y' : 'N',
      refund_fee: fenToYuan(result.totalFen),
      gmt_refund_pay: result.refund.gmt_refund.slice(0, 19),
    };
  }

  /**
   * A refund made outside our API (as in Alipay's merchant console): recorded, then notified like
   * any refund. Resolves to the merchant's reply, or null when Alipay would refuse it.
   */
  async refundAsMerchant(
    appId: string,
    outTradeNo: string,
    refund: { amountFen: number; outRequestNo: string },
  ): Promise<string | null> {
    const result = this.options.store.refund(appId, outTradeNo, {
      ...refund,
      reason: null,
      gmtRefund: refundTime(this.options.now()),
    });
    return result.kind === 'refunded' ? this.notifyRefund(result) : null;
  }

  private notifyRefund(result: FakeRefundDone): Promise<string> {
    return this.options.notify(result.trade, {
      trade_status: result.trade.status,
      refund_fee: fenToYuan(result.totalFen),
      out_biz_no: result.refund.out_request_no,
      gmt_refund: result.refund.gmt_refund,
    });
  }

  /** alipay.trade.fastpay.refund.query: 10000 with the refund when it succeeded, 10000 without one when not. */
  query(appId: string, outTradeNo: string, biz: Record<string, unknown>): Record<string, string> {
    const trade = this.options.store.get(appId, outTradeNo);
    if (!trade) throw new GatewayFailure('ACQ.TRADE_NOT_EXIST', '交易不存在');
    const outRequestNo = typeof biz.out_request_no === 'string' && biz.out_request_no ? biz.out_request_no : outTradeNo;
    const refund = this.options.store.refunds(appId, outTradeNo).find((r) => r.out_request_no === outRequestNo);
    if (!refund) return { code: '10000', msg: 'Success', trade_no: trade.trade_no, out_trade_no: outTradeNo };
    return {
      code: '10000',
      msg: 'Success',
      trade_no: trade.trade_no,
      out_trade_no: outTradeNo,
      out_request_no: outRequestNo,
      total_amount: trade.total_amount,
      refund_amount: refund.refund_amount,
      refund_status: 'REFUND_SUCCESS',
      gmt_refund_pay: refund.gmt_refund.slice(0, 19),
    };
  }
}
