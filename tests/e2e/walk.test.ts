import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../bench/harness/browser.ts';
import { sitemapPages } from '../support/e2e/sitemap-files.ts';

/** Walks the built demo site the way a person would: links, headings and visible text only. */
const baseUrl = inject('baseUrl');

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

const countIn = (text: string | null) => Number(/共\s*(\d+)\s*个项目/.exec(text ?? '')?.[1] ?? Number.NaN);

describe('a donor looking for a project', () => {
  it('filters projects without JavaScript, opens one and finds the compliance block above the fold', async () => {
    await context.close();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();

    await page.goto(`${baseUrl}/`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '慈善项目' }).click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/projects/`);
    const all = countIn(await page.locator('main').textContent());
    expect(all).toBeGreaterThan(100);

    await page
      .getByRole('link', { name: /^困境未成年人/ })
      .first()
      .click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/projects/group/minors/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('慈善项目：困境未成年人');
    const minors = countIn(await page.locator('main').textContent());
    expect(minors).toBeGreaterThan(0);
    expect(minors).toBeLessThan(all);

    await page
      .getByRole('link', { name: /^可在线捐赠/ })
      .first()
      .click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/projects/group/minors/accepting/yes/`);
    const both = countIn(await page.locator('main').textContent());
    expect(both).toBeLessThanOrEqual(minors);
    const cards = page.locator('#results article');
    expect(await cards.count()).toBe(Math.min(20, both));
    for (const card of await cards.all()) {
      await expect.poll(() => card.textContent()).toContain('可在线捐赠');
      await expect.poll(() => card.textContent()).toContain('困境未成年人');
    }
    // A third kind of filter is explained, not linked.
    await expect.poll(() => page.locator('.facet-panel').textContent()).toContain('已选 2 项条件');

    await page.getByRole('link', { name: /取消“帮扶对象/ }).click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/projects/accepting/yes/`);

    await cards.first().getByRole('link').first().click();
    await expect.poll(() => page.url()).toMatch(/\/projects\/[a-z0-9-]+\/$/);
    const block = page.getByRole('region', { name: '募捐信息公示' });
    await expect.poll(() => block.isVisible()).toBe(true);
    const text = (await block.textContent()) ?? '';
    for (const label of [
      '慈善组织',
      '统一社会信用代码',
      '公开募捐资格',
      '募捐方案备案编号',
      '募捐期限',
      '联系方式',
      '合作方',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toMatch(/[0-9A-HJ-NPQRTUWXY]{18}/);
    expect(await block.getByRole('link', { name: /慈善中国/ }).getAttribute('href')).toMatch(
      /^https:\/\/cszg\.mca\.gov\.cn\//,
    );
    // Above the fold: the block starts within the first screen.
    const box = await block.boundingBox();
    expect(box?.y ?? 9999).toBeLessThan(900);
    // The totals slot and the donate slot are there for the islands to come.
    expect(await page.locator('#live-totals[data-project-slug]').count()).toBe(1);
    await expect.poll(() => page.locator('#donate').textContent()).toContain('善款直接进入');
  });

  it('sees why a closed project takes no donations', async () => {
    const data = JSON.parse(await (await fetch(`${baseUrl}/data/projects.json`)).text()) as {
      items: { slug: string; status: string; accepting_donations: boolean }[];
    };
    const closed = data.items.find((p) => p.status === 'completed');
    expect(closed?.accepting_donations).toBe(false);
    await page.goto(`${baseUrl}/projects/${closed?.slug}/`);
    const donate = page.locator('#donate');
    await expect.poll(() => donate.textContent()).toContain('本项目目前不接受捐赠');
    await expect.poll(() => donate.textContent()).toContain('项目已结项');
  });
});

describe('someone checking on charities', () => {
  it('follows the overdue list to a project, sees the 逾期未披露 flag, then the charity and its timeliness', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '公开透明' }).click();
    const table = page.getByRole('table', { name: '逾期未披露的项目' });
    const firstRow = table.locator('tbody tr').first();
    const projectTitle = (await firstRow.locator('th a').textContent()) ?? '';
    const charityName = (await firstRow.locator('td a').first().textContent()) ?? '';
    await firstRow.locator('th a').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(projectTitle);
    await expect.poll(() => page.url()).toContain('#disclosures');

    const flag = page.getByRole('link', { name: /逾期未披露 \d+ 项/ });
    await expect.poll(() => flag.isVisible()).toBe(true);
    // The disclosures section's own notice (an accepting project also has one above its donate form).
    await expect.poll(() => page.locator('#disclosures .callout--bad').first().textContent()).toContain('逾期未披露');
    const dueTable = page.getByRole('table', { name: '法定信息公开事项与截止日期' });
    expect(await dueTable.getByText('逾期未披露').count()).toBeGreaterThan(0);

    await page
      .getByRole('region', { name: '募捐信息公示' })
      .getByRole('link', { name: charityName, exact: true })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(charityName);
    const timeliness = page.getByRole('region', { name: '信息公开按时率' });
    const text = (await timeliness.textContent()) ?? '';
    expect(text).toMatch(/\d+(\.\d)?%/);
    expect(text).toContain('口径');
    expect(text).toContain('第七十九条');
    expect(Number(/逾期未披露(\d+)/.exec(text.replace(/\s/g, ''))?.[1])).toBeGreaterThan(0);
    // The charity lists the project that brought us here.
    expect(await page.getByRole('link', { name: projectTitle }).count()).toBeGreaterThan(0);
  });

  it('finds open needs nobody answers highlighted, by region', async () => {
    await page.goto(`${baseUrl}/needs/`);
    const byRegion = page.getByRole('table', { name: /各省待对接需求/ });
    const link = byRegion.locator('tbody th a').first();
    const province = (await link.textContent()) ?? '';
    await link.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`${province}的救助需求`);
    const unanswered = page.locator('.need--unanswered');
    if ((await unanswered.count()) > 0) {
      await expect.poll(() => unanswered.first().textContent()).toContain('尚无项目对接');
    }
    const answered = page.locator('article', { hasText: '对接项目：' });
    if ((await answered.count()) > 0) expect(await answered.first().getByRole('link').count()).toBeGreaterThan(0);
  });

  it('downloads the projects CSV and gets the documented header and one row per project', async () => {
    await page.goto(`${baseUrl}/data/`);
    const section = page.getByRole('region', { name: '慈善项目（projects）' });
    const stated = Number(/共 ([\d,]+) 条/.exec((await section.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    const fields = await section.locator('tbody th code').allTextContents();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: /^下载 CSV\s*：慈善项目$/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('projects.csv');
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]?.split(',')).toEqual(fields);
    expect(lines.length - 1).toBe(stated);
    const json = JSON.parse(await (await fetch(`${baseUrl}/data/projects.json`)).text()) as { count: number };
    expect(json.count).toBe(stated);
  });

  it('reads the RSS feed, the sitemap and a real 404', async () => {
    await page.goto(`${baseUrl}/`);
    const feedLink = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
    expect(await feedLink.getAttribute('href')).toBe('/feed.xml');
    const feed = await fetch(new URL('/feed.xml', baseUrl));
    expect(feed.status).toBe(200);
    const xml = await feed.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const rss = (
      new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(xml) as {
        rss: { '@_version': string; channel: { title: string; link: string; description: string; item: object[] } };
      }
    ).rss;
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toBe('衔接 · 慈善项目信息公开');
    expect(new URL(rss.channel.link).pathname).toBe('/');
    expect(rss.channel.description).toContain('最新 50 条项目信息公开');
    expect(rss.channel.item).toHaveLength(50);
    for (const item of rss.channel.item) {
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining(['title', 'link', 'guid', 'pubDate', 'description', 'dc:creator', 'category']),
      );
    }
    const sitemap = await sitemapPages(async (path) => (await fetch(new URL(path, baseUrl))).text());
    expect(sitemap.length).toBeGreaterThan(400);
    const missing = await page.goto(`${baseUrl}/projects/no-such-project/`);
    expect(missing?.status()).toBe(404);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('页面不存在');
  });
});

describe('an older visitor and a keyboard user', () => {
  it('turns on 长辈模式 once and keeps it on other pages; turning it off sticks too', async () => {
    await page.goto(`${baseUrl}/`);
    const bodySize = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    const normal = await bodySize();
    const toggle = page.getByRole('switch', { name: '长辈模式' });
    await toggle.check();
    expect(await bodySize()).toBeGreaterThanOrEqual(22);
    expect(await bodySize()).toBeGreaterThan(normal);

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '需求对接' }).click();
    await page.waitForURL(`${baseUrl}/needs/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    expect(await page.getByRole('switch', { name: '长辈模式' }).isChecked()).toBe(true);
    expect(await bodySize()).toBeGreaterThanOrEqual(22);
    // Targets of at least 60 px in 长辈模式.
    const navHeights = await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));
    expect(Math.min(...navHeights)).toBeGreaterThanOrEqual(60);

    await page.getByRole('switch', { name: '长辈模式' }).uncheck();
    await page.goto(`${baseUrl}/transparency/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(false);
    expect(await bodySize()).toBe(normal);
  });

  it('still works without JavaScript: the page renders and the switch enlarges the current page', async () => {
    await context.close();
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    await page.goto(`${baseUrl}/projects/`);
    const size = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    const before = await size();
    await page.getByRole('switch', { name: '长辈模式' }).check();
    expect(await size()).toBeGreaterThan(before);
    expect(await page.locator('#results article').count()).toBe(20);
  });

  it('reaches the skip link first, sees it, and jumps to the content', async () => {
    await page.goto(`${baseUrl}/transparency/`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.y < 100).toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('#main');
    await page.keyboard.press('Tab');
    // The next stop is inside the main content, not back in the header.
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  });

  it('shows a visible focus ring on links and the 长辈模式 switch', async () => {
    await page.goto(`${baseUrl}/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el.closest('label') ?? el);
      return { tag: el.tagName, outline: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(focused.outline).not.toBe('none');
    expect(focused.width).toBeGreaterThanOrEqual(2);
  });
});

describe('every page says when the data is a demo', () => {
  it('shows the 示例数据 notice', async () => {
    for (const path of ['/', '/projects/', '/charities/', '/transparency/', '/data/', '/no-such-page/']) {
      await page.goto(baseUrl + path);
      await expect.poll(() => page.getByRole('note', { name: '示例数据提示' }).textContent()).toContain('示例数据');
    }
  });
});
