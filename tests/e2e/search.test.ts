import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../bench/harness/browser.ts';

/**
 * Search over the built demo site in Chromium: the search page island on the release's Pagefind
 * index (built by the global set-up as a release builds it), facets, URL state, hostile and
 * overlong queries, axe; and the header box (a plain GET form) to /search/results/, the results
 * page the portal renders on the server — with JavaScript and, in a context with JavaScript off,
 * the whole no-JS path: results, facet links, pages, a result.
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
/**
 * Waits for the island to finish (no aria-busy on the app nor on the facets, which a first query
 * counts after its results are shown; a status line) and returns the status text.
 */
async function settled(p: Page): Promise<string> {
  await p.waitForFunction(() => {
    const app = document.getElementById('search-app');
    const facets = document.getElementById('search-facets');
    const text = document.getElementById('search-status')?.textContent ?? '';
    return (
      app && !app.hidden && !app.hasAttribute('aria-busy') && !facets?.hasAttribute('aria-busy') && text.length > 0
    );
  });
  return (await status(p).textContent()) ?? '';
}
const totalOf = (text: string) => Number(/找到\s*(\d+)\s*条/.exec(text)?.[1] ?? Number.NaN);
const hitTitles = (p: Page) => p.locator('.search-hit__title a').allTextContents();
const hitIds = (p: Page) =>
  p.locator('.search-hit').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.id ?? ''));

