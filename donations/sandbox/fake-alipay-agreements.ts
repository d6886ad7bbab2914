import { randomBytes, randomInt } from 'node:crypto';
import { escapeHtml } from '../../content/index.ts';
import { toAlipayTime } from '../alipay/alipay-time.ts';
import { yuanToFen } from '../money.ts';
import type { Params } from './alipay-signing.ts';
import { resultHtml, sandboxPage } from './checkout-page.ts';
import type { FakeAgreement, FakeAgreementStore } from './fake-alipay-agreement-store.ts';
import type { FakeAlipayStore, FakeTrade } from './fake-alipay-store.ts';
import { GatewayFailure } from './gateway-failure.ts';

/**
 * The 周期扣款 side of the FAKE ALIPAY (sandbox only), played as Alipay documents it:
 * `alipay.user.agreement.page.sign` renders a signing page (product CYCLE_PAY_AUTH, personal
 * product CYCLE_PAY_AUTH_P, `period_rule_params` MONTH × 1, day 1–28, `single_amount`); signing
 * sends the `dut_user_sign` notify, signed with the sandbox's Alipay key, to the notify_url;
 * `alipay.trade.pay` with GENERAL_WITHHOLDING and `agreement_params.agreement_no` deducts at once
 * (at most `single_amount`, once per out_trade_no) and notifies the trade; `.unsign` and a donor's
 * unsigning inside "Alipay" send `dut_user_unsign`; `.query` tells the agreement's status.
 */
export interface AgreementDeskOptions {
  store: FakeAgreementStore;
  trades: FakeAlipayStore;
  now: () => Date;
  sandboxBaseUrl: string;
  /** notify_url / return_url must be on the allowed origins (the gateway's rule). */
  allowedUrl: (url: string | undefined, name: string) => string | null;
  /** Signs these notify fields as Alipay and POSTs them; resolves to the reply. */
  sendNotify: (url: string, fields: Params) => Promise<string>;
  /** The trade notify after a deduction (sent on its own, like Alipay's). */
  notifyTrade: (trade: FakeTrade) => void;
}

export const AGREEMENT_METHODS = new Set([
  'alipay.user.agreement.page.sign',
  'alipay.user.agreement.unsign',
  'alipay.user.agreement.query',
]);

const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export interface DeskAnswer {
  html?: { status: number; body: string };
  json?: object;
}

export class FakeAgreementDesk {
  constructor(private readonly o: AgreementDeskOptions) {}

  /** A gateway call this desk plays (agreement methods, and trade.pay with an agreement). */
  handles(method: string, biz: Record<string, unknown>): boolean {
    return AGREEMENT_METHODS.has(method) || (method === 'alipay.trade.pay' && biz.agreement_params !== undefined);
  }

  call(method: string, params: Params, biz: Record<string, unknown>, appId: string, sellerId: string): DeskAnswer {
    if (method === 'alipay.user.agreement.page.sign')
      return { html: { status: 200, body: this.signPage(params, biz, appId) } };
    if (method === 'alipay.trade.pay') return { json: this.deduct(biz, appId, sellerId) };
    const agreementNo = text(biz.agreement_no);
    const agreement = this.o.store.byAgreementNo(appId, agreementNo);
    if (!agreement) throw new GatewayFailure('USER_AGENT_NOT_EXIST', '用户协议不存在');
    if (method === 'alipay.user.agreement.query') {
      return {
        json: {
          code: '10000',
          msg: 'Success',
          agreement_no: agreement.agreement_no,
          external_agreement_no: agreement.external_agreement_no,
          status: agreement.status,
          sign_scene: agreement.sign_scene,
          personal_product_code: 'CYCLE_PAY_AUTH_P',
          sign_time: agreement.sign_time,
        },
      };
    }
    if (!this.o.store.unsign(appId, agreementNo, toAlipayTime(this.o.now()))) {
      throw new GatewayFailure('USER_AGENT_NOT_EXIST', '用户协议已解约');
    }
    void this.notifyUnsign(appId, agreementNo);
    return { json: { code: '10000', msg: 'Success' } };
  }

