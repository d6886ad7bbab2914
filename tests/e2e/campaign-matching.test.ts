import type { BrowserContext, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_CAMPAIGN, E2E_POOL } from '../support/e2e/e2e-campaign.ts';
import { siteBrowser } from '../support/e2e/site-browser.ts';

/**
 * Issue 18's "done means" in Chromium, against the shared e2e build and portal (global setup →
 * donate-portal.ts; the snapshot carries a campaign running today with a 1:1 pool,
 * e2e-campaign.ts): a donor gives from the campaign page and the result page shows the 配捐 beside
 * the gift; the pool's counter falls; a team is started, its poster's QR code is its link, two
 * gifts come through that link and the campaign's leaderboard shows them. Payments go through the
 * sandbox (real RSA keys, a signed notify to the real notify route), which stands in for Alipay's
 * servers; each browser pays as its own sandbox buyer, so the team's two gifts come from two donors.
 */
const site = siteBrowser();
const { baseUrl } = site;
const campaignUrl = `${baseUrl}/campaigns/${E2E_CAMPAIGN}/`;
let context: BrowserContext;
let page: Page;
/** The team of the second test: its share link and the leader's private link. */
let teamLink = '';
let leaderUrl = '';
/** A second browser: another donor at the sandbox's cashier. */
let otherContext: BrowserContext;
let other: Page;

beforeAll(async () => {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  otherContext = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  other = await otherContext.newPage();
});
afterAll(async () => {
  await context?.close();
  await otherContext?.close();
});

/** What is left of the pool, as the campaign page reads it live. */
async function poolRemaining(): Promise<number> {
  await page.goto(campaignUrl);
  const remaining = page.locator(`[data-pool="${E2E_POOL}"] [data-pool-remaining]`);
  // The island hydrates when the browser is idle, then asks the live API.
  await expect.poll(() => remaining.getAttribute('data-pool-remaining'), { timeout: 15_000 }).toMatch(/^\d+$/);
  return Number(await remaining.getAttribute('data-pool-remaining'));
}

/**
 * From the sandbox's checkout page to the result page, paying as the account the cashier offers
 * this browser; returns what the result page says and that account.
 */
async function payInSandbox(p: Page = page): Promise<{ said: string; buyer: string }> {
  await p.getByText('这是沙箱支付，不会产生真实扣款').waitFor();
  const buyer = await p.getByLabel(/付款账号/).inputValue();
  await p.getByRole('button', { name: '确认付款（沙箱，不扣款）' }).click();
  await p.getByRole('link', { name: '返回捐赠页面' }).click();
  await expect.poll(() => new URL(p.url()).pathname).toBe('/donations/result/');
  const result = p.locator('#donation-result');
  await result.getByRole('heading', { name: '支付成功' }).waitFor({ timeout: 30_000 });
  await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 10_000 }).toContain('配捐');
  return { said: (await result.textContent()) ?? '', buyer };
}

const matchedFen = (said: string) => {
  const m = /配捐 ([\d,]+)\.(\d{2}) 元：/.exec(said);
  if (!m) throw new Error(`结果页没有写配捐金额：${said}`);
  return Number((m[1] ?? '').replace(/,/g, '')) * 100 + Number(m[2]);
};

