import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreatedPlan } from '../../../../../site/islands/donate-flow.ts';
import { MonthlyStep } from '../../../../../site/islands/ui/monthly-step.tsx';

const SIGN = 'http://127.0.0.1:4321/api/payments/sandbox/gateway?method=alipay.user.agreement.page.sign&a=1';
// A real PNG data URL is long; the form is what matters here (checked by donate-flow.ts).
const IMAGE = 'data:image/png;base64,iVBORw0KGgo=';
const WECHAT = 'Mozilla/5.0 (Linux; Android 13) Chrome/116 Mobile MicroMessenger/8.0.47';

const plan = (pay: CreatedPlan['pay']): CreatedPlan => ({
  planId: '0b7c2a3e-1f4d-4c5b-9a8e-2d3c4b5a6f70',
  project: { slug: 'p-1', title: '乡村助学', charity: { slug: 'c-1', name: '某某慈善会' } },
  amountFen: 3000,
  monthly: {
    dayOfMonth: 16,
    onProjectEnd: 'continue',
    firstChargeOn: '2026-12-16',
    manageUrl: `http://127.0.0.1:4321/monthly/manage/#${'a'.repeat(43)}`,
  },
  pay,
});

const render = (c: CreatedPlan) =>
  renderToStaticMarkup(createElement(MonthlyStep, { idPrefix: 'd1', created: c, onEdit: () => {} }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the monthly signing step', () => {
  const redirect = { kind: 'redirect' as const, url: SIGN, sandbox: true, expiresAt: '2026-12-16T00:00:00.000Z' };

  it('links to Alipay’s signing page in an ordinary browser', () => {
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Chrome/120 Mobile' });
    const out = render(plan(redirect));
    expect(out).toContain(
      'href="http://127.0.0.1:4321/api/payments/sandbox/gateway?method=alipay.user.agreement.page.sign&amp;a=1"',
    );
    expect(out).toContain('前往支付宝开通扣款');
    expect(out).not.toContain('data-wechat');
  });

  it('inside WeChat: no link into Alipay, the guide out, the QR image and the link as text', () => {
    vi.stubGlobal('navigator', { userAgent: WECHAT });
    const out = render(plan({ ...redirect, qrImage: IMAGE }));
    expect(out).not.toContain('前往支付宝开通扣款');
    expect(out).not.toMatch(/<a [^>]*href="[^"]*\/api\/payments\//);
    expect(out).toContain('data-wechat');
    expect(out).toContain('在浏览器打开');
    expect(out).toContain(`src="${IMAGE}"`);
    expect(out).toContain('开通链接（可复制到手机浏览器中打开）');
    expect(out).toMatch(
      /<input[^>]*readOnly=""[^>]*value="http:\/\/127\.0\.0\.1:4321\/api\/payments\/sandbox\/gateway\?method=alipay\.user\.agreement\.page\.sign&amp;a=1"/i,
    );
    // The private management link is ours, not Alipay's: it stays a link.
    expect(out).toContain('href="http://127.0.0.1:4321/monthly/manage/#');
  });

  it('扫码 inside WeChat: the QR image once, no link into Alipay', () => {
    vi.stubGlobal('navigator', { userAgent: WECHAT });
    const out = render(
      plan({ kind: 'qr', qrCode: SIGN, sandbox: true, expiresAt: redirect.expiresAt, qrImage: IMAGE }),
    );
    expect(out.match(/data-pay-qr/g)?.length).toBe(1);
    expect(out).not.toMatch(/<a [^>]*href="[^"]*\/api\/payments\//);
  });
});
