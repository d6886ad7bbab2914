import { randomInt } from 'node:crypto';
import { toAlipayTime } from '../alipay/alipay-time.ts';
import { yuanToFen } from '../money.ts';
import { formEncode, type Params, signedGatewayAnswer, signNotify, verifyMerchantRequest } from './alipay-signing.ts';
import { checkoutHtml, resultHtml } from './checkout-page.ts';
import type { FakeAgreementStore } from './fake-alipay-agreement-store.ts';
import { FakeAgreementDesk } from './fake-alipay-agreements.ts';
import { tradeNotifyFields } from './fake-alipay-notify.ts';
import { FakeRefundDesk } from './fake-alipay-refunds.ts';
import type { FakeAlipayStore, FakeRefund, FakeTrade } from './fake-alipay-store.ts';
import { GatewayFailure } from './gateway-failure.ts';
import { buyerCookie, buyerIdSchema, DEFAULT_SANDBOX_BUYER, newBuyerId } from './sandbox-buyer.ts';
import type { SandboxKeys } from './sandbox-keys.ts';

/**
 * A FAKE OF ALIPAY'S SERVER, for the sandbox only. The real Alipay cannot be reached from here, so
 * this plays its part over HTTP: the gateway (`alipay.trade.page.pay`, `.wap.pay`, `.precreate`,
 * `.query`, `.close`) checks the merchant's RSA2 request signature, keeps its own trades
 * (`fake-alipay-store.ts`), renders a checkout page, and on "pay" POSTs a notify signed with the
 * sandbox Alipay private key to the notify_url — our real notify route, which verifies it with
 * alipay-sdk like any notify from Alipay. Refunds (`.refund`, `.fastpay.refund.query`) and their
 * notifies: `fake-alipay-refunds.ts`.
 */
export interface GatewayAnswer {
  status: number;
  contentType: string;
  body: string;
  location?: string;
  /** Keeps the browser's sandbox account (sandbox-buyer.ts). */
  setCookie?: string;
}

/** What the fake reads of the browser at its cashier: the account its cookie names (or none). */
export interface CashierClient {
  buyer: string | null;
}
const NO_CLIENT: CashierClient = { buyer: null };

export interface FakeAlipayOptions {
  keys: SandboxKeys;
  store: FakeAlipayStore;
  /** Public base of the sandbox routes, e.g. `http://127.0.0.1:4321/api/payments/sandbox`. */
  sandboxBaseUrl: string;
  /** notify_url and return_url must point at one of these origins (no open relay). */
  allowedOrigins: string[];
  /** POSTs a notify and returns the reply text; default `fetch`. */
  deliver?: (url: string, body: string) => Promise<string>;
  now?: () => Date;
  /** The fake's 周期扣款 agreements (`fake-alipay-agreements.ts`); none: agreement calls are refused. */
  agreements?: FakeAgreementStore;
}

const PAGE_PRODUCTS: Record<string, string> = {
  'alipay.trade.page.pay': 'FAST_INSTANT_TRADE_PAY',
  'alipay.trade.wap.pay': 'QUICK_WAP_WAY',
};

const html = (status: number, body: string): GatewayAnswer => ({
  status,
  contentType: 'text/html; charset=utf-8',
  body,
});

function digits(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(randomInt(10));
  return out;
}

async function fetchDeliver(url: string, body: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  return (await response.text()).trim();
}

export class FakeAlipayGateway {
  private readonly now: () => Date;
  private readonly deliver: (url: string, body: string) => Promise<string>;
  private readonly refunds: FakeRefundDesk;
  /** Monthly giving's side of the fake: signing page, deductions, unsigning. */
  readonly agreements: FakeAgreementDesk | null;
  /** Notifies sent on their own (refunds), not yet answered. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: FakeAlipayOptions) {
    this.now = options.now ?? (() => new Date());
    this.deliver = options.deliver ?? fetchDeliver;
    this.refunds = new FakeRefundDesk({
      store: options.store,
      now: this.now,
      notify: (trade, fields) => {
        const sent = this.send(trade, this.buildNotify(trade, fields));
        this.inFlight.add(sent);
        void sent.finally(() => this.inFlight.delete(sent));
        return sent;
      },
    });
    this.agreements = options.agreements
      ? new FakeAgreementDesk({
          store: options.agreements,
          trades: options.store,
          now: this.now,
          sandboxBaseUrl: options.sandboxBaseUrl,
          allowedUrl: (url, name) => this.allowedUrl(url, name),
          sendNotify: (url, fields) =>
            this.deliver(url, formEncode(signNotify(fields, this.options.keys.alipayKeys().privateKey))),
          notifyTrade: (trade) => {
            const sent = this.send(trade, this.buildNotify(trade));
            this.inFlight.add(sent);
            void sent.finally(() => this.inFlight.delete(sent));
          },
        })
      : null;
  }

  /** Resolves when every notify sent on its own has been answered (tests wait for Alipay's side). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Delivers a notify and records the merchant's reply (never throws). */
  private async send(trade: FakeTrade, notify: Params): Promise<string> {
    if (!trade.notify_url) return '（没有 notify_url）';
    let reply: string;
    try {
      reply = await this.deliver(trade.notify_url, formEncode(notify));
    } catch (error) {
      reply = `（投递失败：${(error as Error).message}）`;
    }
    this.options.store.recordNotify(trade.app_id, trade.out_trade_no, reply);
    return reply;
  }

