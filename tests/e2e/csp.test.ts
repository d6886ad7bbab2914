import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { templateUrls } from './templates.ts';

/**
 * The React islands under a Content-Security-Policy without 'unsafe-inline', in Chromium. Every
 * page carries Astro's policy <meta> (astro.config.mjs `experimental.csp`: script-src 'self',
 * 'wasm-unsafe-eval' for Pagefind, and the hashes of the inline scripts). Here each response also
 * gets the same script-src and style-src as a header, with the directives a portal header adds
 * (default-src 'self', frame-ancestors 'none', …), as publisher/serve is to send it: both policies
 * apply, and the islands must hydrate, give, poll and search with no violation reported.
 */
const baseUrl = inject('baseUrl');
const clientDir = inject('clientDir');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let urls: Awaited<ReturnType<typeof templateUrls>>;
let consoleErrors: string[];
/** The policy Astro gave each HTML page (meta or header), by path. */
let astroPolicies: Map<string, string | null>;

/** What the portal's header is expected to say around the page's own script-src and style-src. */
const HEADER_EXTRA =
  "default-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

beforeAll(async () => {
  browser = await launchChromium();
  urls = await templateUrls(clientDir);
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Collected in the page from the first script on, before any island runs.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`.trim()),
    );
  });
  let policy: string | null = null;
  astroPolicies = new Map();
  await context.route(`${baseUrl}/**`, async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    if ((headers['content-type'] ?? '').startsWith('text/html')) {
      // Static pages carry Astro's policy as a <meta>; pages rendered per request (the no-JS
      // search results) get it from Astro as a response header instead.
      const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(await response.text());
      policy = meta?.[1] ?? headers['content-security-policy'] ?? null;
      astroPolicies.set(new URL(route.request().url()).pathname, policy);
    }
    // Every response, scripts too: a worker's policy is the one its script was served with.
    await route.fulfill({
      response,
      headers: { ...headers, 'content-security-policy': `${HEADER_EXTRA}; ${policy ?? "script-src 'none'"}` },
    });
  });
  page = await context.newPage();
  consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
});
afterEach(async () => {
  await context?.close();
});

const violations = (p: Page) => p.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('the islands under a strict Content-Security-Policy', () => {
  it('hydrates the project page, gives as far as the confirm step, and reports no violation', async () => {
    await page.goto(`${baseUrl}${urls['project accepting donations']}`);
    await page.locator('#live-totals [data-live="raised"]').waitFor({ state: 'visible' });
    const donate = page.locator('#donate');
    await donate.getByRole('radio', { name: '100 元' }).check();
    await donate.getByRole('button', { name: '下一步：核对捐赠信息' }).click();
    await donate.getByRole('heading', { name: '请核对捐赠信息' }).waitFor();
    // The progress bar is drawn without a style attribute, which the policy would block.
    expect(await page.locator('.progress__bar rect').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('polls on the result page, searches with Pagefind (WebAssembly) and on the server, with no violation', async () => {
    await page.goto(`${baseUrl}/donations/result/?id=0b7c2a3e-1f4d-4c5b-9a8e-2d3c4b5a6f70`);
    await page.locator('#donation-result').getByRole('heading', { name: '找不到这笔捐赠' }).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('失能老人')}`);
    await page.locator('.search-hit').first().waitFor();
    await page.waitForFunction(() => !document.getElementById('search-facets')?.hasAttribute('aria-busy'));
    expect(await page.locator('#search-facets input[type="checkbox"]').count()).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);

    // The results page is rendered per request: the same policy, and nothing it blocks.
    await page.goto(`${baseUrl}/search/results/?q=${encodeURIComponent('低保')}`);
    await page.locator('.search-hit').first().waitFor();
    expect(astroPolicies.get('/search/results/')).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(await violations(page)).toEqual([]);
    // A 404 for the optional search-config.json is the one error the console may show.
    expect(consoleErrors.filter((e) => !/404/.test(e))).toEqual([]);
  });

  it('restores 长辈模式 before first paint on a page without islands', async () => {
    await context.addInitScript(() => localStorage.setItem('xj-elder', '1'));
    await page.goto(`${baseUrl}/transparency/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    expect(await violations(page)).toEqual([]);
  });
});