describe('配捐 and 一起捐 on a running campaign', () => {
  it("matches a gift to a project of the campaign's page, and the pool counter falls by it", async () => {
    const before = await poolRemaining();
    // From the campaign's project list to a project's donate form.
    await page.locator('[data-project-live]').first().getByRole('link').first().click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/projects\/[a-z0-9-]+\/$/);
    const form = page.locator('#donate');
    await expect.poll(() => form.getByText('在线捐赠需要启用').isVisible(), { timeout: 10_000 }).toBe(false);
    await form.getByRole('radio', { name: '50 元' }).check();
    await form.getByRole('button', { name: '下一步：核对捐赠信息' }).click();
    await form.getByRole('heading', { name: '请核对捐赠信息' }).waitFor();
    // The confirm step says the 配捐 before anything is paid.
    expect((await form.locator('.donate__step').textContent()) ?? '').toContain('配捐');
    await form.getByRole('link', { name: '确认，前往支付宝付款' }).click();
    const { said } = await payInSandbox();
    // 1:1, at most 20 元 a gift: a 50 元 gift meets 20 元, shown beside the gift, never added to it.
    expect(matchedFen(said)).toBe(2_000);
    expect(said).toContain('50.00 元');
    await page.screenshot({ path: '/work/look/f18-more/e2e-result-1280.png', fullPage: true }).catch(() => undefined);
    // Other e2e files may pay gifts to this campaign's projects meanwhile: at least this one's match.
    expect(before - (await poolRemaining())).toBeGreaterThanOrEqual(2_000);
  }, 30_000);

  it("routes a gift from the page's 按帮扶对象捐赠 slot to one of the campaign's projects, and matches it", async () => {
    await other.goto(campaignUrl);
    const campaignProjects = await other
      .locator('[data-project-live]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-project-live')));
    expect(campaignProjects.length).toBeGreaterThan(0);
    const slot = other.locator('#give-cause');
    await expect.poll(() => slot.getByText('在线捐赠需要启用').isVisible(), { timeout: 10_000 }).toBe(false);
    await slot.getByRole('radio', { name: '50 元' }).check();
    await slot.getByRole('button', { name: '下一步：核对捐赠信息' }).click();
    await slot.getByRole('heading', { name: '请核对捐赠信息' }).waitFor();
    const step = slot.locator('.donate__step');
    // The confirm step names the routed project (a link to its page) and why — the campaign.
    const href = (await step.getByRole('link').first().getAttribute('href')) ?? '';
    const routed = /^\/projects\/([a-z0-9-]+)\/$/.exec(href)?.[1];
    expect(campaignProjects).toContain(routed);
    const text = (await step.textContent()) ?? '';
    expect(text).toContain('您在专题活动「年终“一起捐”配捐示例活动」的页面捐赠，只在该活动的参与项目中分配。');
    expect(text).toContain('配捐');
    await step.getByRole('link', { name: '确认，前往支付宝付款' }).click();
    const { said } = await payInSandbox(other);
    expect(matchedFen(said)).toBe(2_000);
    await other
      .screenshot({ path: '/work/look/f18-route/e2e-cause-result-1280.png', fullPage: true })
      .catch(() => undefined);
  }, 30_000);

  it('starts a team whose poster is its link, takes two gifts through it, and tops the leaderboard', async () => {
    await page.goto(campaignUrl);
    const start = page.locator('[data-project-live]').getByRole('link', { name: '发起一起捐' }).first();
    await start.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/teams/new/');
    const form = page.locator('[data-team-start]');
    await form.getByLabel(/队伍名称/).fill('年终同行队');
    await form.getByLabel('目标金额（元）').fill('500');
    await form.getByLabel(/一句话宣言/).fill('岁末一起捐，温暖过冬。');
    await form.getByRole('button', { name: '发起队伍' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/teams/');
    const teamPage = page.locator('[data-team-page]');
    await teamPage.waitFor();
    const teamId = (await teamPage.getAttribute('data-team-page')) ?? '';
    const link = await page.locator('#team-share-url').inputValue();
    expect(link).toBe(`${baseUrl}/teams/?id=${teamId}`);
    teamLink = link;
    leaderUrl = await page.locator('#team-leader-url').inputValue();
    expect(leaderUrl).toMatch(new RegExp(`^${link.replace(/[?.]/g, '\\$&')}#leader=[A-Za-z0-9_-]{20,}$`));

    // The poster: a PNG whose QR code is the team's link.
    const posterHref = (await teamPage.locator('[data-team-poster]').getAttribute('href')) ?? '';
    const poster = await fetch(new URL(posterHref, baseUrl));
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await poster.arrayBuffer()));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link);

    // Two donors: two browsers, each paying at the cashier as its own Alipay account.
    const buyers: string[] = [];
    for (const [p, amount, name] of [
      [page, '10 元', '小周'],
      [other, '50 元', ''],
    ] as const) {
      await p.goto(link);
      const give = p.locator('[data-team-give]');
      await give.getByRole('radio', { name: amount }).check();
      if (name) await give.getByLabel(/公开的称呼/).fill(name);
      await give.getByRole('button').click();
      await p.locator('[data-team-pay-link]').click();
      buyers.push((await payInSandbox(p)).buyer);
    }
    expect(buyers[0]).toMatch(/^2088\d{12}$/);
    expect(buyers[1]).toMatch(/^2088\d{12}$/);
    expect(buyers[1]).not.toBe(buyers[0]);

    await page.goto(link);
    await expect.poll(() => page.locator('[data-team-raised]').getAttribute('data-team-raised')).toBe('6000');
    expect(await page.locator('[data-team-matched]').getAttribute('data-team-matched')).toBe('3000');
    expect((await teamPage.textContent()) ?? '').toContain('小周');

    await page.goto(campaignUrl);
    const entry = page.locator(`[data-leaderboard] [data-team="${teamId}"]`);
    await entry.waitFor();
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain('年终同行队');
    expect(text).toContain('已筹 60.00 元');
    expect(text).toContain('2 人捐款');
    expect(text).toContain('配捐 30.00 元');
    await page
      .screenshot({ path: '/work/look/f18-more/e2e-leaderboard-1280.png', fullPage: true })
      .catch(() => undefined);
  }, 45_000);

  it('the leader closes the team from the private link in another browser; a stranger sees no close button', async () => {
    expect(leaderUrl).not.toBe('');
    const stranger = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(teamLink);
    await strangerPage.locator('[data-team-page]').waitFor();
    expect(await strangerPage.getByRole('button', { name: '结束队伍（发起人）' }).count()).toBe(0);
    await stranger.close();

    const leaderContext = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const leaderPage = await leaderContext.newPage();
    await leaderPage.goto(leaderUrl);
    const close = leaderPage.getByRole('button', { name: '结束队伍（发起人）' });
    await close.waitFor();
    // The key leaves the address bar (and so the history and a shared screenshot) at once.
    expect(leaderPage.url()).toBe(teamLink);
    await leaderPage
      .screenshot({ path: '/work/look/f18-hide/e2e-leader-link-1280.png', fullPage: true })
      .catch(() => undefined);
    await close.click();
    await leaderPage.locator('[data-team-closed]').waitFor({ timeout: 15_000 });
    await leaderPage
      .screenshot({ path: '/work/look/f18-hide/e2e-team-closed-1280.png', fullPage: true })
      .catch(() => undefined);
    await leaderContext.close();
  }, 45_000);
});
