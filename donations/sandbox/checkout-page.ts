import { escapeHtml } from '../../content/index.ts';
import { SANDBOX_PAGE_STYLE } from './checkout-style.ts';
import type { FakeTrade } from './fake-alipay-store.ts';

/**
 * The sandbox's checkout page, standing in for Alipay's cashier. It says plainly, first, that it
 * is a sandbox and that no money moves.
 */
export const SANDBOX_NOTICE = '这是沙箱支付，不会产生真实扣款';

/** A page of the sandbox (checkout, signing), with the notice first. */
export function sandboxPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<title>${escapeHtml(title)} · 沙箱支付</title>
<style>${SANDBOX_PAGE_STYLE}</style>
</head>
<body><main>
<p class="notice" role="note">${SANDBOX_NOTICE}</p>
${body}
</main></body></html>`;
}

/** The paying account the cashier offers (sandbox-buyer.ts), and why the last one typed was refused. */
export interface CashierBuyer {
  id: string;
  error?: string;
}

export function checkoutHtml(trade: FakeTrade, actionUrl: string, merchantLabel: string, buyer: CashierBuyer): string {
  const open = trade.status === 'WAIT_BUYER_PAY';
  const statusText: Record<FakeTrade['status'], string> = {
    WAIT_BUYER_PAY: '等待付款',
    TRADE_SUCCESS: '已付款',
    TRADE_FINISHED: '已完结',
    TRADE_CLOSED: '已关闭',
  };
  const hidden = `<input type="hidden" name="app_id" value="${escapeHtml(trade.app_id)}">
<input type="hidden" name="out_trade_no" value="${escapeHtml(trade.out_trade_no)}">`;
  return sandboxPage(
    '确认付款',
    `<h1>沙箱收银台</h1>
<dl>
<dt>收款方</dt><dd>${escapeHtml(merchantLabel)}（沙箱商户 ${escapeHtml(trade.app_id)}）</dd>
<dt>商品</dt><dd>${escapeHtml(trade.subject)}</dd>
<dt>金额</dt><dd><strong>${escapeHtml(trade.total_amount)} 元</strong></dd>
<dt>订单号</dt><dd>${escapeHtml(trade.out_trade_no)}</dd>
<dt>状态</dt><dd>${statusText[trade.status]}</dd>
</dl>
${
  open
    ? `<form method="post" action="${escapeHtml(actionUrl)}">${hidden}
<button class="pay" type="submit" name="action" value="pay">确认付款（沙箱，不扣款）</button>
<button class="cancel" type="submit" name="action" value="cancel">取消</button>
${buyerField(buyer)}
</form>`
    : trade.return_url
      ? `<p><a class="button" href="${escapeHtml(trade.return_url)}">返回捐赠页面</a></p>`
      : ''
}`,
  );
}

/**
 * 付款账号: who pays, as Alipay's 2088… user id. The browser's own account by default; another
 * one plays another donor (配捐's per-donor cap counts by it). No `pattern`/`required`: the
 * server checks it and says why in the page, the same with or without the browser's help. Under
 * the buttons: a donor who does not care about it reaches 确认付款 on a phone's first screen.
 */
function buyerField(buyer: CashierBuyer): string {
  const error = buyer.error ? `<p class="error" id="buyer-error" role="alert">${escapeHtml(buyer.error)}</p>` : '';
  return `<p><label for="buyer_id">付款账号（沙箱支付宝用户号）</label><br>
<input id="buyer_id" name="buyer_id" value="${escapeHtml(buyer.id)}" inputmode="numeric" autocomplete="off"
 maxlength="16" aria-describedby="buyer-hint${buyer.error ? ' buyer-error' : ''}"${buyer.error ? ' aria-invalid="true"' : ''}></p>
${error}<p class="hint" id="buyer-hint">同一账号的捐款算作同一位捐赠人（配捐的“每人每日上限”按它计算）。改成另一个 2088 开头的 16 位数字，可以模拟另一位捐赠人；本浏览器会记住最近一次使用的账号。</p>`;
}

export function resultHtml(title: string, message: string, returnUrl: string | null): string {
  return sandboxPage(
    title,
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${
      returnUrl ? `<p><a class="button" href="${escapeHtml(returnUrl)}">返回捐赠页面</a></p>` : ''
    }`,
  );
}
