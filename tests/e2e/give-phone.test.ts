import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { siteBrowser } from '../support/e2e/site-browser.ts';

/**
 * Finding somewhere to give on a 360 px touch phone (issue 15 item 4): from the home page to the
 * sandbox's paid page, counting the screens a donor goes through, and the one-tap 我要捐赠 on a
 * project page, normal and in 长辈模式. A screen is what fills the viewport: every page opened, link
 * followed within a page or step of the donate form starts a new one, and so does every viewport
 * height the donor has to scroll to reach the next thing to tap. (In 长辈模式 the journey is 5: the
 * home page's first 我要捐赠 is one scroll down.)
 */
const site = siteBrowser();
const { baseUrl } = site;
const PHONE = { width: 360, height: 740 };

async function phone(elder: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  if (elder) await context.addInitScript(() => localStorage.setItem('xj-elder', '1'));
  return { context, page: await context.newPage() };
}

/** Where a locator sits relative to the viewport: its top and bottom in CSS pixels. */
async function inViewport(locator: Locator): Promise<{ top: number; bottom: number; height: number }> {
  await locator.waitFor({ state: 'visible' });
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };
  });
}

/** Counts the screens of one journey; `tap` scrolls (and counts) only when the control is off screen. */
function screenCounter() {
  const log: string[] = [];
  return {
    log,
    opened(what: string) {
      log.push(what);
    },
    async tap(locator: Locator, what: string) {
      const { top, bottom, height } = await inViewport(locator);
      if (top < 0 || bottom > height) {
        const off = top < 0 ? -top : bottom - height;
        for (let i = 0; i < Math.ceil(off / height); i++) log.push(`翻屏找到“${what}”`);
        await locator.scrollIntoViewIfNeeded();
      }
      await locator.tap();
    },
  };
}

