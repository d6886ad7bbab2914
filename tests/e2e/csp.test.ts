import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { templateUrls } from './templates.ts';

/**
 * The islands and Pagefind under the portal's Content-Security-Policy (publisher/serve/
 * security-headers.ts), in Chromium, on the built demo site served as a release is served
 * (global setup → donate-portal.ts → the portal server): the search page finds results through
 * Pagefind's WebAssembly, the donate island gives 10 元 through the sandbox, and the result page
 * polls the order — with no CSP violation reported anywhere. And no other site can frame a page.
 */
const baseUrl = inject('baseUrl');
const clientDir = inject('clientDir');

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** What Chromium reports: `securitypolicyviolation` events and "Refused to …" console errors. */
let violations: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  violations = [];
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Injected by the browser itself, so the policy does not apply to this listener.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && /CSP violation|Content Security Policy|Refused to/.test(m.text())) {
      violations.push(`${page.url()}: ${m.text()}`);
    }
  });
});
afterEach(async () => {
  await context?.close();
});

async function openWithPolicy(url: string): Promise<void> {
  const res = await page.goto(url);
  const policy = res?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("frame-ancestors 'none'");
}

describe('the site under its Content-Security-Policy', () => {
  it('searches with Pagefind on the search page', async () => {
    await openWithPolicy(`${baseUrl}/search/?q=${encodeURIComponent('助学')}`);
    await page.waitForFunction(() => {
      const app = document.getElementById('search-app');
      return app && !app.hidden && !app.hasAttribute('aria-busy') && document.querySelector('.search-hit');
    });
    expect(await page.locator('.search-hit').count()).toBeGreaterThan(0);
    // The engine that answered is Pagefind (its WebAssembly ran), not a fallback.
    expect(
      await page.evaluate(() =>
        performance.getEntriesByType('resource').some((r) => /pagefind.*\.pagefind$|wasm/.test(r.name)),
      ),
    ).toBe(true);
    expect(violations).toEqual([]);
  });

  it('gives through the donate island and shows the result page', async () => {
    const urls = await templateUrls(clientDir);
    await openWithPolicy(`${baseUrl}${urls['project accepting donations']}`);
    // The live-totals island called the stats API and filled its slot.
    await page.locator('#live-totals [data-live="raised"]').waitFor({ state: 'visible' });
    const donate = page.locator('#donate');
    await donate.getByRole('radio', { name: '10 元' }).check();
    await donate.getByRole('button', { name: '下一步：核对捐赠信息' }).click();
    await donate.getByRole('heading', { name: '请核对捐赠信息' }).waitFor();
    // Axe is injected the way the other e2e tests inject it: it still runs under the policy.
    expect((await new AxeBuilder({ page }).withTags(['wcag2a']).analyze()).violations).toBeDefined();

    await donate.getByRole('link', { name: '确认，前往支付宝付款' }).click();
    await page.getByText('这是沙箱支付，不会产生真实扣款').waitFor();
    await page.getByRole('button', { name: '确认付款（沙箱，不扣款）' }).click();
    await page.getByRole('link', { name: '返回捐赠页面' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/donations/result/');
    await page.locator('#donation-result').getByRole('heading', { name: '支付成功' }).waitFor({ timeout: 30_000 });
    expect(violations).toEqual([]);
  });

  it('restores 长辈模式 before first paint from its script file', async () => {
    await context.addInitScript(() => localStorage.setItem('xj-elder', '1'));
    await openWithPolicy(`${baseUrl}/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    expect(violations).toEqual([]);
  });

  it('cannot be framed by another page', async () => {
    const urls = await templateUrls(clientDir);
    // Another origin's page (here: about:blank with an iframe) tries to lay the donate step under its own.
    await page.setContent(`<iframe id="f" src="${baseUrl}${urls['project accepting donations']}"></iframe>`);
    await expect
      .poll(() => violations.some((v) => /frame-ancestors|X-Frame-Options|Refused to (display|frame)/.test(v)))
      .toBe(true);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.evaluate(() => document.getElementById('donate')).catch(() => null)).toBeFalsy();
  });
});