  private sign(method: string, body: object): GatewayAnswer {
    return {
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: signedGatewayAnswer(method, body, this.options.keys.alipayKeys().privateKey),
    };
  }

  /** One entry point for every gateway call: URL query and form body merged, as Alipay reads them. */
  gateway(params: Params, client: CashierClient = NO_CLIENT): GatewayAnswer {
    const method = params.method ?? '';
    const isPage = method in PAGE_PRODUCTS || method === 'alipay.user.agreement.page.sign';
    try {
      const merchant = this.options.keys.merchantByAppId(params.app_id ?? '');
      if (!merchant) throw new GatewayFailure('isv.invalid-app-id', '无效的 AppID 参数');
      if (!verifyMerchantRequest(params, merchant.publicKey)) {
        throw new GatewayFailure('isv.invalid-signature', '验签出错，请确认应用私钥与应用公钥是否匹配');
      }
      let biz: Record<string, unknown>;
      try {
        biz = JSON.parse(params.biz_content ?? '{}') as Record<string, unknown>;
      } catch {
        throw new GatewayFailure('isv.invalid-parameter', 'biz_content 不是合法 JSON');
      }
      if (this.agreements?.handles(method, biz)) {
        const answer = this.agreements.call(method, params, biz, merchant.appId, merchant.sellerId);
        return answer.html ? html(answer.html.status, answer.html.body) : this.sign(method, answer.json ?? {});
      }
      const outTradeNo = typeof biz.out_trade_no === 'string' ? biz.out_trade_no : '';
      if (!/^[A-Za-z0-9_]{1,64}$/.test(outTradeNo)) {
        throw new GatewayFailure('isv.invalid-parameter', 'out_trade_no 缺失或格式不正确');
      }
      if (isPage || method === 'alipay.trade.precreate') {
        const trade = this.createTrade(method, params, biz, merchant.appId, merchant.sellerId, outTradeNo);
        if (isPage) return this.cashier(200, trade, merchant.charitySlug, client.buyer);
        return this.sign(method, {
          code: '10000',
          msg: 'Success',
          out_trade_no: outTradeNo,
          qr_code: this.checkoutUrl(merchant.appId, outTradeNo),
        });
      }
      if (method === 'alipay.trade.refund')
        return this.sign(method, this.refunds.refund(merchant.appId, outTradeNo, biz));
      if (method === 'alipay.trade.fastpay.refund.query') {
        return this.sign(method, this.refunds.query(merchant.appId, outTradeNo, biz));
      }
      const trade = this.options.store.get(merchant.appId, outTradeNo);
      if (method === 'alipay.trade.query') {
        if (!trade) throw new GatewayFailure('ACQ.TRADE_NOT_EXIST', '交易不存在');
        return this.sign(method, {
          code: '10000',
          msg: 'Success',
          trade_no: trade.trade_no,
          out_trade_no: trade.out_trade_no,
          buyer_logon_id: 'san***@sandbox.example',
          trade_status: trade.status,
          total_amount: trade.total_amount,
          ...(trade.gmt_payment ? { send_pay_date: trade.gmt_payment, buyer_pay_amount: trade.total_amount } : {}),
        });
      }
      if (method === 'alipay.trade.close') {
        if (!trade) throw new GatewayFailure('ACQ.TRADE_NOT_EXIST', '交易不存在');
        if (!this.options.store.transition(trade.app_id, outTradeNo, 'WAIT_BUYER_PAY', 'TRADE_CLOSED')) {
          if (trade.status !== 'TRADE_CLOSED') throw new GatewayFailure('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
        }
        return this.sign(method, { code: '10000', msg: 'Success', trade_no: trade.trade_no, out_trade_no: outTradeNo });
      }
      throw new GatewayFailure('isv.invalid-method', `沙箱不支持的接口：${method || '（缺少 method）'}`);
    } catch (error) {
      if (!(error instanceof GatewayFailure)) throw error;
      if (isPage) return html(400, resultHtml('支付请求无效', `${error.subCode}：${error.subMsg}`, null));
      const business = error.subCode.startsWith('ACQ.') || error.subCode.startsWith('USER_');
      return this.sign(method || 'error', {
        code: business ? '40004' : '40002',
        msg: business ? 'Business Failed' : 'Invalid Arguments',
        sub_code: error.subCode,
        sub_msg: error.subMsg,
      });
    }
  }

  private allowedUrl(url: string | undefined, name: string): string | null {
    if (!url) return null;
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      throw new GatewayFailure('isv.invalid-parameter', `${name} 不是合法地址`);
    }
    if (!this.options.allowedOrigins.includes(origin)) {
      throw new GatewayFailure('isv.invalid-parameter', `${name} 不在沙箱允许的站点内：${origin}`);
    }
    return url;
  }