  private signPage(params: Params, biz: Record<string, unknown>, appId: string): string {
    if (biz.product_code !== 'CYCLE_PAY_AUTH' || biz.personal_product_code !== 'CYCLE_PAY_AUTH_P') {
      throw new GatewayFailure(
        'isv.invalid-parameter',
        'product_code 应为 CYCLE_PAY_AUTH，personal_product_code 应为 CYCLE_PAY_AUTH_P',
      );
    }
    const externalNo = text(biz.external_agreement_no);
    if (!/^[A-Za-z0-9]{1,32}$/.test(externalNo))
      throw new GatewayFailure('isv.invalid-parameter', 'external_agreement_no 格式不正确');
    const signScene = text(biz.sign_scene);
    if (!signScene || signScene === 'DEFAULT|DEFAULT') {
      throw new GatewayFailure('isv.invalid-parameter', '传入 external_agreement_no 时 sign_scene 必填');
    }
    const rule = (biz.period_rule_params ?? {}) as Record<string, unknown>;
    const executeTime = text(rule.execute_time);
    const day = Number(executeTime.slice(8, 10));
    if (
      rule.period_type !== 'MONTH' ||
      Number(rule.period) !== 1 ||
      !/^\d{4}-\d{2}-\d{2}$/.test(executeTime) ||
      day < 1 ||
      day > 28
    ) {
      throw new GatewayFailure(
        'isv.invalid-parameter',
        'period_rule_params 无效：按月扣款时 execute_time 只能是每月 1–28 日',
      );
    }
    const single = text(rule.single_amount);
    const singleFen = yuanToFen(single);
    if (singleFen === null || singleFen < 1)
      throw new GatewayFailure('isv.invalid-parameter', 'single_amount 格式不正确');
    const agreement = this.o.store.createIfAbsent({
      app_id: appId,
      external_agreement_no: externalNo,
      agreement_no: null,
      status: 'TEMP',
      sign_scene: signScene,
      single_amount: single,
      execute_time: executeTime,
      notify_url: this.o.allowedUrl(params.notify_url, 'notify_url'),
      return_url: this.o.allowedUrl(params.return_url, 'return_url'),
      sign_time: null,
      unsign_time: null,
      fail_remaining: 0,
      fail_code: null,
    });
    return this.pageOf(agreement);
  }

  private pageOf(a: FakeAgreement): string {
    const hidden = `<input type="hidden" name="app_id" value="${escapeHtml(a.app_id)}">
<input type="hidden" name="external_agreement_no" value="${escapeHtml(a.external_agreement_no)}">`;
    const status = { TEMP: '待签约', NORMAL: '已签约', STOP: '已解约' }[a.status];
    return sandboxPage(
      '开通月捐扣款',
      `<h1>沙箱：开通周期扣款</h1>
<dl>
<dt>收款方</dt><dd>沙箱商户 ${escapeHtml(a.app_id)}</dd>
<dt>扣款规则</dt><dd>每月 ${Number(a.execute_time.slice(8, 10))} 日（可提前 3 天内扣款），首次 ${escapeHtml(a.execute_time)}</dd>
<dt>单次最多</dt><dd><strong>${escapeHtml(a.single_amount)} 元</strong></dd>
<dt>状态</dt><dd>${status}</dd>
</dl>
${
  a.status === 'TEMP'
    ? `<form method="post" action="${escapeHtml(`${this.o.sandboxBaseUrl}/sign`)}">${hidden}
<button class="pay" type="submit" name="action" value="sign">同意并开通（沙箱，不扣款）</button>
<button class="cancel" type="submit" name="action" value="cancel">取消</button>
</form>`
    : a.return_url
      ? `<p><a class="button" href="${escapeHtml(a.return_url)}">返回月捐管理页面</a></p>`
      : ''
}`,
    );
  }

  /** The donor's choice on the signing page: sign → `dut_user_sign` to the notify_url. */
  async submit(form: Params): Promise<{ status: number; body: string }> {
    const agreement = this.o.store.byExternal(form.app_id ?? '', form.external_agreement_no ?? '');
    if (!agreement) return { status: 404, body: resultHtml('找不到这份沙箱协议', '签约链接有误。', null) };
    if (form.action === 'cancel') {
      return { status: 200, body: resultHtml('已取消', '您没有开通月捐扣款。', agreement.return_url) };
    }
    if (form.action !== 'sign') return { status: 400, body: resultHtml('操作无效', '请选择开通或取消。', null) };
    const reply = await this.sign(agreement.app_id, agreement.external_agreement_no);
    const ok = reply === 'success';
    return {
      status: 200,
      body: resultHtml(
        ok ? '沙箱签约成功' : '沙箱签约已完成，通知未确认',
        ok ? '月捐已开通。这是沙箱，不会产生真实扣款。' : `商户未确认签约通知（回复：${reply}）。`,
        agreement.return_url,
      ),
    };
  }

  /** Signs a waiting agreement and sends `dut_user_sign`; resolves to the merchant's reply. */
  async sign(appId: string, externalNo: string): Promise<string> {
    const now = this.o.now();
    const agreementNo = `${toAlipayTime(now).slice(0, 4)}${digits(16)}`;
    this.o.store.sign(appId, externalNo, agreementNo, toAlipayTime(now));
    const a = this.o.store.byExternal(appId, externalNo) as FakeAgreement;
    return this.sendAgreementNotify(a, 'dut_user_sign');
  }

  /** The donor unsigns inside "Alipay" (支付宝 → 设置 → 免密支付/自动扣款): `dut_user_unsign`. */
  async userUnsign(appId: string, agreementNo: string): Promise<string> {
    this.o.store.unsign(appId, agreementNo, toAlipayTime(this.o.now()));
    return this.notifyUnsign(appId, agreementNo);
  }

  failNext(appId: string, agreementNo: string, count: number, subCode = 'ACQ.BUYER_BALANCE_NOT_ENOUGH'): void {
    this.o.store.failNext(appId, agreementNo, count, subCode);
  }

  agreement(appId: string, externalNo: string): FakeAgreement | null {
    return this.o.store.byExternal(appId, externalNo);
  }

