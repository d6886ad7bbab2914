import { type Browser, expect, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium } from '../../bench/harness/browser.ts';
import { publisherStatus, waitForAttempt, waitForIdle } from '../../bench/harness/publisher-status.ts';
import { addDays, todayIso } from '../../content/rules/dates.ts';
import { STRAPI_COLLECTIONS } from '../../content/snapshot/strapi-mapping-model.ts';
import { account, journeyPortal, liveSnapshot, step } from '../support/journeys/journey-context.ts';
import { adminToken, contentManager, documentIdOf } from '../support/journeys/strapi-admin.ts';
import {
  demoCaseworkers,
  hardshipSuggesting,
  notice,
  referenceOn,
  type WorkbenchAccount,
  workbenchLogin,
} from '../support/journeys/workbench.ts';

/**
 * Journey 7 (issue 19's Done-means): on the 衔接 workbench of the real `npm start`, the demo
 * county's caseworker records a household's consent and refers it to the charity the workbench
 * suggests first; that charity's caseworker accepts, records help and closes the case as helped.
 * After the next release (a ministry editor publishes, as any day's work does) the county's row on
 * the province's public needs page counts one referral and one helped household more. Then a
 * charity reports a person who may qualify for 低保 and the county records the outcome, which the
 * charity sees. Phone-sized pages (the workbench is used on phones).
 */
const { baseUrl, strapiUrl } = journeyPortal();
const ministry = account((a) => a.role === 'ministryEditor', '民政部门编辑');
const PHONE = { width: 390, height: 844 };
const stamp = Date.now().toString(36).slice(-5);
// Plainly fictional, and unique to this run (PII-lint clean: no ID number, no phone).
const HOUSEHOLD = `旅程七户${stamp}`;
const REPORTED = `旅程七报告${stamp}`;
let browser: Browser;

/** The columns of a referral table (site/lib/render/referral-tables.ts): 转介 … 已帮扶 …. */
const MADE = 0;
const HELPED = 5;

/**
 * The county's "全部" row on its province's needs page (inside the county's <details>, opened as
 * a reader would), or the province's own "全部" row when a county cell is suppressed ("<5",
 * 已隐去). Null when the release carries no referral aggregates for the province.
 */
async function publicCounts(
  page: Page,
  countyCode: string,
): Promise<{ scope: string; made: number | null; helped: number | null } | null> {
  const province = `${countyCode.slice(0, 2)}0000`;
  // A page of its own (a fresh context: nothing cached from an earlier release).
  await page.goto(`${baseUrl}/needs/${province}/#referrals`);
  const read = async (code: string) => {
    const table = page.locator(`table:has(caption#referrals-${code}-charity)`);
    if ((await table.count()) === 0) return null;
    const cells = await table
      .locator('tbody tr', { has: page.locator('th', { hasText: /^全部$/ }) })
      .locator('td')
      .allTextContents();
    const num = (t: string | undefined) => (t && /^[\d,]+$/.test(t.trim()) ? Number(t.replace(/,/g, '')) : null);
    return { made: num(cells[MADE]), helped: num(cells[HELPED]) };
  };
  const details = page.locator('details.referral-county', {
    has: page.locator(`caption#referrals-${countyCode}-charity`),
  });
  if ((await details.count()) > 0) {
    await details.locator('summary').click();
    const county = await read(countyCode);
    if (county?.made != null && county.helped != null) return { scope: countyCode, ...county };
  }
  const own = await read(province);
  return own ? { scope: province, ...own } : null;
}

/** A release built from what the workbench holds now: a ministry editor republishes a typical case. */
async function nextRelease(): Promise<void> {
  const before = await publisherStatus(baseUrl);
  const token = await adminToken(strapiUrl, ministry);
  const uid = STRAPI_COLLECTIONS.typicalCases.uid;
  const slug = liveSnapshot().typicalCases[0]?.slug ?? '';
  const documentId = await documentIdOf(strapiUrl, token, uid, slug);
  const published = await contentManager(
    strapiUrl,
    token,
    'POST',
    `collection-types/${uid}/${documentId}/actions/publish`,
    {},
  );
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  const { attempt, seconds } = await waitForAttempt(baseUrl, before.lastAttempt?.startedAt ?? null, {
    until: (a) => a.ok === true,
  });
  expect(attempt.ok).toBe(true);
  step('7', `新版本已上线（构建 ${seconds.toFixed(1)} 秒）`);
}