  private createTrade(
    method: string,
    params: Params,
    biz: Record<string, unknown>,
    appId: string,
    sellerId: string,
    outTradeNo: string,
  ): FakeTrade {
    const totalAmount = typeof biz.total_amount === 'string' ? biz.total_amount : '';
    const fen = yuanToFen(totalAmount);
    if (fen === null || fen < 1) throw new GatewayFailure('isv.invalid-parameter', 'total_amount 格式不正确');
    const subject = typeof biz.subject === 'string' ? biz.subject.trim() : '';
    if (!subject || subject.length > 256) throw new GatewayFailure('isv.invalid-parameter', 'subject 缺失或过长');
    const product = PAGE_PRODUCTS[method];
    if (product && biz.product_code !== product) {
      throw new GatewayFailure('isv.invalid-parameter', `product_code 应为 ${product}`);
    }
    const timeExpire = typeof biz.time_expire === 'string' ? biz.time_expire : null;
    if (timeExpire && timeExpire < toAlipayTime(this.now()))
      throw new GatewayFailure('ACQ.TRADE_HAS_CLOSE', '交易已关闭');
    const now = this.now();
    const trade = this.options.store.createIfAbsent({
      app_id: appId,
      out_trade_no: outTradeNo,
      trade_no: `${toAlipayTime(now).slice(0, 10).replaceAll('-', '')}22001${digits(15)}`,
      seller_id: sellerId,
      total_amount: totalAmount,
      subject,
      product_code: product ?? 'FACE_TO_FACE_PAYMENT',
      status: 'WAIT_BUYER_PAY',
      notify_url: this.allowedUrl(params.notify_url, 'notify_url'),
      return_url: this.allowedUrl(params.return_url, 'return_url'),
      time_expire: timeExpire,
      gmt_create: toAlipayTime(now),
      gmt_payment: null,
      notify_attempts: 0,
      last_notify_reply: null,
    });
    if (trade.total_amount !== totalAmount) {
      throw new GatewayFailure('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改：同一订单号金额不一致');
    }
    return trade;
  }

  /** The fake's record of a trade (tests look at "Alipay's side" through this). */
  findTrade(appId: string, outTradeNo: string): FakeTrade | null {
    return this.options.store.get(appId, outTradeNo);
  }

  /** The fake's record of a trade's refunds. */
  findRefunds(appId: string, outTradeNo: string): FakeRefund[] {
    return this.options.store.refunds(appId, outTradeNo);
  }

  checkoutUrl(appId: string, outTradeNo: string): string {
    return `${this.options.sandboxBaseUrl}/checkout?${formEncode({ app_id: appId, out_trade_no: outTradeNo })}`;
  }

  /**
   * The cashier page, offering the browser's account — or a fresh one, which the answer's cookie
   * then keeps for this browser (sandbox-buyer.ts).
   */
  private cashier(
    status: number,
    trade: FakeTrade,
    merchantLabel: string,
    buyer: string | null,
    error?: string,
  ): GatewayAnswer {
    const id = buyer ?? newBuyerId();
    return {
      ...html(status, checkoutHtml(trade, `${this.options.sandboxBaseUrl}/pay`, merchantLabel, { id, error })),
      ...(buyer === null ? { setCookie: buyerCookie(id, this.options.sandboxBaseUrl) } : {}),
    };
  }

