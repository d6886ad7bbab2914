import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';

/**
 * Search over the built demo site in Chromium: the header box (a plain GET form), the search page
 * island on the release's Pagefind index (built by the global set-up as a release builds it),
 * facets, URL state, hostile and overlong queries, axe, and the no-JS fallback.
 */
const baseUrl = inject('baseUrl');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});
afterEach(async () => {
  await context?.close();
});

const status = (p: Page) => p.locator('#search-status');
/** Waits for the island to finish (no aria-busy, a status line) and returns the status text. */
async function settled(p: Page): Promise<string> {
  await p.waitForFunction(() => {
    const app = document.getElementById('search-app');
    const text = document.getElementById('search-status')?.textContent ?? '';
    return app && !app.hidden && !app.hasAttribute('aria-busy') && text.length > 0;
  });
  return (await status(p).textContent()) ?? '';
}
const totalOf = (text: string) => Number(/找到\s*(\d+)\s*条/.exec(text)?.[1] ?? Number.NaN);
const hitTitles = (p: Page) => p.locator('.search-hit__title a').allTextContents();

async function axe(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

describe('search from the header box', () => {
  it('finds 失能老人, narrows by a facet, opens a result, and the URL reproduces the search', async () => {
    await page.goto(`${baseUrl}/`);
    const box = page.getByRole('search', { name: '全站搜索' }).getByRole('searchbox');
    await box.fill('失能老人');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('失能老人');
    const first = await settled(page);
    const total = totalOf(first);
    expect(total, first).toBeGreaterThan(5);
    expect(await page.locator('.search-hit').count()).toBe(10);
    expect(await page.locator('.search-hit mark').count()).toBeGreaterThan(0);

    // Facets with counts.
    const facets = page.locator('#search-facets');
    const legends = await facets.locator('legend').allTextContents();
    for (const legend of ['类型', '省份', '帮扶对象', '服务类型', '在线捐赠']) expect(legends).toContain(legend);
    const projectsOnly = facets.getByRole('checkbox', { name: /慈善项目/ });
    const label = (await projectsOnly.locator('xpath=..').textContent()) ?? '';
    const projectCount = Number(/（(\d+)）/.exec(label)?.[1]);
    expect(projectCount).toBeGreaterThan(0);

    // A province narrows the results; the URL says so.
    const province = facets
      .locator('fieldset')
      .filter({ has: page.locator('legend', { hasText: /^省份$/ }) })
      .getByRole('checkbox')
      .first();
    const provinceName = (await province.getAttribute('value')) ?? '';
    await province.check();
    await expect.poll(() => new URL(page.url()).searchParams.get('province')).toBe(provinceName);
    const narrowed = totalOf(await settled(page));
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(total);
    // Keyboard focus stays on the checkbox that was used.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(provinceName);
    const titles = await hitTitles(page);
    const shared = page.url();

    // Open a result, then come back.
    const firstHit = page.locator('.search-hit__title a').first();
    const href = (await firstHit.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/(projects|charities|cases|needs)\//);
    await firstHit.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(new URL(href, baseUrl).pathname);
    // Entries with a page of their own show the hit's title as their h1 (needs and disclosures are anchors).
    if (!href.includes('#')) expect(await page.locator('h1').first().textContent()).toBe(titles[0]);
    await page.goBack();
    await expect.poll(() => page.url()).toBe(shared);
    expect(totalOf(await settled(page))).toBe(narrowed);

    // Back once more: the unfiltered search.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('province')).toBe(null);
    expect(totalOf(await settled(page))).toBe(total);

    // The shared URL, in a fresh browser context, reproduces the filtered search.
    const other = await browser.newContext();
    try {
      const p2 = await other.newPage();
      await p2.goto(shared);
      expect(totalOf(await settled(p2))).toBe(narrowed);
      expect(await hitTitles(p2)).toEqual(titles);
      expect(await p2.locator('#search-q').inputValue()).toBe('失能老人');
      expect(await p2.getByRole('checkbox', { name: new RegExp(provinceName) }).isChecked()).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('ignores unknown facet values in a URL', async () => {
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('失能老人')}`);
    const plain = totalOf(await settled(page));
    await page.goto(
      `${baseUrl}/search/?q=${encodeURIComponent('失能老人')}&province=%E7%81%AB%E6%98%9F&type=bogus&nope=1`,
    );
    expect(totalOf(await settled(page))).toBe(plain);
    expect(await page.locator('#search-error').isHidden()).toBe(true);
  });
});

describe('bad input', () => {
  it('shows a <script> query as text, with the empty state, and runs nothing', async () => {
    await page.goto(`${baseUrl}/search/`);
    await settled(page);
    const hostile = '<script>alert(1)</script>';
    await page.locator('#search-q').fill(hostile);
    await page.locator('#search-q').press('Enter');
    const text = await settled(page);
    expect(text).toContain(hostile);
    expect(await page.locator('#search-app script, #search-app img').count()).toBe(0);
    expect(await page.locator('#search-empty').isVisible()).toBe(true);
    expect(await page.locator('#search-error').isHidden()).toBe(true);
    expect(dialogs).toEqual([]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(hostile);
  });

  it('cuts a 2,000-character query with a notice and no error', async () => {
    await page.goto(`${baseUrl}/search/`);
    await settled(page);
    const long = '失能老人照护'.repeat(334).slice(0, 2000);
    await page.locator('#search-q').evaluate((el, v) => {
      (el as HTMLInputElement).value = v; // pasted text can exceed maxlength; the island must cope
    }, long);
    await page.locator('#search-q').press('Enter');
    const text = await settled(page);
    expect(text).not.toContain('不可用');
    await expect.poll(() => page.locator('#search-notice').isVisible()).toBe(true);
    expect(await page.locator('#search-notice').textContent()).toContain('搜索词过长');
    expect(await page.locator('#search-error').isHidden()).toBe(true);
    const q = new URL(page.url()).searchParams.get('q') ?? '';
    expect(Array.from(q).length).toBeLessThanOrEqual(64);
  });

  it('shows suggestions for an empty query', async () => {
    await page.goto(`${baseUrl}/search/?q=%20%20`);
    const text = await settled(page);
    expect(text).toContain('请输入');
    expect(await page.locator('#search-empty').isVisible()).toBe(true);
    expect(await page.locator('#search-empty a').count()).toBeGreaterThan(3);
  });

  it('says so in Chinese when the index cannot be loaded', async () => {
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('低保')}`);
    const text = await settled(page);
    expect(text).toContain('搜索暂时不可用');
    expect(await page.locator('#search-error').isVisible()).toBe(true);
  });
});

describe('accessibility and no-JS', () => {
  it('passes axe with results and in the empty state', async () => {
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('失能老人')}`);
    await settled(page);
    expect(await axe(page)).toEqual([]);
    await page.goto(`${baseUrl}/search/`);
    await settled(page);
    expect(await axe(page)).toEqual([]);
  });

  it('without JavaScript, the header form still reaches the search page, which lists browsable results', async () => {
    await context.close();
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    await page.goto(`${baseUrl}/charities/`);
    const box = page.getByRole('search', { name: '全站搜索' }).getByRole('searchbox');
    await box.fill('甘肃');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/search/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('甘肃');
    const main = page.locator('main');
    expect(await main.textContent()).toContain('需要在浏览器中启用 JavaScript');
    const listing = main.getByRole('link', { name: /甘肃/ }).first();
    await listing.click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/projects\/.+/);
    expect(await page.locator('main').textContent()).toMatch(/共\s*\d+\s*个项目/);
  });
});
