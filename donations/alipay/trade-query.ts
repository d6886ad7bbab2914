import type { Merchant } from '../merchants/merchant.ts';

/**
 * alipay.trade.query and alipay.trade.close through alipay-sdk, answers signature-checked
 * (`validateSign`). Reconciliation uses them; they never throw for a business answer.
 */
export type QueryAnswer =
  | { kind: 'found'; tradeStatus: string; tradeNo: string; totalAmount: string; sendPayDate?: string; raw: string }
  | { kind: 'not-found'; raw: string }
  | { kind: 'error'; message: string; raw: string };

export async function queryTrade(merchant: Merchant, outTradeNo: string): Promise<QueryAnswer> {
  try {
    const r = await merchant.sdk.exec('alipay.trade.query', { bizContent: { outTradeNo } }, { validateSign: true });
    const raw = JSON.stringify(r);
    if (r.code === '10000' && typeof r.tradeStatus === 'string' && typeof r.tradeNo === 'string') {
      return {
        kind: 'found',
        tradeStatus: r.tradeStatus,
        tradeNo: r.tradeNo,
        totalAmount: String(r.totalAmount ?? ''),
        sendPayDate: typeof r.sendPayDate === 'string' ? r.sendPayDate : undefined,
        raw,
      };
    }
    if (r.subCode === 'ACQ.TRADE_NOT_EXIST') return { kind: 'not-found', raw };
    return { kind: 'error', message: `${r.code} ${r.subCode ?? ''} ${r.subMsg ?? r.msg ?? ''}`.trim(), raw };
  } catch (error) {
    return {
      kind: 'error',
      message: (error as Error).message,
      raw: JSON.stringify({ error: (error as Error).message }),
    };
  }
}

export type CloseAnswer = { kind: 'closed' | 'not-found' } | { kind: 'error'; message: string };

export async function closeTrade(merchant: Merchant, outTradeNo: string): Promise<CloseAnswer> {
  try {
    const r = await merchant.sdk.exec('alipay.trade.close', { bizContent: { outTradeNo } }, { validateSign: true });
    if (r.code === '10000') return { kind: 'closed' };
    if (r.subCode === 'ACQ.TRADE_NOT_EXIST') return { kind: 'not-found' };
    return { kind: 'error', message: `${r.code} ${r.subCode ?? ''} ${r.subMsg ?? ''}`.trim() };
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
}
