import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkoutHtml, resultHtml, SANDBOX_NOTICE } from '../../../../donations/sandbox/checkout-page.ts';
import type { FakeTrade } from '../../../../donations/sandbox/fake-alipay-store.ts';

describe('the sandbox pages', () => {
  const html = resultHtml('沙箱付款成功', '捐赠已记入账本。<script>', '/donations/result/?id=1');

  it('name the site icon, so a browser does not ask for /favicon.ico (a 404 in the console)', () => {
    const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
    expect(icon).toBe('/favicon.svg');
    expect(existsSync(fileURLToPath(new URL(`../../../../site/public${icon}`, import.meta.url)))).toBe(true);
  });

  it('say it is the sandbox and escape what they show', () => {
    expect(html).toContain(SANDBOX_NOTICE);
    expect(html).not.toContain('<script>');
  });

  const trade: FakeTrade = {
    app_id: '9021000000000001',
    out_trade_no: 'XJ1',
    trade_no: 'T1',
    seller_id: '2088000000000009',
    total_amount: '10.00',
    subject: '项目',
    product_code: 'FAST_INSTANT_TRADE_PAY',
    status: 'WAIT_BUYER_PAY',
    notify_url: null,
    return_url: null,
    time_expire: null,
    gmt_create: '2026-02-15 12:00:00',
    gmt_payment: null,
    notify_attempts: 0,
    last_notify_reply: null,
  };

  it("offer the browser's paying account in a labelled field, and say why a typed one was refused", () => {
    const page = checkoutHtml(trade, '/pay', '慈善会', { id: '2088000000000001' });
    expect(page).toMatch(/<label for="buyer_id">付款账号/);
    expect(page).toContain('name="buyer_id" value="2088000000000001"');
    expect(page).not.toContain('aria-invalid');
    const refused = checkoutHtml(trade, '/pay', '慈善会', { id: '"><b>', error: '付款账号应为 2088 开头的 16 位数字' });
    expect(refused).toContain('aria-invalid="true"');
    expect(refused).toContain('role="alert">付款账号应为 2088 开头的 16 位数字');
    expect(refused).not.toContain('"><b>');
  });
});