  private notifyUnsign(appId: string, agreementNo: string): Promise<string> {
    const a = this.o.store.byAgreementNo(appId, agreementNo);
    return a ? this.sendAgreementNotify(a, 'dut_user_unsign') : Promise.resolve('（没有协议）');
  }

  /** Agreement notify fields as Alipay sends them (before signing), `overrides` for tests. */
  agreementNotifyFields(a: FakeAgreement, type: 'dut_user_sign' | 'dut_user_unsign', overrides: Params = {}): Params {
    return {
      notify_time: toAlipayTime(this.o.now()),
      notify_type: type,
      notify_id: randomBytes(16).toString('hex'),
      app_id: a.app_id,
      auth_app_id: a.app_id,
      charset: 'utf-8',
      version: '1.0',
      agreement_no: a.agreement_no ?? '',
      external_agreement_no: a.external_agreement_no,
      personal_product_code: 'CYCLE_PAY_AUTH_P',
      sign_scene: a.sign_scene,
      status: type === 'dut_user_sign' ? 'NORMAL' : 'UNSIGN',
      alipay_user_id: '2088102177846880',
      alipay_logon_id: 'san***@sandbox.example',
      ...(type === 'dut_user_sign'
        ? { sign_time: a.sign_time ?? '', valid_time: a.sign_time ?? '', invalid_time: '2115-02-01 00:00:00' }
        : { unsign_time: a.unsign_time ?? toAlipayTime(this.o.now()) }),
      ...overrides,
    };
  }

  private async sendAgreementNotify(a: FakeAgreement, type: 'dut_user_sign' | 'dut_user_unsign'): Promise<string> {
    if (!a.notify_url) return '（没有 notify_url）';
    try {
      return await this.o.sendNotify(a.notify_url, this.agreementNotifyFields(a, type));
    } catch (error) {
      return `（投递失败：${(error as Error).message}）`;
    }
  }

  private deduct(biz: Record<string, unknown>, appId: string, sellerId: string): object {
    if (biz.product_code !== 'GENERAL_WITHHOLDING') {
      throw new GatewayFailure('isv.invalid-parameter', '协议扣款的 product_code 应为 GENERAL_WITHHOLDING');
    }
    const outTradeNo = text(biz.out_trade_no);
    if (!/^[A-Za-z0-9_]{1,64}$/.test(outTradeNo))
      throw new GatewayFailure('isv.invalid-parameter', 'out_trade_no 缺失或格式不正确');
    const agreementNo = text((biz.agreement_params as Record<string, unknown> | null)?.agreement_no);
    const agreement = this.o.store.byAgreementNo(appId, agreementNo);
    if (!agreement) throw new GatewayFailure('ACQ.AGREEMENT_NOT_EXIST', '用户协议不存在');
    if (agreement.status !== 'NORMAL') throw new GatewayFailure('ACQ.AGREEMENT_INVALID', '用户协议已失效');
    const amount = text(biz.total_amount);
    const fen = yuanToFen(amount);
    if (fen === null || fen < 1) throw new GatewayFailure('isv.invalid-parameter', 'total_amount 格式不正确');
    if (fen > (yuanToFen(agreement.single_amount) ?? 0)) {
      throw new GatewayFailure('ACQ.EXCEED_SINGLE_AMOUNT_LIMIT', '超过协议约定的单次扣款限额');
    }
    const existing = this.o.trades.get(appId, outTradeNo);
    if (existing?.status === 'TRADE_SUCCESS') throw new GatewayFailure('ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
    const refusal = this.o.store.takeFailure(appId, agreementNo);
    if (refusal)
      throw new GatewayFailure(refusal, refusal === 'ACQ.BUYER_BALANCE_NOT_ENOUGH' ? '买家余额不足' : '扣款失败');
    const now = toAlipayTime(this.o.now());
    this.o.trades.createIfAbsent({
      app_id: appId,
      out_trade_no: outTradeNo,
      trade_no: `${now.slice(0, 10).replaceAll('-', '')}22001${digits(15)}`,
      seller_id: sellerId,
      total_amount: amount,
      subject: text(biz.subject).slice(0, 256) || '月捐',
      product_code: 'GENERAL_WITHHOLDING',
      status: 'WAIT_BUYER_PAY',
      notify_url: agreement.notify_url,
      return_url: null,
      time_expire: null,
      gmt_create: now,
      gmt_payment: null,
      notify_attempts: 0,
      last_notify_reply: null,
    });
    this.o.trades.transition(appId, outTradeNo, 'WAIT_BUYER_PAY', 'TRADE_SUCCESS', now);
    const trade = this.o.trades.get(appId, outTradeNo) as FakeTrade;
    if (trade.total_amount !== amount) throw new GatewayFailure('ACQ.CONTEXT_INCONSISTENT', '同一订单号金额不一致');
    this.o.notifyTrade(trade);
    return {
      code: '10000',
      msg: 'Success',
      trade_no: trade.trade_no,
      out_trade_no: outTradeNo,
      total_amount: amount,
      receipt_amount: amount,
      gmt_payment: trade.gmt_payment,
      buyer_logon_id: 'san***@sandbox.example',
    };
  }
}
