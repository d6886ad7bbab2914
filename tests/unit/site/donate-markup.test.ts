import { describe, expect, it } from 'vitest';
import { defaultChannel } from '../../../site/islands/default-channel.ts';
import type { CreatedDonation } from '../../../site/islands/donate-flow.ts';
import { confirmHtml, donateFormHtml, qrStepHtml, safeHttpUrl } from '../../../site/islands/donate-markup.ts';
import type { DonationFormValues } from '../../../site/islands/donation-request.ts';

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

describe('donate form markup', () => {
  it('groups presets, anonymity, receipt and channel in fieldsets with legends and labelled controls', () => {
    const out = donateFormHtml({ id: 'd1', bounds: { minFen: 100, maxFen: 5_000_000 }, channel: 'wap' }).value;
    for (const legend of ['捐赠金额', '是否公开您的名字', '公益事业捐赠票据', '支付方式（支付宝）']) {
      expect(out).toContain(`<legend>${legend}</legend>`);
    }
    for (const yuan of [10, 50, 100, 200]) expect(out).toContain(`<span>${yuan} 元</span>`);
    expect(out).toContain('id="d1-channel-wap" name="channel" value="wap" checked');
    expect(out).not.toContain('id="d1-channel-page" name="channel" value="page" checked');
    expect(out).toContain('单笔 1.00 元至 50,000.00 元');
    // Every input has a label pointing at it.
    const ids = [...out.matchAll(/<(?:input|select)[^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(out).toContain(`for="${id}"`);
    expect(out).toContain('role="alert"');
    expect(out).not.toContain('targetGroup');
  });

  it('offers 帮扶对象 for a cause-donation, escaped', () => {
    const out = donateFormHtml({
      id: 'd2',
      bounds: { minFen: 100, maxFen: 200 },
      channel: 'page',
      pool: { groups: [{ value: 'minors', label: '困境<未成年人>' }], regionName: '贵州省' },
    }).value;
    expect(out).toContain('<option value="minors">困境&lt;未成年人&gt;</option>');
    expect(out).toContain('善款用于贵州省。');
  });
});

describe('confirm and QR steps', () => {
  it('names the project and the charity that is paid, escapes everything, and links to the cashier', () => {
    const out = confirmHtml('d1', created(), values).value;
    expect(out).toContain('善款直接进入某某慈善会的账户，本站不经手。');
    expect(out).toContain('乡村&lt;script&gt;');
    expect(out).toContain('&lt;b&gt;小明&lt;/b&gt;');
    expect(out).toContain('50.00 元');
    expect(out).toContain('href="http://127.0.0.1:4321/api/payments/sandbox/gateway?a=1&amp;b=2"');
    expect(out).toContain('这是沙箱支付');
    expect(out).toContain('/donations/result/?id=0b7c2a3e-1f4d-4c5b-9a8e-2d3c4b5a6f70');
    expect(out).not.toContain('选择理由');
  });

  it("shows a cause-donation's routed project and the API's reason", () => {
    const out = confirmHtml('d1', created({ routing: { reason: '位于国家乡村振兴重点帮扶县' } }), values).value;
    expect(out).toContain('系统为您选择了项目：<a href="/projects/p-1/">');
    expect(out).toContain('选择理由：位于国家乡村振兴重点帮扶县');
  });

  it('never puts a non-http pay URL in a link', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('https://openapi.alipay.com/gateway.do?x=1')).toBe('https://openapi.alipay.com/gateway.do?x=1');
    const out = confirmHtml(
      'd1',
      created({ pay: { kind: 'redirect', url: 'javascript:alert(1)', sandbox: false, expiresAt: 'x' } }),
      values,
    ).value;
    expect(out).not.toContain('javascript:');
    expect(out).toContain('支付链接无效');
  });

  it('offers the QR payload for 扫码 payments', () => {
    const qr = created({ pay: { kind: 'qr', qrCode: 'https://qr.alipay.com/bax0"1', sandbox: false, expiresAt: 'x' } });
    expect(confirmHtml('d1', qr, { ...values, channel: 'qr' }).value).toContain('data-action="show-qr"');
    if (qr.pay.kind !== 'qr') throw new Error('qr');
    const out = qrStepHtml('d1', { ...qr, pay: qr.pay }).value;
    expect(out).toContain('value="https://qr.alipay.com/bax0&quot;1"');
    expect(out).toContain('我已付款，查看捐赠结果');
  });
});

describe('default payment channel', () => {
  it('is the mobile cashier on a touch phone and the desktop cashier elsewhere, never 扫码', () => {
    expect(defaultChannel({ coarsePointer: true, narrowScreen: true })).toBe('wap');
    expect(defaultChannel({ coarsePointer: true, narrowScreen: false })).toBe('page');
    expect(defaultChannel({ coarsePointer: false, narrowScreen: true })).toBe('page');
  });
});
