import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../bench/harness/browser.ts';
import { COUNTY_A, type Harness, startHarness } from '../../support/referrals/workbench-harness.ts';
import { tempDirs } from '../../support/temp-dirs.ts';

/**
 * The referral journey in real Chromium (Debian's), on the workbench's own server and SQLite —
 * the workbench is never part of a release, so no site build is needed: a county caseworker
 * records consent and refers a household to the suggested charity; the charity's caseworker
 * accepts, records help and closes; the county sees the outcome. Plain forms, no script.
 * With XIANJIE_LOOK_DIR set, screenshots at 360 px, 1366 px, 长辈模式 and WeChat's UA go there.
 */
const tmp = tempDirs();
const LOOK = process.env.XIANJIE_LOOK_DIR ?? null;
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.47';

describe('衔接工作台 in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  const accounts: Record<string, { username: string; password: string }> = {};

  beforeAll(async () => {
    h = await startHarness({ kind: 'sqlite' }, tmp('xj-workbench-browser-'));
    accounts.county = await h.account({
      username: 'county.a',
      displayName: '岷县经办',
      role: 'civil-affairs',
      regionCode: COUNTY_A,
    });
    accounts.charity = await h.account({
      username: 'charity.a',
      displayName: '总会经办',
      role: 'charity',
      charitySlug: 'gansu-cishan',
    });
    browser = await launchChromium();
    if (LOOK) mkdirSync(LOOK, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function signedIn(
    who: string,
    options: { width?: number; userAgent?: string } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 360, height: 780 },
      javaScriptEnabled: false,
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    });
    const page = await context.newPage();
    await page.goto(`${h.url}/workbench/`);
    await page.getByLabel('用户名').fill(accounts[who]?.username ?? '');
    await page.getByLabel('密码').fill(accounts[who]?.password ?? '');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/workbench\/queue/, { timeout: 5000 }).catch(async (e) => {
      throw new Error(`${page.url()}: ${await page.locator('body').textContent()}`, { cause: e });
    });
    return { context, page };
  }

  const shot = async (page: Page, name: string) => {
    if (LOOK) await page.screenshot({ path: join(LOOK, `${name}.png`), fullPage: true });
  };

  it('county refers with consent, charity accepts, records help and closes, county sees the outcome', async () => {
    const county = await signedIn('county');
    const p = county.page;
    // The stylesheet is allowed by its hash: the header is painted, not unstyled.
    expect(await p.locator('header').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(122, 31, 31)');
    await shot(p, 'county-queue-empty-360');
    await p.getByRole('link', { name: '新建转介（向慈善组织）' }).click();
    await p.getByLabel('帮扶对象类别（必填）').selectOption('minors');
    await p.getByLabel('需要的帮扶（必填）').selectOption('education');
    await p.getByLabel('紧急', { exact: true }).check();
    await p.getByLabel('申请未获批准（暂不符合条件）').check();
    await p.getByLabel('已给予的救助，或未获批准的原因').fill('家庭收入略高于当地低保标准');
    await p.getByLabel('姓名（必填）', { exact: true }).fill('测试户浏览器');
    await p.getByLabel('家庭人口（人）（必填）').fill('3');
    await p.getByLabel('同意人姓名（必填）').fill('测试户浏览器');
    await p.getByLabel('本人', { exact: true }).check();
    await p.getByLabel('同意有效期至（必填）').fill('2026-12-31');
    await p.getByRole('checkbox', { name: '姓名' }).check();
    await shot(p, 'county-new-referral-360');
    // Without the consent box ticked: refused, saying why.
    await p.getByRole('button', { name: '下一步：选择慈善组织' }).click();
    await expect.poll(() => p.getByRole('alert').textContent()).toContain('不能转介');
    await shot(p, 'county-no-consent-360');
    await p.getByLabel('当事人（或其监护人）已同意向慈善组织提供本表信息').check();
    await p.getByRole('button', { name: '下一步：选择慈善组织' }).click();
    await p.waitForURL(/\/charities$/);
    await shot(p, 'county-suggestions-360');
    await p.getByLabel('当事人同意向所选慈善组织提供信息（同意范围以上一步记录为准）').check();
    await p.getByRole('button', { name: '发出转介' }).click();
    await expect.poll(() => p.getByRole('status').textContent()).toContain('转介已发出');
    const reference = (await p.locator('h1').textContent())?.replace('转介 ', '').trim() ?? '';
    expect(reference).toMatch(/^ZJ-/);

    const charity = await signedIn('charity', { userAgent: WECHAT_UA });
    const c = charity.page;
    await expect.poll(() => c.locator('main').textContent()).toContain(reference);
    await shot(c, 'charity-queue-wechat-360');
    await c.getByRole('link', { name: reference }).click();
    expect(await c.locator('main').textContent()).toContain('测试户浏览器');
    await c.getByRole('button', { name: '接收' }).click();
    await c.getByLabel('帮扶方式（必填）').selectOption('cash');
    await c.getByLabel('金额（元，资金帮扶必填）').fill('800');
    await c.getByRole('button', { name: '登记帮扶' }).click();
    await expect.poll(() => c.getByRole('status').textContent()).toContain('帮扶已登记');
    await c.getByLabel('已帮扶').check();
    await c.getByRole('button', { name: '结案' }).click();
    await expect.poll(() => c.getByRole('status').textContent()).toContain('已结案');
    await shot(c, 'charity-closed-360');

    await p.goto(`${h.url}/workbench/queue`);
    await p.getByRole('link', { name: reference }).click();
    const text = await p.locator('main').textContent();
    expect(text).toContain('已结案（已帮扶）');
    expect(text).toContain('800.00');
    await p.getByRole('link', { name: '长辈模式' }).click();
    expect(await p.locator('body').getAttribute('class')).toBe('large');
    await shot(p, 'county-detail-elder-360');
    await p.setViewportSize({ width: 1366, height: 900 });
    await shot(p, 'county-detail-elder-1366');
    await p.getByRole('link', { name: '标准字号' }).click();
    await p.goto(`${h.url}/workbench/queue`);
    await shot(p, 'county-queue-1366');
    await county.context.close();
    await charity.context.close();
  });
});
