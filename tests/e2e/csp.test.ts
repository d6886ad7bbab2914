import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Response } from '@playwright/test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directiveSources } from '../../content/schemas/page-policy.ts';
import { siteBrowser } from '../support/e2e/site-browser.ts';

/**
 * The React islands and Pagefind under the portal's Content-Security-Policy, in Chromium, on the
 * built demo site served as a release is served (global setup → donate-portal.ts → the portal
 * server, publisher/serve/security-headers.ts). Two policies apply to every page: Astro's <meta>
 * (astro.config.mjs `experimental.csp`: script-src 'self', 'wasm-unsafe-eval' for Pagefind and the
 * hashes of the inline scripts and styles, no 'unsafe-inline') and the portal's header, which
 * carries the same script-src and style-src from the release's page policy plus default-src,
 * frame-ancestors and the rest. The islands must hydrate, give 10 元 through the sandbox, poll the
 * order, search with Pagefind's WebAssembly and on the server, with no violation reported
 * anywhere; and no other site can frame a page.
 */
const site = siteBrowser();
const { baseUrl } = site;
let context: BrowserContext;
let page: Page;
/** What Chromium reports: `securitypolicyviolation` events and "Refused to …" console errors. */
let violations: string[];
let consoleErrors: string[];

beforeEach(async () => {
  violations = [];
  consoleErrors = [];
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Injected by the browser itself, from the first script on, so the policy does not apply to it.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.effectiveDirective} ${e.blockedURI} ${e.sample} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    consoleErrors.push(m.text());
    if (/CSP violation|Content Security Policy|Refused to/.test(m.text()))
      violations.push(`${page.url()}: ${m.text()}`);
  });
});
afterEach(async () => {
  await context?.close();
});

const metaPolicy = (p: Page) =>
  p.evaluate(
    () => document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? null,
  );

/** The header is the portal's, whole, and allows exactly the scripts and styles the page's meta does. */
async function expectPortalPolicy(res: Response | null, p: Page): Promise<string> {
  const policy = (await res?.allHeaders())?.['content-security-policy'] ?? '';
  // One policy header (Astro's own on per-request pages is not sent beside it).
  expect(policy).not.toContain('\n');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  const meta = await metaPolicy(p);
  if (meta !== null) {
    expect(directiveSources(policy, 'script-src')).toEqual(directiveSources(meta, 'script-src'));
    expect(directiveSources(policy, 'style-src')).toEqual(directiveSources(meta, 'style-src'));
  }
  return policy;
}

async function openWithPolicy(url: string): Promise<string> {
  const res = await page.goto(url);
  return expectPortalPolicy(res, page);
}

describe('the site under its Content-Security-Policy', () => {
  it('searches with Pagefind (WebAssembly) on the search page and on the server, with no violation', async () => {
    await openWithPolicy(`${baseUrl}/search/?q=${encodeURIComponent('助学')}`);
    await page.waitForFunction(() => {
      const app = document.getElementById('search-app');
      return app && !app.hidden && !app.hasAttribute('aria-busy') && document.querySelector('.search-hit');
    });
    expect(await page.locator('.search-hit').count()).toBeGreaterThan(0);
    await page.waitForFunction(() => !document.getElementById('search-facets')?.hasAttribute('aria-busy'));
    expect(await page.locator('#search-facets input[type="checkbox"]').count()).toBeGreaterThan(0);
    // The engine that answered is Pagefind (its WebAssembly ran), not a fallback.
    expect(
      await page.evaluate(() =>
        performance.getEntriesByType('resource').some((r) => /pagefind.*\.pagefind$|wasm/.test(r.name)),
      ),
    ).toBe(true);
    expect(violations).toEqual([]);

    // The results page is rendered per request: Astro gives its policy as a header there, and the
    // portal's (same script-src, with the hashes) is the one sent.
    const policy = await openWithPolicy(`${baseUrl}/search/results/?q=${encodeURIComponent('低保')}`);
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    await page.locator('.search-hit').first().waitFor();
    expect(violations).toEqual([]);
    // A 404 for the optional search-config.json is the one error the console may show.
    expect(consoleErrors.filter((e) => !/404/.test(e))).toEqual([]);
  });

  it('gives through the donate island and the sandbox cashier, and shows the result page', async () => {
    await openWithPolicy(`${baseUrl}${site.urls['project accepting donations']}`);
    // The live-totals island called the stats API and filled its slot.
    await page.locator('#live-totals [data-live="raised"]').waitFor({ state: 'visible' });
    const donate = page.locator('#donate');
    await donate.getByRole('radio', { name: '10 元' }).check();
    await donate.getByRole('button', { name: '下一步：核对捐赠信息' }).click();
    await donate.getByRole('heading', { name: '请核对捐赠信息' }).waitFor();
    // The progress bar is drawn without a style attribute, which the policy would block.
    expect(await page.locator('.progress__bar rect').count()).toBe(1);
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // Axe is injected the way the other e2e tests inject it: it still runs under the policy.
    expect((await new AxeBuilder({ page }).withTags(['wcag2a']).analyze()).violations).toBeDefined();

    await donate.getByRole('link', { name: '确认，前往支付宝付款' }).click();
    await page.getByText('这是沙箱支付，不会产生真实扣款').waitFor();
    // The cashier's own inline stylesheet applies: it is allowed by its hash, not 'unsafe-inline'.
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('button.pay') as Element).backgroundColor),
    ).toBe('rgb(11, 92, 173)');
    await page.getByRole('button', { name: '确认付款（沙箱，不扣款）' }).click();
    await page.getByRole('link', { name: '返回捐赠页面' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/donations/result/');
    await page.locator('#donation-result').getByRole('heading', { name: '支付成功' }).waitFor({ timeout: 30_000 });
    expect(violations).toEqual([]);
  });

  it('polls on the result page for an unknown order, and shows the 404 page, with no violation', async () => {
    await openWithPolicy(`${baseUrl}/donations/result/?id=0b7c2a3e-1f4d-4c5b-9a8e-2d3c4b5a6f70`);
    await page.locator('#donation-result').getByRole('heading', { name: '找不到这笔捐赠' }).waitFor();
    expect(violations).toEqual([]);

    const res = await page.goto(`${baseUrl}/no-such-page/`);
    expect(res?.status()).toBe(404);
    await expectPortalPolicy(res, page);
    expect(await page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    expect(violations).toEqual([]);
  });

  it('restores 长辈模式 before first paint from its hashed inline script, with and without islands', async () => {
    await context.addInitScript(() => localStorage.setItem('xj-elder', '1'));
    for (const path of ['/', '/transparency/', site.urls['project accepting donations'] ?? '/']) {
      await openWithPolicy(`${baseUrl}${path}`);
      expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    }
    expect(violations).toEqual([]);
  });

  it('cannot be framed by another page', async () => {
    // Another origin's page (here: about:blank with an iframe) tries to lay the donate step under its own.
    await page.setContent(`<iframe id="f" src="${baseUrl}${site.urls['project accepting donations']}"></iframe>`);
    await expect
      .poll(() => violations.some((v) => /frame-ancestors|X-Frame-Options|Refused to (display|frame)/.test(v)))
      .toBe(true);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.evaluate(() => document.getElementById('donate')).catch(() => null)).toBeFalsy();
  });
});
