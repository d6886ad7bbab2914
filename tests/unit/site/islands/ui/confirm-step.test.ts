import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreatedDonation } from '../../../../../site/islands/donate-flow.ts';
import type { DonationFormValues } from '../../../../../site/islands/donation-request.ts';
import { ConfirmStep, type QrDonation, QrStep } from '../../../../../site/islands/ui/confirm-step.tsx';

const values: DonationFormValues = {
  amount: '5000',
  customYuan: '',
  anonymous: 'no',
  displayName: '<b>小明</b>',
  receipt: 'wanted',
  receiptName: '张某',
  receiptTaxId: '',
  receiptEmail: '',
  channel: 'page',
  targetGroup: '',
};

const created = (over: Partial<CreatedDonation> = {}): CreatedDonation => ({
  donationId: '0b7c2a3e-1f4d-4c5b-9a8e-2d3c4b5a6f70',
  outTradeNo: 'XJ20261127ABC',
  project: { slug: 'p-1', title: '乡村<script>', charity: { slug: 'c-1', name: '某某慈善会' } },
  amountFen: 5000,
  pay: {
    kind: 'redirect',
    url: 'http://127.0.0.1:4321/api/payments/sandbox/gateway?a=1&b=2',
    sandbox: true,
    expiresAt: '2026-11-27T10:30:00.000Z',
  },
  ...over,
});

// A real PNG data URL is long; the form is what matters here (checked by donate-flow.ts).
const IMAGE = 'data:image/png;base64,iVBORw0KGgo=';

const confirm = (c: CreatedDonation, v: DonationFormValues = values) =>
  renderToStaticMarkup(
    createElement(ConfirmStep, { idPrefix: 'd1', created: c, values: v, onEdit: () => {}, onShowQr: () => {} }),
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('confirm and QR steps', () => {
  it('names the project and the charity that is paid, escapes everything, and links to the cashier', () => {
    const out = confirm(created());
    expect(out).toContain('善款直接进入某某慈善会的账户，本站不经手。');
    expect(out).toContain('乡村&lt;script&gt;');
    expect(out).toContain('&lt;b&gt;小明&lt;/b&gt;');
    expect(out).toContain('<data value="5000">50.00 元</data>');
    expect(out).toContain('href="http://127.0.0.1:4321/api/payments/sandbox/gateway?a=1&amp;b=2"');
    expect(out).toContain('这是沙箱支付');
    expect(out).toContain('/donations/result/?id=0b7c2a3e-1f4d-4c5b-9a8e-2d3c4b5a6f70');
    expect(out).toContain('<h3 id="d1-confirm-heading" tabindex="-1">请核对捐赠信息</h3>');
    expect(out).not.toContain('选择理由');
    expect(out).not.toContain('微信');
  });

  it("shows a cause-donation's routed project and the API's reason", () => {
    const out = confirm(created({ routing: { reason: '位于国家乡村振兴重点帮扶县' } }));
    expect(out).toContain('系统为您选择了项目：<a href="/projects/p-1/">');
    expect(out).toContain('选择理由：位于国家乡村振兴重点帮扶县');
  });

  it('never puts a non-http pay URL in a link', () => {
    const out = confirm(
      created({ pay: { kind: 'redirect', url: 'javascript:alert(1)', sandbox: false, expiresAt: 'x' } }),
    );
    expect(out).not.toContain('javascript:');
    expect(out).toContain('支付链接无效');
  });

  it('offers the QR payload for 扫码 payments', () => {
    const qr = created({ pay: { kind: 'qr', qrCode: 'https://qr.alipay.com/bax0"1', sandbox: false, expiresAt: 'x' } });
    expect(confirm(qr, { ...values, channel: 'qr' })).toContain('确认，显示付款码');
    const out = renderToStaticMarkup(createElement(QrStep, { idPrefix: 'd1', created: qr as QrDonation }));
    expect(out).toContain('value="https://qr.alipay.com/bax0&quot;1"');
    expect(out).toContain('我已付款，查看捐赠结果');
    expect(out).not.toContain('<img');
  });

  it("shows the API's QR image for 扫码, with the payload and its link as the fallback", () => {
    const qrCode = 'https://qr.alipay.com/bax01';
    const qr = created({ pay: { kind: 'qr', qrCode, qrImage: IMAGE, sandbox: false, expiresAt: 'x' } });
    const out = renderToStaticMarkup(createElement(QrStep, { idPrefix: 'd1', created: qr as QrDonation }));
    expect(out).toContain(`<img class="pay-qr__image" src="${IMAGE}" alt="支付宝付款二维码"`);
    expect(out).toContain('用“扫一扫”扫描二维码付款');
    expect(out).toContain(`value="${qrCode}"`);
    expect(out).toContain(`href="${qrCode}"`);
    expect(out).not.toContain('微信');
  });

  describe('inside WeChat, which does not open Alipay', () => {
    beforeEach(() => {
      vi.stubGlobal('navigator', {
        userAgent: 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/116 Mobile MicroMessenger/8.0.47',
      });
    });

    it('offers the way to the browser and the QR image of the cashier link instead of the link', () => {
      const out = confirm(created({ pay: { ...created().pay, qrImage: IMAGE } as CreatedDonation['pay'] }));
      expect(out).toContain('在浏览器打开');
      expect(out).toContain('<dialog');
      expect(out).toContain(`src="${IMAGE}"`);
      expect(out).toContain('value="http://127.0.0.1:4321/api/payments/sandbox/gateway?a=1&amp;b=2"');
      expect(out).not.toContain('<a class="button" href=');
      expect(out).not.toContain('前往支付宝付款');
    });

    it('never links to the 扫码 payload, which WeChat would block too', () => {
      const qrCode = 'https://qr.alipay.com/bax01';
      const qr = created({ pay: { kind: 'qr', qrCode, qrImage: IMAGE, sandbox: false, expiresAt: 'x' } });
      const out = renderToStaticMarkup(createElement(QrStep, { idPrefix: 'd1', created: qr as QrDonation }));
      expect(out).toContain(`src="${IMAGE}"`);
      expect(out).toContain('长按保存图片');
      expect(out).toContain('在浏览器打开');
      expect(out).not.toContain(`href="${qrCode}"`);
    });
  });
});
