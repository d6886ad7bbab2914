import { type Browser, expect, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium } from '../../bench/harness/browser.ts';
import { waitForIdle } from '../../bench/harness/publisher-status.ts';
import { journeyPortal, step } from '../support/journeys/journey-context.ts';

/**
 * Journey 1: a donor searches 失能老人 from the header's search box (its form goes to the results
 * page the portal renders on the server, /search/results/), opens a project from the results,
 * gives 50 元 through the Alipay sandbox (its own checkout page; the notify is signed like
 * Alipay's and goes through the production notify route), sees the result page turn to 支付成功,
 * and the project's live total rises by exactly 50 元 and one gift. Only the payer is a fake:
 * Alipay's servers cannot run here, the sandbox plays them.
 */
const { baseUrl } = journeyPortal();
let browser: Browser;

/** "1,234.50 元" → 123450. */
function fenOf(text: string | null): number {
  const m = /^([\d,]+)\.(\d{2}) 元$/.exec((text ?? '').trim());
  if (!m) throw new Error(`不是以元表示的金额：${text}`);
  return Number((m[1] ?? '').replace(/,/g, '')) * 100 + Number(m[2]);
}
const countOf = (text: string | null) => Number(/^([\d,]+) 笔$/.exec((text ?? '').trim())?.[1]?.replace(/,/g, ''));

async function liveTotals(page: Page): Promise<{ raisedFen: number; count: number }> {
  const raised = page.locator('#live-totals [data-live="raised"]');
  await raised.waitFor({ state: 'visible', timeout: 30_000 });
  return {
    raisedFen: fenOf(await raised.textContent()),
    count: countOf(await page.locator('#live-totals [data-live="count"]').textContent()),
  };
}

beforeAll(async () => {
  await waitForIdle(baseUrl);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('journey 1: a donor searches, gives 50 元 in the sandbox, and the total rises', () => {
  it('search → project → sandbox payment → 支付成功 → total +50 元', async () => {
    const page = await browser.newPage();
    step('1', '在首页的搜索框中搜索“失能老人”');
    await page.goto(`${baseUrl}/`);
    const box = page.getByRole('search', { name: '全站搜索' }).getByRole('searchbox');
    await box.fill('失能老人');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('失能老人');
    expect(new URL(page.url()).pathname).toBe('/search/results/');
    await page.locator('.search-hit').first().waitFor({ timeout: 30_000 });

    // The first project among the results that accepts donations (the donate form is there).
    const hrefs = (await page
      .locator('.search-hit__title a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) as string[];
    const projects = hrefs.filter((h) => h.startsWith('/projects/'));
    expect(projects.length, '搜索结果中没有项目').toBeGreaterThan(0);
    let projectUrl = '';
    for (const href of projects) {
      await page.locator(`.search-hit__title a[href="${href}"]`).first().click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(new URL(href, baseUrl).pathname);
      if ((await page.locator('#donate').getByRole('radio', { name: '50 元' }).count()) > 0) {
        projectUrl = page.url();
        break;
      }
      await page.goBack();
    }
    expect(projectUrl, '前 10 条结果中的项目都不接受在线捐赠').not.toBe('');
    step('1', `打开项目 ${new URL(projectUrl).pathname}`);
    const before = await liveTotals(page);

    const donate = page.locator('#donate');
    await donate.getByRole('radio', { name: '50 元' }).check();
    await donate.getByRole('button', { name: '下一步：核对捐赠信息' }).click();
    await expect(donate.getByRole('heading', { name: '请核对捐赠信息' })).toBeVisible();
    await expect(donate.locator('.donate__step')).toContainText('50.00 元');
    step('1', '前往（沙箱）支付宝付款');
    await donate.getByRole('link', { name: '确认，前往支付宝付款' }).click();
    await expect(page.getByText('这是沙箱支付，不会产生真实扣款')).toBeVisible();
    await expect(page.locator('main')).toContainText('50.00 元');
    await page.getByRole('button', { name: '确认付款（沙箱，不扣款）' }).click();
    await page.getByRole('link', { name: '返回捐赠页面' }).click();

    await expect.poll(() => new URL(page.url()).pathname).toBe('/donations/result/');
    const result = page.locator('#donation-result');
    await expect(result.getByRole('heading', { name: '支付成功' })).toBeVisible({ timeout: 60_000 });
    step('1', '结果页显示支付成功');

    await page.goto(projectUrl);
    const after = await liveTotals(page);
    expect(after.raisedFen - before.raisedFen).toBe(5000);
    expect(after.count - before.count).toBe(1);
    step('1', `项目实时总额 ${before.raisedFen / 100} → ${after.raisedFen / 100} 元`);
    await page.close();
  });
});