async function signedIn(who: WorkbenchAccount): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE });
  await workbenchLogin(page, baseUrl, who);
  return page;
}

beforeAll(async () => {
  await waitForIdle(baseUrl);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('journey 7: a referral through the 衔接 workbench, and a report back', () => {
  const { county, countyCode, charities } = demoCaseworkers();

  it('county refers with consent, the charity helps and closes, the public aggregate moves after the release', async () => {
    const today = todayIso(new Date());
    const hardship = hardshipSuggesting(countyCode, new Set(charities.keys()));
    const charity = charities.get(hardship.charitySlug) as WorkbenchAccount;

    const readPublic = async () => {
      const page = await browser.newPage({ viewport: PHONE });
      return { page, counts: await publicCounts(page, countyCode) };
    };
    let first = await readPublic();
    if (!first.counts) {
      // The live release predates the demo workbench (this journey run alone on a fresh portal).
      step('7', '线上版本还没有工作台的汇总：先发布一版');
      await first.page.close();
      await nextRelease();
      first = await readPublic();
    }
    await first.page.close();
    const before = first.counts;
    if (!before || before.made === null || before.helped === null) throw new Error('公开需求页上没有可读的转介汇总数');
    step('7', `发布前（${before.scope}）：转介 ${before.made}，已帮扶 ${before.helped}`);

    step('7', `县级民政经办人员 ${county.username} 记录同意并新建转介`);
    const countyPage = await signedIn(county);
    await countyPage.getByRole('link', { name: '新建转介（向慈善组织）' }).click();
    await countyPage.getByLabel('帮扶对象类别（必填）').selectOption(hardship.targetGroup);
    await countyPage.getByLabel('需要的帮扶（必填）').selectOption(hardship.serviceType);
    await countyPage.getByRole('radio', { name: '紧急', exact: true }).check();
    await countyPage.getByRole('radio', { name: '未申请政府救助' }).check();
    await countyPage.getByLabel('姓名（必填）', { exact: true }).fill(HOUSEHOLD);
    await countyPage.getByLabel('家庭人口（人）（必填）').fill('3');
    await countyPage.getByRole('textbox', { name: '情况说明' }).fill('旅程测试：家中老人患病，需要短期帮扶。');
    await countyPage.getByRole('checkbox', { name: '当事人（或其监护人）已同意向慈善组织提供本表信息' }).check();
    await countyPage.getByLabel('同意人姓名（必填）').fill(HOUSEHOLD);
    await countyPage.getByRole('radio', { name: '本人' }).check();
    await countyPage.getByLabel('同意有效期至（必填）').fill(addDays(today, 180));
    await countyPage.getByRole('checkbox', { name: '姓名', exact: true }).check();
    await countyPage.getByRole('checkbox', { name: '情况说明', exact: true }).check();
    await countyPage.getByRole('button', { name: '下一步：选择慈善组织' }).click();
    await expect(countyPage).toHaveURL(/\/charities$/);
    // The workbench suggests the charity first, with its reason, and has it ticked.
    const suggested = countyPage.locator('label.card').first();
    await expect(suggested).toContainText(hardship.charityName);
    await expect(suggested).toContainText('推荐理由');
    await expect(suggested.getByRole('checkbox')).toBeChecked();
    await countyPage.getByRole('checkbox', { name: /当事人同意向所选慈善组织提供信息/ }).check();
    await countyPage.getByRole('button', { name: '发出转介' }).click();
    await expect(notice(countyPage)).toContainText('转介已发出');
    await expect(countyPage.locator('dd strong')).toHaveText('等待慈善组织答复');
    await expect(countyPage.getByText(/还剩 \d+ 个工作日|今天截止/).first()).toBeVisible();
    const reference = await referenceOn(countyPage);
    await countyPage.screenshot({ path: '/work/look/f19-journey/journey7-county-sent.png', fullPage: true });

    step('7', `慈善组织经办人员 ${charity.username} 在队列中找到 ${reference}，接收、登记帮扶、结案`);
    const charityPage = await signedIn(charity);
    await charityPage.getByLabel('按编号查找').fill(reference);
    await charityPage.getByRole('button', { name: '查找' }).click();
    await charityPage.getByRole('link', { name: reference }).click();
    // Only the fields the consent named: the name and the notes, no address.
    await expect(charityPage.locator('dd', { hasText: HOUSEHOLD }).first()).toBeVisible();
    await expect(charityPage.locator('dt', { hasText: /^住址$/ })).toHaveCount(0);
    await charityPage.getByRole('button', { name: '接收', exact: true }).click();
    await expect(notice(charityPage)).toContainText('已接收');
    await charityPage.getByLabel('帮扶方式（必填）').selectOption('cash');
    await charityPage.getByLabel('金额（元，资金帮扶必填）').fill('800');
    await charityPage.getByRole('button', { name: '登记帮扶' }).click();
    await expect(notice(charityPage)).toContainText('帮扶已登记');
    await expect(charityPage.getByText(/800\.00/).first()).toBeVisible();
    await charityPage.getByRole('radio', { name: '已帮扶' }).check();
    await charityPage.getByRole('button', { name: '结案', exact: true }).click();
    await expect(notice(charityPage)).toContainText('已结案');
    await charityPage.screenshot({ path: '/work/look/f19-journey/journey7-charity-closed.png', fullPage: true });
    await countyPage.reload();
    await expect(countyPage.locator('dd strong')).toHaveText('已结案（已帮扶）');

    step('7', '下一次发布之后，公开需求页上的汇总数随之变化');
    await nextRelease();
    const { page: reader, counts: after } = await readPublic();
    step('7', `发布后（${after?.scope}）：转介 ${after?.made}，已帮扶 ${after?.helped}`);
    expect(after?.scope).toBe(before.scope);
    expect(after?.made).toBe(before.made + 1);
    expect(after?.helped).toBe(before.helped + 1);
    // The household is nowhere on the public page.
    expect(await reader.content()).not.toContain(HOUSEHOLD);
    await reader.screenshot({ path: '/work/look/f19-journey/journey7-needs-after.png', fullPage: false });
    for (const p of [reader, countyPage, charityPage]) await p.close();
  });

  it('a charity reports a person to the county; the county records the outcome, which the charity sees', async () => {
    const today = todayIso(new Date());
    const charity = [...charities.values()][0] as WorkbenchAccount;
    step('7', `慈善组织 ${charity.username} 向 ${countyCode} 民政部门报告可能符合低保的人`);
    const charityPage = await signedIn(charity);
    await charityPage.getByRole('link', { name: '向民政部门报告困难群众' }).click();
    await charityPage.getByRole('radio', { name: '最低生活保障（低保）' }).check();
    await charityPage.getByLabel('帮扶对象类别（必填）').selectOption({ index: 1 });
    await charityPage.getByLabel('所在县（必填）').selectOption(countyCode);
    await charityPage.getByLabel('姓名（必填）', { exact: true }).fill(REPORTED);
    await charityPage.getByLabel('家庭人口（人）（必填）').fill('2');
    await charityPage.getByRole('checkbox', { name: '当事人（或其监护人）已同意向民政部门提供本表信息' }).check();
    await charityPage.getByLabel('同意人姓名（必填）').fill(REPORTED);
    await charityPage.getByRole('radio', { name: '本人' }).check();
    await charityPage.getByLabel('同意有效期至（必填）').fill(addDays(today, 180));
    await charityPage.getByRole('checkbox', { name: '姓名', exact: true }).check();
    await charityPage.getByRole('button', { name: '报告给民政部门' }).click();
    await expect(notice(charityPage)).toContainText('报告已送达');
    const reference = await referenceOn(charityPage);

    step('7', `县级民政经办人员在队列中找到 ${reference}，登记办理结果`);
    const countyPage = await signedIn(county);
    await countyPage.getByLabel('按编号查找').fill(reference);
    await countyPage.getByRole('button', { name: '查找' }).click();
    await countyPage.getByRole('link', { name: reference }).click();
    await expect(countyPage.locator('dd', { hasText: REPORTED }).first()).toBeVisible();
    const said = `已入户核查，${today} 起纳入低保。`;
    await countyPage.getByRole('radio', { name: '已纳入救助' }).check();
    await countyPage.getByLabel('说明', { exact: true }).fill(said);
    await countyPage.getByRole('button', { name: '登记结果' }).click();
    await expect(notice(countyPage)).toContainText('办理结果已登记');

    await charityPage.goto(charityPage.url().split('?')[0] ?? charityPage.url());
    await expect(charityPage.locator('dd strong')).toHaveText('已纳入救助');
    await expect(charityPage.getByText(`民政部门说明：${said}`)).toBeVisible();
    await charityPage.screenshot({ path: '/work/look/f19-journey/journey7-charity-sees-outcome.png', fullPage: true });
    await charityPage.close();
    await countyPage.close();
  });
});
