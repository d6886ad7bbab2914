import { alipaySubject } from '../alipay/payment-step.ts';
import type { Merchant } from '../merchants/merchant.ts';
import { fenToYuan } from '../money.ts';

/**
 * Alipay's 商家扣款 / 周期扣款 calls through alipay-sdk 4, with the charity's own merchant:
 * - `alipay.user.agreement.page.sign` (product CYCLE_PAY_AUTH, personal product CYCLE_PAY_AUTH_P,
 *   `period_rule_params` MONTH × 1 from `execute_time`, `single_amount` the cap per deduction) → a
 *   signed GET URL to Alipay's signing page; Alipay answers with a `dut_user_sign` notify;
 * - `alipay.trade.pay` with `product_code` GENERAL_WITHHOLDING and `agreement_params.agreement_no`
 *   → a deduction, answered at once (and notified like any trade);
 * - `alipay.user.agreement.unsign` and `alipay.user.agreement.query`.
 * Answers are signature-checked (`validateSign`); business refusals are returned, never thrown.
 */
export const PERSONAL_PRODUCT_CODE = 'CYCLE_PAY_AUTH_P';
export const SIGN_PRODUCT_CODE = 'CYCLE_PAY_AUTH';
export const DEDUCT_PRODUCT_CODE = 'GENERAL_WITHHOLDING';
/** The signing scene we declare (charity donations); a notify naming another scene is not ours. */
export const SIGN_SCENE = 'INDUSTRY|CHARITY';

export interface SignRequest {
  externalAgreementNo: string;
  maxAmountFen: number;
  /** The first deduction's date, `YYYY-MM-DD` (its day is every month's day). */
  executeDate: string;
  channel: 'page' | 'wap' | 'qr';
  notifyUrl: string;
  returnUrl: string;
}

export function agreementSignUrl(merchant: Merchant, request: SignRequest): string {
  return merchant.sdk.pageExecute('alipay.user.agreement.page.sign', 'GET', {
    bizContent: {
      productCode: SIGN_PRODUCT_CODE,
      personalProductCode: PERSONAL_PRODUCT_CODE,
      signScene: SIGN_SCENE,
      externalAgreementNo: request.externalAgreementNo,
      accessParams: { channel: request.channel === 'wap' ? 'ALIPAYAPP' : 'QRCODE' },
      periodRuleParams: {
        periodType: 'MONTH',
        period: 1,
        executeTime: request.executeDate,
        singleAmount: fenToYuan(request.maxAmountFen),
      },
    },
    notifyUrl: request.notifyUrl,
    returnUrl: request.returnUrl,
  });
}

export type DeductAnswer =
  | { kind: 'paid'; tradeNo: string; paidAt: string | null; raw: string }
  /** Alipay refused: `permanent` when the agreement itself is gone (retrying cannot help). */
  | { kind: 'refused'; subCode: string; message: string; permanent: boolean; raw: string }
  /** No answer we can trust (network, timeout, bad signature): the month is queried before retrying. */
  | { kind: 'unknown'; message: string };

const PERMANENT = new Set(['ACQ.AGREEMENT_NOT_EXIST', 'ACQ.AGREEMENT_INVALID', 'ACQ.AGREEMENT_STATUS_NOT_NORMAL']);

export async function deduct(
  merchant: Merchant,
  request: { outTradeNo: string; amountFen: number; subject: string; agreementNo: string; notifyUrl: string },
): Promise<DeductAnswer> {
  try {
    const r = await merchant.sdk.exec(
      'alipay.trade.pay',
      {
        bizContent: {
          outTradeNo: request.outTradeNo,
          totalAmount: fenToYuan(request.amountFen),
          subject: alipaySubject(request.subject),
          productCode: DEDUCT_PRODUCT_CODE,
          agreementParams: { agreementNo: request.agreementNo },
        },
        notifyUrl: request.notifyUrl,
      },
      { validateSign: true },
    );
    const raw = JSON.stringify(r);
    if (r.code === '10000' && typeof r.tradeNo === 'string') {
      return { kind: 'paid', tradeNo: r.tradeNo, paidAt: typeof r.gmtPayment === 'string' ? r.gmtPayment : null, raw };
    }
    if (r.code === '40004' && typeof r.subCode === 'string') {
      return {
        kind: 'refused',
        subCode: r.subCode,
        message: String(r.subMsg ?? r.msg ?? ''),
        permanent: PERMANENT.has(r.subCode),
        raw,
      };
    }
    return { kind: 'unknown', message: `${r.code} ${r.subCode ?? ''} ${r.subMsg ?? r.msg ?? ''}`.trim() };
  } catch (error) {
    return { kind: 'unknown', message: (error as Error).message };
  }
}

export type AgreementAnswer = { kind: 'ok'; status?: string } | { kind: 'gone' } | { kind: 'error'; message: string };

/** alipay.user.agreement.unsign: `gone` when Alipay no longer has it as a live agreement. */
export async function unsignAgreement(merchant: Merchant, agreementNo: string): Promise<AgreementAnswer> {
  return agreementCall(merchant, 'alipay.user.agreement.unsign', agreementNo);
}

/** alipay.user.agreement.query: `ok` with Alipay's status (NORMAL · TEMP · STOP). */
export async function queryAgreement(merchant: Merchant, agreementNo: string): Promise<AgreementAnswer> {
  return agreementCall(merchant, 'alipay.user.agreement.query', agreementNo);
}

async function agreementCall(merchant: Merchant, method: string, agreementNo: string): Promise<AgreementAnswer> {
  try {
    const r = await merchant.sdk.exec(
      method,
      { bizContent: { agreementNo, personalProductCode: PERSONAL_PRODUCT_CODE } },
      { validateSign: true },
    );
    if (r.code === '10000') return { kind: 'ok', ...(typeof r.status === 'string' ? { status: r.status } : {}) };
    if (r.subCode === 'USER_AGENT_NOT_EXIST' || r.subCode === 'USER_AGREEMENT_NOT_EXIST') return { kind: 'gone' };
    return { kind: 'error', message: `${r.code} ${r.subCode ?? ''} ${r.subMsg ?? ''}`.trim() };
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
}