async function axe(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

describe('the search page island', () => {
  it('finds 失能老人, narrows by a facet, opens a result, and the URL reproduces the search', async () => {
    await page.goto(`${baseUrl}/search/`);
    await settled(page);
    // The form's action is the server page (for browsers without JavaScript); the island keeps it here.
    await page.locator('#search-q').fill('失能老人');
    await page.locator('#search-q').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('失能老人');
    expect(new URL(page.url()).pathname).toBe('/search/');
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

  it('is one link away from the header box, whose form goes to the server-rendered results', async () => {
    await page.goto(`${baseUrl}/`);
    const box = page.getByRole('search', { name: '全站搜索' }).getByRole('searchbox');
    await box.fill('失能老人');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/search/results/');
    expect(totalOf((await page.locator('.search-status').textContent()) ?? '')).toBeGreaterThan(5);
    await page.getByRole('link', { name: '使用交互式搜索（可即时筛选）' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/search/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('失能老人');
    expect(totalOf(await settled(page))).toBeGreaterThan(5);
    expect(await page.locator('#search-q').inputValue()).toBe('失能老人');
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

describe('accessibility', () => {
  it('passes axe with results and in the empty state', async () => {
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('失能老人')}`);
    await settled(page);
    expect(await axe(page)).toEqual([]);
    await page.goto(`${baseUrl}/search/`);
    await settled(page);
    expect(await axe(page)).toEqual([]);
  });

  it('passes axe on the server-rendered results page', async () => {
    await page.goto(`${baseUrl}/search/results/?q=${encodeURIComponent('失能老人')}&type=project`);
    expect(await page.locator('.search-hit').count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    await page.goto(`${baseUrl}/search/results/?q=`);
    expect(await axe(page)).toEqual([]);
  });
});

/** A fresh context with JavaScript off: what a browser without scripts sees. */
async function withoutJavaScript(): Promise<Page> {
  await context.close();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  return page;
}
const statusLine = async (p: Page) => (await p.locator('.search-status').textContent()) ?? '';
const facetLinks = (p: Page, legend: string) =>
  p
    .locator('.results-facet')
    .filter({ has: p.locator('h3', { hasText: new RegExp(`^${legend}$`) }) })
    .locator('a');

describe('results without JavaScript (/search/results/, rendered by the server)', () => {
  it('header box → a list of results → a facet link → a result', async () => {
    const p = await withoutJavaScript();
    await p.goto(`${baseUrl}/charities/`);
    const box = p.getByRole('search', { name: '全站搜索' }).getByRole('searchbox');
    await box.fill('失能老人');
    await box.press('Enter');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/search/results/');
    expect(new URL(p.url()).searchParams.get('q')).toBe('失能老人');
    const total = totalOf(await statusLine(p));
    expect(total).toBeGreaterThan(5);
    expect(await p.locator('.search-hit').count()).toBe(10);
    expect(await p.locator('.search-hit mark').count()).toBeGreaterThan(0);
    const hrefs = await p.locator('.search-hit__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) expect(href).toMatch(/^\/(projects|charities|cases|needs)\//);
    expect(await p.locator('#results-q').inputValue()).toBe('失能老人');
    // No client script on the page (the layout's inline 长辈模式 snippet is the only script).
    expect(await p.locator('script[src], script[type="module"]').count()).toBe(0);
    const interactive = p.getByRole('link', { name: '使用交互式搜索（可即时筛选）' });
    expect(await interactive.getAttribute('href')).toBe(`/search/?q=${encodeURIComponent('失能老人')}`);

    // A facet link keeps the query and narrows the list.
    const province = facetLinks(p, '省份').first();
    const provinceName = ((await province.textContent()) ?? '').replace(/（\d+）.*$/, '').trim();
    await province.click();
    await expect.poll(() => new URL(p.url()).searchParams.get('province')).toBe(provinceName);
    expect(new URL(p.url()).searchParams.get('q')).toBe('失能老人');
    const narrowed = totalOf(await statusLine(p));
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(total);
    const selected = facetLinks(p, '省份').filter({ hasText: provinceName }).first();
    expect(await selected.getAttribute('aria-current')).toBe('true');

    // Open a result.
    const first = p.locator('.search-hit__title a').first();
    const title = (await first.textContent()) ?? '';
    const href = (await first.getAttribute('href')) ?? '';
    await first.click();
    await expect.poll(() => new URL(p.url()).pathname).toBe(new URL(href, baseUrl).pathname);
    if (!href.includes('#')) expect(await p.locator('h1').first().textContent()).toBe(title);

    // Back on the results: selecting the value again removes the filter.
    await p.goBack();
    await facetLinks(p, '省份').filter({ hasText: provinceName }).first().click();
    await expect.poll(() => new URL(p.url()).searchParams.get('province')).toBe(null);
    expect(totalOf(await statusLine(p))).toBe(total);
  });

  it('pages through results with plain links, and says no-store', async () => {
    const p = await withoutJavaScript();
    const response = await p.goto(`${baseUrl}/search/results/?q=${encodeURIComponent('低保')}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toContain('no-store');
    const firstPage = await hitIds(p);
    await p.getByRole('navigation', { name: '搜索结果分页' }).getByRole('link', { name: '下一页' }).click();
    await expect.poll(() => new URL(p.url()).searchParams.get('page')).toBe('2');
    const secondPage = await hitIds(p);
    expect(secondPage).toHaveLength(10);
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    await p.goto(`${baseUrl}/search/results/?q=${encodeURIComponent('低保')}&page=100`);
    expect(await p.locator('main').textContent()).toContain('这一页没有结果');
  });

  it('the search page’s own form reaches the results page without JavaScript', async () => {
    const p = await withoutJavaScript();
    await p.goto(`${baseUrl}/search/`);
    expect(await p.locator('main').textContent()).toContain('结果由服务器列出');
    await p.locator('#search-q').fill('甘肃');
    await p.locator('#search-q').press('Enter');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/search/results/');
    expect(totalOf(await statusLine(p))).toBeGreaterThan(0);
  });

  it('answers every input with a page: <script>, 2,000 characters, empty, unknown filters', async () => {
    const p = await withoutJavaScript();
    const hostile = '<script>alert(1)</script>';
    const r1 = await p.goto(`${baseUrl}/search/results/?q=${encodeURIComponent(hostile)}`);
    expect(r1?.status()).toBe(200);
    expect(await statusLine(p)).toContain(hostile);
    expect(await p.locator('main script, main img').count()).toBe(0);
    expect(await p.locator('#results-q').inputValue()).toBe(hostile);

    // 2,000 characters that fit a request line: Node (and any proxy) refuses URLs past ~16 KB
    // before a page could answer, and 2,000 Han characters are 18 KB percent-encoded.
    const long = `失能老人照护${' 照'.repeat(997)}`;
    expect(long).toHaveLength(2000);
    const r2 = await p.goto(`${baseUrl}/search/results/?q=${encodeURIComponent(long)}`);
    expect(r2?.status()).toBe(200);
    expect(await p.locator('main').textContent()).toContain('搜索词过长');
    expect(Array.from(await p.locator('#results-q').inputValue()).length).toBeLessThanOrEqual(64);

    await p.goto(`${baseUrl}/search/results/?q=%20%20`);
    expect(await statusLine(p)).toContain('请输入');
    expect(await p.locator('.search-empty a').count()).toBeGreaterThan(3);

    const plain = `${baseUrl}/search/results/?q=${encodeURIComponent('失能老人')}`;
    await p.goto(plain);
    const total = totalOf(await statusLine(p));
    const r3 = await p.goto(`${plain}&province=%E7%81%AB%E6%98%9F&type=bogus&nope=1&page=-3`);
    expect(r3?.status()).toBe(200);
    expect(totalOf(await statusLine(p))).toBe(total);

    await p.goto(`${baseUrl}/search/results/?q=${encodeURIComponent('火星基地')}`);
    expect(await statusLine(p)).toContain('没有找到');
    expect(await p.locator('.search-empty').isVisible()).toBe(true);
  });

  it('finds campaign and award pages by name, and offers “did you mean” for a typo (issue 20)', async () => {
    const p = await withoutJavaScript();
    await p.goto(`${baseUrl}/search/results/?q=${encodeURIComponent('中华慈善日')}`);
    const first = p.locator('.search-hit__title a').first();
    expect(await first.getAttribute('href')).toMatch(/^\/campaigns\/\d{4}-zhonghuacishanri\/$/);
    await first.click();
    await expect.poll(() => new URL(p.url()).pathname).toMatch(/^\/campaigns\/\d{4}-zhonghuacishanri\/$/);

    await p.goto(`${baseUrl}/search/results/?q=${encodeURIComponent('中华慈善奖')}`);
    expect(await p.locator('.search-hit__title a').first().getAttribute('href')).toMatch(
      /^\/awards\/\d{4}\/(#award-[a-z0-9-]+)?$/,
    );

    await p.goto(`${baseUrl}/search/results/?q=${encodeURIComponent('项日')}`);
    const suggestion = p.locator('.search-suggestion a');
    expect(await suggestion.textContent()).toBe('项目');
    await suggestion.click();
    await expect.poll(() => new URL(p.url()).searchParams.get('q')).toBe('项目');

    // Punctuation only: a page, no markup from the query, no error.
    const r = await p.goto(`${baseUrl}/search/results/?q=${encodeURIComponent('！？。，、<<>>...')}`);
    expect(r?.status()).toBe(200);
    expect(await p.locator('main script, main img').count()).toBe(0);
  });
});
