import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type Harness, postJson, startHarness } from '../../../support/donations/harness.ts';
import { matchingSnapshot, matchPool } from '../../../support/fixtures/matching.ts';

/**
 * The per-donor 配捐 cap as testers meet it through the sandbox's cashier (the FAKE ALIPAY
 * standing in for Alipay's cashier and its notifies): each browser pays as its own pseudo Alipay
 * account (a cookie), the cashier's field may change it, and the signed notify names that account
 * as `buyer_id`. Two browsers are two donors, each matched under their own cap; one browser's
 * second gift the same day is not matched. Over HTTP only: the donate API, the cashier page, its
 * pay form and the real notify route. The clock stands at 2026-02-15, inside the campaign.
 */
describe.each(BACKENDS)('sandbox buyers and the per-donor cap on $name', ({ name, skip }) => {
  let h: Harness;
  beforeAll(async () => {
    // 1:1, at most 10 元 per gift and 10 元 per donor a day; room for many gifts otherwise.
    if (!skip) {
      h = await startHarness(name, {
        snapshot: matchingSnapshot([matchPool({ capPerGiftFen: 1_000, capPerDonorDayFen: 1_000 })]),
      });
    }
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  /** A browser: keeps the cookies the sandbox sets, as Chromium would for its paths. */
  class Browser {
    cookie: string | null = null;
    private keep(response: Response) {
      const set = response.headers.get('set-cookie');
      if (set) this.cookie = set.split(';')[0] ?? null;
    }
    async get(url: string) {
      const response = await fetch(url, { headers: this.cookie ? { cookie: this.cookie } : {} });
      this.keep(response);
      return { status: response.status, html: await response.text() };
    }
    async post(url: string, fields: Record<string, string>) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(this.cookie ? { cookie: this.cookie } : {}),
        },
        body: new URLSearchParams(fields).toString(),
      });
      this.keep(response);
      return { status: response.status, html: await response.text() };
    }
  }

  /** The account the cashier's field offers. */
  const offered = (html: string) => /<input id="buyer_id" name="buyer_id" value="([^"]*)"/.exec(html)?.[1] ?? '';

  /** A 10 元 gift from `browser`: donate → cashier → pay as `account` (default: what is offered). */
  async function give(browser: Browser, account?: (offered: string) => string) {
    const created = await postJson(`${h.url}/api/donations`, {
      projectSlug: 'minxian-zhuxue',
      amountFen: 1_000,
      channel: 'page',
      anonymous: true,
    });
    expect(created.status, created.text).toBe(201);
    const { donationId, pay } = created.json as unknown as { donationId: string; pay: { url: string } };
    const cashier = await browser.get(pay.url);
    expect(cashier.status).toBe(200);
    const shown = offered(cashier.html);
    const url = new URL(pay.url);
    const form = {
      app_id: url.searchParams.get('app_id') ?? '',
      out_trade_no: JSON.parse(url.searchParams.get('biz_content') ?? '{}').out_trade_no,
      action: 'pay',
      buyer_id: account ? account(shown) : shown,
    };
    const paid = await browser.post(`${h.url}/api/payments/sandbox/pay`, form);
    const status = (await (await fetch(`${h.url}/api/donations/${donationId}`)).json()) as {
      status: string;
      match?: { amountFen: number; limitedBy: string };
    };
    return { shown, paid, status, form };
  }

  it.skipIf(skip)('two browsers are two donors, each matched; one browser over its cap is not', async () => {
    const first = new Browser();
    const second = new Browser();
    const a1 = await give(first);
    const b1 = await give(second);
    const a2 = await give(first);
    // Each browser gets its own account, kept between its gifts.
    expect(a1.shown).toMatch(/^2088\d{12}$/);
    expect(b1.shown).toMatch(/^2088\d{12}$/);
    expect(b1.shown).not.toBe(a1.shown);
    expect(a2.shown).toBe(a1.shown);
    for (const gift of [a1, b1, a2]) {
      expect(gift.paid.html).toContain('沙箱付款成功');
      expect(gift.status.status).toBe('paid');
    }
    expect(a1.status.match?.amountFen).toBe(1_000);
    expect(b1.status.match?.amountFen).toBe(1_000);
    expect(a2.status.match).toMatchObject({ amountFen: 0, limitedBy: 'donor-cap' });
  });

  it.skipIf(skip)('the cashier field plays another donor, whom the browser then keeps', async () => {
    const browser = new Browser();
    const first = await give(browser);
    expect(first.status.match?.amountFen).toBe(1_000);
    // Over the cap as the browser's own account; as another account, matched again.
    const other = '2088000000000777';
    const switched = await give(browser, () => other);
    expect(switched.status.match?.amountFen).toBe(1_000);
    const next = await give(browser);
    expect(next.shown).toBe(other);
    expect(next.status.match).toMatchObject({ amountFen: 0, limitedBy: 'donor-cap' });
  });

  it.skipIf(skip)('refuses an account that is not one, showing why and paying nothing', async () => {
    const browser = new Browser();
    const before = browser.cookie;
    const refused = await give(browser, () => '1234<b>');
    expect(refused.paid.status).toBe(400);
    expect(refused.paid.html).toContain('付款账号应为 2088 开头的 16 位数字');
    expect(refused.paid.html).toContain('aria-invalid="true"');
    expect(refused.paid.html).not.toContain('<b>');
    expect(refused.status.status).toBe('pending');
    // The browser keeps the account it had (set by the cashier page), not the refused one.
    expect(browser.cookie).not.toBe(before);
    expect(browser.cookie).toMatch(/^xj_sandbox_buyer=2088\d{12}$/);
    // The same order can still be paid with a proper account.
    const paid = await browser.post(`${h.url}/api/payments/sandbox/pay`, { ...refused.form, buyer_id: refused.shown });
    expect(paid.html).toContain('沙箱付款成功');
  });
});
