import type { Channel } from '../../content/index.ts';
import type { Merchant } from '../merchants/merchant.ts';
import { fenToYuan } from '../money.ts';
import { toAlipayTime } from './alipay-time.ts';

/**
 * The payment step of a new order, made with alipay-sdk 4 for the charity's own merchant:
 * - `page`: alipay.trade.page.pay (FAST_INSTANT_TRADE_PAY) → a signed GET URL to Alipay's cashier;
 * - `wap`:  alipay.trade.wap.pay (QUICK_WAP_WAY) → the same for mobile browsers;
 * - `qr`:   alipay.trade.precreate → the QR payload to show (a call to Alipay's gateway).
 * `time_expire` makes Alipay itself refuse payment after the window, so reconciliation can close
 * stale orders safely. `qrImage` is added after, by ../pay-qr-image.ts.
 */
export type PayStep =
  | { kind: 'redirect'; url: string; sandbox: boolean; expiresAt: string; qrImage?: string }
  | { kind: 'qr'; qrCode: string; sandbox: boolean; expiresAt: string; qrImage?: string };

export interface PaymentRequest {
  outTradeNo: string;
  amountFen: number;
  subject: string;
  channel: Channel;
  expiresAt: Date;
  notifyUrl: string;
  returnUrl: string;
}

export class PaymentUnavailableError extends Error {
  override name = 'PaymentUnavailableError';
}

/** Alipay refuses `/ = &` in subject; it is at most 256 characters. */
export function alipaySubject(title: string): string {
  return `捐赠-${title}`.replace(/[/=&\\]/g, ' ').slice(0, 128);
}

export async function createPaymentStep(merchant: Merchant, request: PaymentRequest): Promise<PayStep> {
  const bizContent = {
    outTradeNo: request.outTradeNo,
    totalAmount: fenToYuan(request.amountFen),
    subject: alipaySubject(request.subject),
    timeExpire: toAlipayTime(request.expiresAt),
  };
  const expiresAt = request.expiresAt.toISOString();
  if (request.channel === 'page' || request.channel === 'wap') {
    const method = request.channel === 'page' ? 'alipay.trade.page.pay' : 'alipay.trade.wap.pay';
    const productCode = request.channel === 'page' ? 'FAST_INSTANT_TRADE_PAY' : 'QUICK_WAP_WAY';
    const url = merchant.sdk.pageExecute(method, 'GET', {
      bizContent: { ...bizContent, productCode },
      notifyUrl: request.notifyUrl,
      returnUrl: request.returnUrl,
    });
    return { kind: 'redirect', url, sandbox: merchant.sandbox, expiresAt };
  }
  let result: Awaited<ReturnType<typeof merchant.sdk.exec>>;
  try {
    result = await merchant.sdk.exec(
      'alipay.trade.precreate',
      { bizContent, notifyUrl: request.notifyUrl },
      { validateSign: true },
    );
  } catch (error) {
    throw new PaymentUnavailableError(`支付宝预下单失败：${(error as Error).message}`, { cause: error });
  }
  if (result.code !== '10000' || typeof result.qrCode !== 'string') {
    throw new PaymentUnavailableError(`支付宝预下单失败：${result.subCode ?? result.code} ${result.subMsg ?? ''}`);
  }
  return { kind: 'qr', qrCode: result.qrCode, sandbox: merchant.sandbox, expiresAt };
}
