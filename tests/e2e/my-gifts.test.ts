import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { describe, expect, inject, it } from 'vitest';
import { siteBrowser } from '../support/e2e/site-browser.ts';
import { pdfText } from '../support/pdf-text.ts';

/**
 * After the gift (issue 16), in Chromium over the built e2e site served like a release: pay a
 * gift in the sandbox, close that browser context, then on a "new device" (a fresh context) find
 * it on /my/ by the Alipay trade number + amount, see its project, disclosures, chart and receipt
 * status, download the 凭证 PDF and open its /verify/ link (rendered by the portal). With
 * XIANJIE_LOOK_DIR set it also saves screenshots (360 px, 1366 px, 长辈模式, WeChat).
 */
const ledgerPath = inject('ledgerPath');
const site = siteBrowser();
const { baseUrl } = site;
const LOOK = process.env.XIANJIE_LOOK_DIR;
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47';

function orderOf(outTradeNo: string): { trade_no: string; amount_fen: number; charity_slug: string } {
  const db = new Database(ledgerPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('select trade_no, amount_fen, charity_slug from orders where out_trade_no = ?')
      .get(outTradeNo) as { trade_no: string; amount_fen: number; charity_slug: string };
  } finally {
    db.close();
  }
}

async function axe(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

async function look(p: Page, name: string): Promise<void> {
  if (!LOOK) return;
  await mkdir(LOOK, { recursive: true });
  await p.screenshot({ path: join(LOOK, `${name}.png`), fullPage: true });
}

describe('我的捐赠: a gift found again on another device', () => {
  it('pays, then finds the gift by trade number + amount, reads where the money went, downloads and verifies the 凭证', async () => {
    // Device one: give 10 元 with a receipt request, pay in the sandbox.
    const first = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await first.newPage();
    await page.goto(`${baseUrl}${site.urls['project accepting donations']}`);
    const donate = page.locator('#donate');
    await expect.poll(() => donate.getByText('在线捐赠需要启用').isVisible()).toBe(false);
    await donate.getByRole('radio', { name: '10 元' }).check();
    await donate.getByRole('radio', { name: '需要票据', exact: true }).check();
    await donate.getByLabel('票据抬头（个人姓名或单位名称）').fill('林某某');
    await donate.getByRole('button', { name: '下一步：核对捐赠信息' }).click();
    await donate.getByRole('heading', { name: '请核对捐赠信息' }).waitFor();
    await donate.getByRole('link', { name: '确认，前往支付宝付款' }).click();
    await page.getByRole('button', { name: '确认付款（沙箱，不扣款）' }).click();
    await page.getByRole('link', { name: '返回捐赠页面' }).click();
    const result = page.locator('#donation-result');
    await result.getByRole('heading', { name: '支付成功' }).waitFor({ timeout: 30_000 });
    // The result page shows the order number and the private link (this device remembered it).
    const mine = result.locator('[data-my-link]');
    const outTradeNo = /商户订单号：(XJ\w{30})/.exec((await mine.textContent()) ?? '')?.[1] as string;
    expect(outTradeNo).toMatch(/^XJ\d{14}[0-9A-F]{16}$/);
    expect(await mine.getByRole('link').first().getAttribute('href')).toMatch(/^\/my\/#t=[A-Za-z0-9_-]{43}$/);
    await look(page, 'result-1366');
    await first.close();

    // The charity reports the receipt as issued, through its token.
    const order = orderOf(outTradeNo);
    const tokens = join(dirname(ledgerPath), 'export-tokens.json');
    const known = JSON.parse(await readFile(tokens, 'utf8').catch(() => '{}')) as Record<string, string>;
    const charityToken = known[order.charity_slug] ?? 'e2e-charity-token-0123456789abcdef';
    await writeFile(tokens, JSON.stringify({ ...known, [order.charity_slug]: charityToken }));
    const issued = await fetch(`${baseUrl}/api/charities/${order.charity_slug}/receipt-statuses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${charityToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ updates: [{ outTradeNo, state: 'issued', receiptNo: 'E2E-0001' }] }),
    });
    expect(await issued.json()).toEqual({ rows: 1, changed: 1, unchanged: 0 });

    // Device two: nothing remembered; found by the trade number from the Alipay bill + the amount.
    const second = await site.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const my = await second.newPage();
    await my.goto(`${baseUrl}/my/`);
    await my.locator('[data-my-empty]').waitFor();
    await my.getByRole('textbox', { name: '支付宝交易号' }).fill('1234');
    await my.getByLabel('捐赠金额（元）').fill('10');
    await my.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => my.locator('#lookup-alert').textContent()).toContain('16–64 位数字');
    await my.getByRole('textbox', { name: '支付宝交易号' }).fill(order.trade_no);
    await my.getByLabel('捐赠金额（元）').fill('11');
    await my.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => my.locator('#lookup-alert').textContent()).toContain('没有找到符合的捐赠');
    await my.getByLabel('捐赠金额（元）').fill('10');
    await my.getByRole('button', { name: '查询' }).click();
    const gift = my.locator(`[data-gift="${outTradeNo}"]`);
    await gift.waitFor();
    const text = (await gift.textContent()) ?? '';
    expect(text).toContain('10.00 元');
    expect(text).toContain(outTradeNo);
    expect(text).toContain('善款使用情况');
    expect(await gift.locator('[data-receipt="issued"]').textContent()).toContain('已开具，票据号 E2E-0001');
    expect(await gift.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(
      /^已募得 [\d,]+\.\d{2} 元，已支出/,
    );
    expect(await gift.locator('[data-disclosure], [data-disclosures="none"]').count()).toBeGreaterThan(0);
    // 我的捐赠 offers following the found gift's project: a plain link to the subscription page for
    // that project (as on the project page; an island here put /my/ over the giving pages' budget).
    const follow = my.getByRole('link', { name: '订阅项目进展' });
    expect(await follow.getAttribute('href')).toMatch(/^\/subscriptions\/\?project=[a-z0-9-]+$/);
    expect(await axe(my)).toEqual([]);
    await look(my, 'my-gift-1366');

    // The 凭证 PDF, then its verification page.
    const [download] = await Promise.all([
      my.waitForEvent('download'),
      my.getByRole('button', { name: '下载捐赠凭证（PDF）' }).click(),
    ]);
    const pdf = await pdfText(new Uint8Array(await readFile((await download.path()) as string)));
    expect(pdf).toContain('非财政票据');
    expect(pdf).toContain(outTradeNo);
    const verifyPath = /\/verify\/[A-Za-z0-9_-]{43}/.exec(pdf)?.[0] as string;
    expect(await gift.evaluate(() => document.querySelector('a[href^="/verify/"]')?.getAttribute('href'))).toBe(
      verifyPath,
    );
    await my.goto(`${baseUrl}${verifyPath}`);
    const verified = (await my.locator('[data-verify="valid"]').textContent()) ?? '';
    expect(verified).toContain('凭证有效');
    expect(verified).toContain('10.00 元');
    expect(verified).not.toContain('林某某');
    expect(await axe(my)).toEqual([]);
    await look(my, 'verify-1366');
    const forged = await my.goto(`${baseUrl}${verifyPath.slice(0, -1)}${verifyPath.endsWith('A') ? 'B' : 'A'}`);
    expect(forged?.status()).toBe(404);
    await my.locator('[data-verify="invalid"]').waitFor();
    await second.close();

    if (LOOK) {
      // The same found gift on a phone, in 长辈模式, and in WeChat's browser.
      for (const [name, options, elder] of [
        ['my-gift-360', { viewport: { width: 360, height: 780 } }, false],
        ['my-gift-360-elder', { viewport: { width: 360, height: 780 } }, true],
        ['my-gift-wechat', { viewport: { width: 390, height: 844 }, userAgent: WECHAT_UA }, false],
      ] as const) {
        const phone = await site.browser.newContext(options);
        if (elder) await phone.addInitScript(() => localStorage.setItem('xj-elder', '1'));
        const p = await phone.newPage();
        await p.goto(`${baseUrl}/my/`);
        await p.getByRole('textbox', { name: '支付宝交易号' }).fill(order.trade_no);
        await p.getByLabel('捐赠金额（元）').fill('10');
        await p.getByRole('button', { name: '查询' }).click();
        await p.locator(`[data-gift="${outTradeNo}"]`).waitFor();
        await look(p, name);
        await phone.close();
      }
    }
  });
});