  /** The checkout page for a trade the gateway already knows (the QR code's target). */
  checkout(appId: string, outTradeNo: string, client: CashierClient = NO_CLIENT): GatewayAnswer {
    const trade = this.options.store.get(appId, outTradeNo);
    if (!trade) return html(404, resultHtml('找不到这笔沙箱交易', '二维码已失效或订单号有误。', null));
    const merchant = this.options.keys.merchantByAppId(appId);
    return this.cashier(200, trade, merchant?.charitySlug ?? appId, client.buyer);
  }

  /**
   * The buyer's choice on the checkout page. `buyer_id` is the account that pays (checked; a bad
   * one shows the cashier again with the reason, nothing paid) and is kept as the browser's; a
   * form without it (scripts) pays as the browser's account, else the sandbox's old fixed one.
   */
  async submit(form: Params, client: CashierClient = NO_CLIENT): Promise<GatewayAnswer> {
    const appId = form.app_id ?? '';
    const outTradeNo = form.out_trade_no ?? '';
    const trade = this.options.store.get(appId, outTradeNo);
    if (!trade) return html(404, resultHtml('找不到这笔沙箱交易', '订单号有误。', null));
    if (form.action === 'cancel') {
      return html(200, resultHtml('已取消', '您没有付款。可以返回捐赠页面重新选择。', trade.return_url));
    }
    if (form.action !== 'pay') return html(400, resultHtml('操作无效', '请在收银台选择付款或取消。', null));
    let buyerId = client.buyer ?? DEFAULT_SANDBOX_BUYER;
    if (form.buyer_id !== undefined) {
      const parsed = buyerIdSchema.safeParse(form.buyer_id);
      if (!parsed.success) {
        const label = this.options.keys.merchantByAppId(appId)?.charitySlug ?? appId;
        // The typed account shown again with the reason (no cookie: it is not one).
        return this.cashier(400, trade, label, form.buyer_id.slice(0, 32), parsed.error.issues[0]?.message);
      }
      buyerId = parsed.data;
    }
    const { reply } = await this.pay(appId, outTradeNo, buyerId);
    const ok = reply === 'success';
    return {
      ...html(
        200,
        resultHtml(
          ok ? '沙箱付款成功' : '沙箱付款已完成，通知未确认',
          ok
            ? '捐赠已记入账本。这是沙箱支付，没有产生真实扣款。'
            : `商户未确认支付通知（回复：${reply}）。对账任务会通过交易查询补记。`,
          trade.return_url,
        ),
      ),
      // The account chosen becomes this browser's: its next gifts are the same donor's.
      ...(form.buyer_id !== undefined && buyerId !== client.buyer
        ? { setCookie: buyerCookie(buyerId, this.options.sandboxBaseUrl) }
        : {}),
    };
  }

  /**
   * Marks the trade paid (if still waiting) by `buyerId` and sends the notify; returns what the
   * merchant replied.
   */
  async pay(
    appId: string,
    outTradeNo: string,
    buyerId: string = DEFAULT_SANDBOX_BUYER,
  ): Promise<{ notify: Params; reply: string }> {
    const before = this.options.store.get(appId, outTradeNo);
    if (!before) throw new Error(`沙箱中没有交易 ${appId}/${outTradeNo}`);
    if (before.time_expire && before.time_expire < toAlipayTime(this.now()) && before.status === 'WAIT_BUYER_PAY') {
      this.options.store.transition(appId, outTradeNo, 'WAIT_BUYER_PAY', 'TRADE_CLOSED');
    } else {
      this.options.store.transition(
        appId,
        outTradeNo,
        'WAIT_BUYER_PAY',
        'TRADE_SUCCESS',
        toAlipayTime(this.now()),
        buyerId,
      );
    }
    const trade = this.options.store.get(appId, outTradeNo) as FakeTrade;
    const notify = this.buildNotify(trade);
    return { notify, reply: await this.send(trade, notify) };
  }

  /** A refund made outside our API (Alipay's merchant console): see `FakeRefundDesk.refundAsMerchant`. */
  refundAsMerchant(appId: string, outTradeNo: string, refund: { amountFen: number; outRequestNo: string }) {
    return this.refunds.refundAsMerchant(appId, outTradeNo, refund);
  }

  /** A notify for the trade as it stands, signed like Alipay's; `overrides` are applied before signing. */
  buildNotify(trade: FakeTrade, overrides: Params = {}): Params {
    return signNotify(tradeNotifyFields(trade, this.now(), overrides), this.options.keys.alipayKeys().privateKey);
  }
}
