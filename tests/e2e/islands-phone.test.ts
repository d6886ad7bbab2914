import type { BrowserContext, Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { siteBrowser } from '../support/e2e/site-browser.ts';

/**
 * The islands on a 360 px touch phone, as most donors here see them, normal and in 长辈模式:
 * nothing wider than the screen (no sideways scrolling) on the pages that host an island, and the
 * donate form's phone defaults.
 */
const site = siteBrowser();
const { baseUrl } = site;

async function phone(elder: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  if (elder) await context.addInitScript(() => localStorage.setItem('xj-elder', '1'));
  return { context, page: await context.newPage() };
}

const overflow = (p: Page) =>
  p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the islands at 360 px', () => {
  for (const elder of [false, true]) {
    it(`fit the screen${elder ? ' in 长辈模式' : ''}: project page through the confirm step, result, search, cause slot`, async () => {
      const { context, page } = await phone(elder);
      try {
        const wide: string[] = [];
        const check = async (what: string) => {
          const px = await overflow(page);
          if (px > 0) wide.push(`${what}: ${px}px`);
        };
        await page.goto(`${baseUrl}${site.urls['project accepting donations']}`);
        const donate = page.locator('#donate');
        await donate.getByRole('radio', { name: '50 元' }).check();
        // A touch phone gets Alipay's mobile cashier by default.
        expect(await donate.getByRole('radio', { name: '手机网页' }).isChecked()).toBe(true);
        await check('项目页');
        await donate.getByRole('button', { name: '下一步：核对捐赠信息' }).click();
        await donate.getByRole('heading', { name: '请核对捐赠信息' }).waitFor();
        await check('核对步骤');
        const result = (await donate.getByRole('link', { name: '已付款？查看捐赠结果' }).getAttribute('href')) ?? '';
        await page.goto(`${baseUrl}${result}`);
        await page.locator('#donation-result h2').waitFor();
        await check('捐赠结果页');
        await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('失能老人')}`);
        await page.locator('.search-hit').first().waitFor();
        await check('搜索页');
        await page.goto(`${baseUrl}${site.urls['needs of a province']}`);
        await check('需求页');
        expect(wide).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
