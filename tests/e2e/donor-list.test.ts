import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { E2E_CAMPAIGN } from '../support/e2e/e2e-campaign.ts';
import { siteBrowser } from '../support/e2e/site-browser.ts';

/**
 * The 捐赠名单 the donate form promises, in Chromium, against the built e2e site and its API:
 * gifts made and paid through the real API and the sandbox's signed notify show on the project
 * page — named ones by name, newest first, five at first and more with 「更多」; anonymous ones only
 * counted.
 */
const clientDir = inject('clientDir');
const site = siteBrowser();
const { baseUrl } = site;
let context: BrowserContext;
let page: Page;
let slug: string;

beforeAll(async () => {
  // The last project that takes donations: the donate test gives to the first, and the e2e
  // campaign's projects take the campaign test's named team gifts (e2e-campaign.ts).
  const projects = JSON.parse(await readFile(join(clientDir, 'data', 'projects.json'), 'utf8')) as {
    items: { slug: string; accepting_donations: boolean }[];
  };
  const snapshot = JSON.parse(await readFile(join(clientDir, '..', '..', 'demo.json'), 'utf8')) as {
    projects: { slug: string; campaigns: string[] }[];
  };
  const inCampaign = new Set(snapshot.projects.filter((p) => p.campaigns.includes(E2E_CAMPAIGN)).map((p) => p.slug));
  expect(inCampaign.size).toBeGreaterThan(0);
  const accepting = projects.items.filter((p) => p.accepting_donations && !inCampaign.has(p.slug));
  slug = accepting[accepting.length - 1]?.slug ?? '';
  expect(accepting.length).toBeGreaterThan(1);
});
beforeEach(async () => {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

/** One sandbox gift, created and paid over HTTP as the browser and the sandbox checkout do. */
async function give(body: { anonymous: boolean; displayName?: string; amountFen: number }): Promise<void> {
  const created = await fetch(`${baseUrl}/api/donations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ projectSlug: slug, channel: 'page', ...body }),
  });
  const json = (await created.json()) as { donationId: string; outTradeNo: string; pay: { url: string } };
  expect(created.status, JSON.stringify(json)).toBe(201);
  expect((await fetch(json.pay.url)).status).toBe(200);
  const paid = await fetch(`${baseUrl}/api/payments/sandbox/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      app_id: new URL(json.pay.url).searchParams.get('app_id') ?? '',
      out_trade_no: json.outTradeNo,
      action: 'pay',
    }).toString(),
  });
  expect(paid.status).toBe(200);
  await expect
    .poll(
      async () =>
        ((await (await fetch(`${baseUrl}/api/donations/${json.donationId}`)).json()) as { status: string }).status,
    )
    .toBe('paid');
}

const rows = (p: Page) => p.locator('#donors .donor-list li');

describe('the donor list on a project page', () => {
  it('lists named sandbox gifts newest first with 「更多」, counts the anonymous one, and never names it', async () => {
    await page.goto(`${baseUrl}/projects/${slug}/`);
    const list = page.locator('#donors');
    await list.getByText('还没有公开署名的捐赠。').waitFor();

    await give({ anonymous: true, displayName: '不愿具名', amountFen: 2_000 });
    // A name is the donor's text: markup in it must stay text.
    await give({ anonymous: false, displayName: '<b>林</b>', amountFen: 1_000 });
    for (let i = 1; i <= 5; i++) await give({ anonymous: false, displayName: `名单测试${i}`, amountFen: 100 * i });

    await page.reload();
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(5);
    const first = rows(page).first();
    expect(await first.locator('.donor-list__name').textContent()).toBe('名单测试5');
    expect(await first.locator('.donor-list__gift').textContent()).toMatch(/^5\.00 元 · \d{4}年\d{1,2}月\d{1,2}日$/);
    expect(await list.textContent()).toContain('另有 1 笔匿名捐赠。');
    expect(await list.textContent()).not.toContain('<b>林</b>');
    expect(
      await new AxeBuilder({ page })
        .include('#donors')
        .analyze()
        .then((r) => r.violations.map((v) => v.id)),
    ).toEqual([]);

    await list.getByRole('button', { name: '更多' }).click();
    await expect.poll(() => rows(page).count()).toBe(6);
    const last = rows(page).last();
    expect(await last.locator('.donor-list__name').textContent()).toBe('<b>林</b>');
    expect(await list.locator('b').count()).toBe(0);
    // Focus moved to the first new line; at the end of the list there is no 「更多」.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('<b>林</b>');
    expect(await list.getByRole('button', { name: '更多' }).count()).toBe(0);
    expect(await list.textContent()).not.toContain('不愿具名');
  });

  it('has no list without JavaScript, as there is no online giving without it', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await noJs.newPage();
      await p.goto(`${baseUrl}/projects/${slug}/`);
      await p.locator('#live-totals').waitFor();
      expect(await p.locator('#donors').count()).toBe(0);
      expect(await p.getByText('在线捐赠需要启用').first().isVisible()).toBe(true);
    } finally {
      await noJs.close();
    }
  });
});
