import { type Browser, expect, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium } from '../../bench/harness/browser.ts';
import { waitForIdle } from '../../bench/harness/publisher-status.ts';
import { account, journeyPortal, liveSnapshot, step } from '../support/journeys/journey-context.ts';
import { adminLoginUi, expectPublished, expectSaved, field } from '../support/journeys/strapi-admin.ts';

/**
 * Journey 4: a ministry editor publishes a typical case and an award in the Strapi admin (each
 * started from an existing entry with the admin's Duplicate action, as an editor would for a new
 * entry of a familiar shape: a new slug and title, everything else reviewed and kept). Both then
 * appear on the live site, and every link they carry answers 200.
 */
const { baseUrl, strapiUrl } = journeyPortal();
const ministry = account((a) => a.role === 'ministryEditor', '民政部门编辑');
let browser: Browser;

/**
 * Duplicates the entry `source` (found by its slug, recognised in the list by `shown`, which the
 * list displays: cms/src/edit-views) of `uid` from its list, sets `fields` (by their Chinese
 * labels), saves, publishes; returns the form's values of `read`.
 */
async function duplicateAndPublish(
  page: Page,
  uid: string,
  source: { slug: string; shown: string },
  fields: Record<string, string>,
  read: string[] = [],
): Promise<Record<string, string>> {
  await page.goto(
    `${strapiUrl}/admin/content-manager/collection-types/${uid}?_q=${encodeURIComponent(source.slug)}&page=1`,
  );
  await expect(page.getByText(source.shown, { exact: true }).first()).toBeVisible({ timeout: 60_000 });
  await page
    .getByRole('button', { name: /^(Row actions|操作)$/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: /^(Duplicate|复制)$/ }).click();
  // The slug is unique, so Strapi explains it can't copy as is and offers the form.
  await page.getByRole('link', { name: /^(Create|创建)$/ }).click();
  await expect(page).toHaveURL(/\/clone\//);
  // The clone form fills itself from the source after it loads; typing before that is overwritten.
  await expect
    .poll(
      () =>
        page
          .locator('input')
          .evaluateAll((els, shown) => els.some((e) => (e as HTMLInputElement).value === shown), source.shown),
      {
        timeout: 60_000,
      },
    )
    .toBe(true);
  for (const [name, value] of Object.entries(fields)) {
    await field(page, name).fill(value);
    await expect(field(page, name)).toHaveValue(value);
  }
  const values: Record<string, string> = {};
  for (const name of read) values[name] = await field(page, name).inputValue();
  await page.getByRole('button', { name: /^(保存|Save)$/ }).click();
  await expectSaved(page, (url) => !url.pathname.includes('/clone/'));
  await page.getByRole('button', { name: /^(发布|Publish)$/ }).click();
  await expectPublished(page);
  return values;
}

/** Follows every link inside `scope` on `page` that stays on the site, and expects 200 from each. */
async function expectLinksWork(page: Page, selector: string): Promise<number> {
  const hrefs = await page
    .locator(`${selector} a[href^="/"]`)
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  for (const href of new Set(hrefs)) {
    const res = await fetch(new URL(href.split('#')[0] ?? href, baseUrl));
    expect(res.status, href).toBe(200);
  }
  return hrefs.length;
}

beforeAll(async () => {
  await waitForIdle(baseUrl);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('journey 4: a ministry editor publishes a typical case and an award', () => {
  it('both appear on the live site, with working links', async () => {
    const stamp = Date.now().toString(36);
    const caseSlug = `journey-case-${stamp}`;
    const caseTitle = `旅程四：典型案例（${stamp}）`;
    const awardSlug = `journey-award-${stamp}`;
    const citation = `旅程四：表彰事迹（${stamp}）。长期开展困难群众帮扶，与民政部门救助工作有效衔接。`;

    const admin = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    step('4', `以 ${ministry.email} 登录管理后台`);
    await adminLoginUi(admin, strapiUrl, ministry);
    step('4', `发布典型案例 ${caseSlug}`);
    // Start from entries that link to the portal's projects and charities, so there are links to follow.
    const snapshot = liveSnapshot();
    const sourceCase = snapshot.typicalCases.find((c) => c.projects.length > 0 && c.charities.length > 0);
    const sourceAward = snapshot.awards.find((a) => a.awardee.charity !== null || a.awardee.project !== null);
    if (!sourceCase || !sourceAward) throw new Error('演示数据中没有带关联的典型案例或表彰');
    await duplicateAndPublish(
      admin,
      'api::typical-case.typical-case',
      { slug: sourceCase.slug, shown: sourceCase.title },
      {
        网址标识: caseSlug,
        案例标题: caseTitle,
      },
    );
    step('4', `发布表彰 ${awardSlug}`);
    const form = await duplicateAndPublish(
      admin,
      'api::award.award',
      { slug: sourceAward.slug, shown: sourceAward.name },
      { 网址标识: awardSlug, 表彰事迹: citation },
      ['年份'],
    );
    const year = (form.年份 ?? '').replace(/\D/g, '');
    await admin.close();
    const published = Date.now();

    const page = await browser.newPage();
    const casePage = `${baseUrl}/cases/${caseSlug}/`;
    const awardsPage = `${baseUrl}/awards/${year}/`;
    step('4', '等待两条内容出现在线上站点……');
    await expect
      .poll(
        async () => {
          const [c, a] = await Promise.all([fetch(casePage), fetch(awardsPage)]);
          return c.status === 200 && (await a.text()).includes(`id="award-${awardSlug}"`);
        },
        { timeout: 300_000, intervals: [2000] },
      )
      .toBe(true);
    step('4', `已上线（发布后 ${((Date.now() - published) / 1000).toFixed(1)} 秒）`);

    // The case: reachable from the cases listing, its page shows it, its links work.
    await page.goto(`${baseUrl}/cases/`);
    let found = false;
    for (let i = 0; i < 20 && !found; i++) {
      const link = page.getByRole('link', { name: caseTitle });
      if ((await link.count()) > 0) {
        await link.first().click();
        found = true;
        break;
      }
      const next = page.getByRole('link', { name: /下一页/ });
      if ((await next.count()) === 0) break;
      await next.first().click();
    }
    expect(found, '典型案例列表中找不到新案例').toBe(true);
    await expect(page).toHaveURL(casePage);
    await expect(page.getByRole('heading', { level: 1, name: caseTitle })).toBeVisible();
    const caseLinks = await expectLinksWork(page, 'main');
    for (const slug of sourceCase.projects) {
      await expect(page.locator(`main a[href="/projects/${slug}/"]`).first()).toBeVisible();
    }
    step('4', `案例页的 ${caseLinks} 个站内链接均可打开`);

    // The award: on its year's page from the awards index, with its awardee linked and working.
    await page.goto(`${baseUrl}/awards/`);
    await page.locator(`main a[href^="/awards/${year}/"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`^${awardsPage}(#.*)?$`));
    const item = page.locator(`#award-${awardSlug}`);
    await expect(item).toContainText(citation);
    const awardLinks = await expectLinksWork(page, `#award-${awardSlug}`);
    expect(awardLinks).toBeGreaterThan(0);
    step('4', `表彰条目的 ${awardLinks} 个链接均可打开`);
    await page.close();
  });
});
