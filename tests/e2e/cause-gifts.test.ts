import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { TARGET_GROUPS } from '../../content/index.ts';
import { siteBrowser } from '../support/e2e/site-browser.ts';

/**
 * Cause gifts against the built e2e site and its API (issue 15 items 1 and 11): never routed to a
 * project on the 逾期未披露 list, the reason's figures are the project page's, the result page
 * repeats the reason, and an ended campaign says so at the top, offers no cause slot and its gifts
 * are refused.
 */
const clientDir = inject('clientDir');
const site = siteBrowser();
const { baseUrl } = site;
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  context = await site.browser.newContext({ viewport: { width: 360, height: 800 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
async function axe(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

const builtPage = (path: string) => readFile(join(clientDir, path, 'index.html'), 'utf8');
const OVERDUE_BADGE = 'href="#disclosures">逾期未披露';

/** The fields these tests read from a 201 or an error answer (the other one's are absent). */
interface Answer {
  donationId: string;
  project: { slug: string };
  routing: { reason: string };
  error: { code: string; message: string };
}

async function give(body: Record<string, unknown>) {
  const r = await fetch(`${baseUrl}/api/donations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ amountFen: 5000, channel: 'page', anonymous: true, ...body }),
  });
  return { status: r.status, json: (await r.json()) as Answer };
}

/** An accepting project page with an overdue disclosure (its donate slot carries the notice). */
async function overdueAcceptingProject(): Promise<string> {
  for (const slug of (await readdir(join(clientDir, 'projects'))).sort()) {
    const html = await builtPage(`projects/${slug}`).catch(() => '');
    if (html.includes('data-overdue-notice')) return slug;
  }
  throw new Error('演示数据中没有逾期未披露且接受捐赠的项目');
}

/** A campaign page with the ended banner (the demo has past 中华慈善日 campaigns). */
async function endedCampaign(): Promise<string> {
  for (const slug of (await readdir(join(clientDir, 'campaigns'))).sort()) {
    const html = await builtPage(`campaigns/${slug}`).catch(() => '');
    if (html.includes('data-campaign-ended')) return slug;
  }
  throw new Error('演示数据中没有已结束的专题活动');
}

describe('cause gifts', () => {
  it('never routes to a project with an overdue disclosure, whatever the 帮扶对象', async () => {
    let routed = 0;
    for (const targetGroup of Object.keys(TARGET_GROUPS)) {
      const r = await give({ pool: { targetGroup } });
      if (r.status === 409) {
        expect(r.json.error.code).toBe('NO_ELIGIBLE_PROJECT');
        continue;
      }
      expect(r.status).toBe(201);
      routed++;
      const html = await builtPage(`projects/${r.json.project.slug}`);
      expect(html, r.json.project.slug).not.toContain(OVERDUE_BADGE);
      expect(r.json.routing.reason).not.toContain(`（${r.json.project.slug}）`);
      expect(r.json.routing.reason).not.toMatch(/\d{4}-\d{2}-\d{2}|字母序/);
    }
    expect(routed).toBeGreaterThan(2);
  });

  it("explains with the project page's figures, and the result page repeats the reason", async () => {
    const r = await give({ pool: { targetGroup: 'minors' } });
    expect(r.status).toBe(201);
    const reason = r.json.routing.reason as string;
    await page.goto(`${baseUrl}/projects/${r.json.project.slug}/`);
    const totals = page.locator('#live-totals');
    const figure = async (term: string) =>
      (
        (await totals
          .locator('.stat', { has: page.locator(`dt:text-is("${term}")`) })
          .locator('dd')
          .textContent()) ?? ''
      ).trim();
    const raised = await figure('已公开募得');
    const note = (await totals.locator('p.small.muted').first().textContent()) ?? '';
    const asOf = /数据截至 (\S+) 的信息公开，已达目标的 (\d+)%/.exec(note);
    if (asOf) expect(reason).toContain(`据${asOf[1]}的信息公开，已公开募得 ${raised}，已达目标的 ${asOf[2]}%`);
    else expect(reason).toContain('项目尚未发布信息公开');
    expect(reason).toContain(`募捐目标 ${await figure('募捐目标')}`);

    await page.goto(`${baseUrl}/donations/result/?id=${r.json.donationId}`);
    const shown = page.locator('#donation-result [data-routing-reason]');
    await shown.waitFor();
    expect(await shown.textContent()).toBe(`选择理由：${reason}`);
    await page.screenshot({ path: '/work/look/route/e2e-result-360.png', fullPage: true }).catch(() => undefined);
  });

  it('an ended campaign says so at the top, offers no cause slot, and its cause gifts are refused', async () => {
    const slug = await endedCampaign();
    await page.goto(`${baseUrl}/campaigns/${slug}/`);
    const banner = page.locator('[data-campaign-ended]');
    expect(await banner.textContent()).toMatch(/本活动已于\d{4}年\d{1,2}月\d{1,2}日结束/);
    expect(await page.locator('[data-cause-donate]').count()).toBe(0);
    // At the top: right under the title, within the first screen of a phone.
    const box = await banner.boundingBox();
    expect(box?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(800);
    expect(await axe(page)).toEqual([]);
    const refused = await give({ pool: { campaign: slug } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('CAMPAIGN_ENDED');
    expect(refused.json.error.message).toMatch(/^专题活动「.+」已于\d{4}年\d{1,2}月\d{1,2}日结束/);
  });

  it('lets a donor give directly to an overdue project, with the notice shown above the form', async () => {
    const slug = await overdueAcceptingProject();
    await page.goto(`${baseUrl}/projects/${slug}/`);
    const donate = page.locator('#donate');
    const notice = donate.locator('[data-overdue-notice]');
    expect(await notice.textContent()).toMatch(/本项目有 \d+ 项法定信息公开逾期未披露/);
    const form = donate.getByRole('button', { name: '下一步：核对捐赠信息' });
    await form.waitFor();
    // Above the form's first question (its 下一步 button sticks to the bottom of a phone's screen,
    // so it is no measure of where the form starts): both measured in one moment in the page.
    const above = await donate.evaluate((root) => {
      const shown = root.querySelector('[data-overdue-notice]');
      const input = [...root.querySelectorAll('input')].find((i) => i.getClientRects().length > 0);
      if (!shown || !input) return null;
      return shown.getBoundingClientRect().bottom <= input.getBoundingClientRect().top;
    });
    expect(above).toBe(true);
    expect(await axe(page)).toEqual([]);
    await donate.getByText('50 元', { exact: true }).click();
    await form.click();
    await donate.getByRole('heading', { name: '请核对捐赠信息' }).waitFor();
  });
});