describe('a donor on a 360 px phone', () => {
  it('goes from the home page to the sandbox paid page in 4 screens or fewer', async () => {
    const { context, page } = await phone(false);
    try {
      const screens = screenCounter();
      await page.goto(`${baseUrl}/`);
      screens.opened('首页');
      const giving = page.getByRole('region', { name: '正在募捐的项目' });
      const give = giving.getByRole('link', { name: /^我要捐赠/ }).first();
      const title = ((await give.textContent()) ?? '').replace(/^我要捐赠：/, '');
      await screens.tap(give, '我要捐赠');
      await expect.poll(() => new URL(page.url()).hash).toBe('#donate');
      screens.opened('项目页的捐赠表单');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);

      const donate = page.locator('#donate');
      await screens.tap(donate.getByRole('radio', { name: '50 元' }), '50 元');
      await screens.tap(donate.getByRole('button', { name: '下一步：核对捐赠信息' }), '下一步');
      await donate.getByRole('heading', { name: '请核对捐赠信息' }).waitFor();
      // The confirm step replaces the form: a new screen, though the page stays.
      screens.opened('核对捐赠信息');
      await screens.tap(donate.getByRole('link', { name: '确认，前往支付宝付款' }), '前往支付宝付款');
      await page.getByText('这是沙箱支付，不会产生真实扣款').waitFor();
      screens.opened('沙箱收银台');
      expect(await page.locator('main').textContent()).toContain('50.00 元');
      await screens.tap(page.getByRole('button', { name: '确认付款（沙箱，不扣款）' }), '确认付款');
      await page.getByRole('link', { name: '返回捐赠页面' }).waitFor();
      expect(await page.locator('body').textContent()).toContain('沙箱付款成功');

      // The paid page is where the journey ends; the screens before it are what the donor went through.
      expect(screens.log.length, screens.log.join(' → ')).toBeLessThanOrEqual(4);
    } finally {
      await context.close();
    }
  });

  for (const elder of [false, true]) {
    it(`reaches the donate form from a project page in one tap${elder ? ' in 长辈模式' : ''}`, async () => {
      const { context, page } = await phone(elder);
      try {
        await page.goto(`${baseUrl}${site.urls['project accepting donations']}`);
        const jump = page.getByRole('link', { name: '我要捐赠', exact: true });
        // On the first screen without scrolling, kept at the bottom of it.
        const first = await inViewport(jump);
        expect(first.top).toBeGreaterThanOrEqual(0);
        expect(first.bottom).toBeLessThanOrEqual(first.height);
        expect(await jump.getAttribute('href')).toBe('#donate');
        await jump.tap();
        const form = await inViewport(page.getByRole('heading', { name: '捐赠', exact: true }));
        // Scrolled to the section's top (give or take the rounding of a scroll position).
        expect(form.top).toBeGreaterThanOrEqual(-1);
        expect(form.top).toBeLessThan(form.height / 2);
        // By keyboard: the link is focusable and Enter gets to the form too.
        await page.goto(`${baseUrl}${site.urls['project accepting donations']}`);
        await jump.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => new URL(page.url()).hash).toBe('#donate');
      } finally {
        await context.close();
      }
    });
  }

  it('sees no 我要捐赠 on a project that takes no gifts', async () => {
    const { context, page } = await phone(false);
    try {
      await page.goto(`${baseUrl}${site.urls['project not accepting donations']}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('link', { name: '我要捐赠', exact: true }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('opens the menu and the filters from their buttons, and sees a project card on the first screen', async () => {
    const { context, page } = await phone(false);
    try {
      await page.goto(`${baseUrl}/`);
      const nav = page.getByRole('navigation', { name: '主导航' });
      expect(await nav.isVisible()).toBe(false);
      const header = await inViewport(page.locator('.site-header'));
      expect(header.bottom).toBeLessThan(160);
      await page.getByText('菜单', { exact: true }).tap();
      await nav.getByRole('link', { name: '慈善项目' }).tap();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/projects/');

      const firstCard = page.locator('#results article').first();
      const card = await inViewport(firstCard.getByRole('heading'));
      expect(card.bottom).toBeLessThanOrEqual(card.height);
      const filters = page.locator('.facet-panel > summary');
      expect(await filters.textContent()).toMatch(/未选 · \d+ 个项目/);
      const region = page.locator('.facet-panel').getByRole('link', { name: /^甘肃省/ });
      expect(await region.isVisible()).toBe(false);
      await filters.tap();
      await region.tap();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/projects\/region\/\d{6}\/$/);
      expect(await page.locator('.facet-panel > summary').textContent()).toMatch(/已选 1 项/);
    } finally {
      await context.close();
    }
  });
});

describe('sorting projects accepting gifts', () => {
  it('lists them closing soonest first, and keeps the order through the pages', async () => {
    const { context, page } = await phone(false);
    try {
      await page.goto(`${baseUrl}/projects/accepting/yes/`);
      await page.getByRole('navigation', { name: '排序' }).getByRole('link', { name: '即将截止' }).tap();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/projects/accepting/yes/sort/ending/');
      const closing = async () =>
        (await page.locator('#results article').allTextContents()).map(
          (t) => /募捐截止 (\d{4})年(\d{1,2})月(\d{1,2})日/.exec(t)?.slice(1).map(Number) ?? [],
        );
      const days = (list: number[][]) => list.map(([y = 0, m = 0, d = 0]) => y * 10_000 + m * 100 + d);
      const first = days(await closing());
      expect(first.length).toBe(20);
      expect(first).toEqual([...first].sort((a, b) => a - b));
      await page.getByRole('navigation', { name: '项目列表分页' }).getByRole('link', { name: '第 2 页' }).tap();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/projects/accepting/yes/sort/ending/p/2/');
      const second = days(await closing());
      expect(second[0]).toBeGreaterThanOrEqual(first[first.length - 1] ?? 0);
    } finally {
      await context.close();
    }
  });
});

describe('the phone header, filters and giving cards under axe', () => {
  for (const elder of [false, true]) {
    it(`have no WCAG 2.1 AA violations at 360 px with the menu and the filters open${elder ? ' in 长辈模式' : ''}`, async () => {
      const { context, page } = await phone(elder);
      const found: string[] = [];
      const check = async (what: string) => {
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of result.violations) found.push(`${what}: ${v.id} — ${v.nodes[0]?.target.join(' ')}`);
      };
      try {
        await page.goto(`${baseUrl}/`);
        await page.getByText('菜单', { exact: true }).tap();
        await page.locator('.province-pick > summary').tap();
        await check('首页');
        await page.goto(`${baseUrl}/projects/accepting/yes/sort/needed/`);
        await page.locator('.facet-panel > summary').tap();
        await check('排序的项目列表');
        await page.goto(`${baseUrl}${site.urls['project accepting donations']}`);
        await check('项目页');
        expect(found).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
