import { type Browser, expect } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium } from '../../bench/harness/browser.ts';
import { publisherStatus, waitForIdle } from '../../bench/harness/publisher-status.ts';
import { type Disclosure, disclosureSchedule, type IsoDate, type Project, todayIso } from '../../content/index.ts';
import { account, journeyPortal, liveSnapshot, step } from '../support/journeys/journey-context.ts';
import { adminLoginUi, expectPublished, field, pickOption } from '../support/journeys/strapi-admin.ts';

/**
 * Journey 2: a charity editor (credentials from the demo accounts file) logs into the Strapi admin
 * in Chromium, adds a progress disclosure to one of their projects that the live site flags
 * 逾期未披露, and publishes it. After the webhook-driven rebuild the disclosure is on the project
 * page and the overdue flag is gone.
 *
 * The project is chosen by the content/ rules themselves: one of the editor's projects that is
 * overdue today and that one progress disclosure published today brings up to date.
 */
const { baseUrl, strapiUrl } = journeyPortal();
const editor = account((a) => a.role === 'charityEditor' && a.email.startsWith('charity1@'), '慈善组织编辑一');
let browser: Browser;

interface Plan {
  project: Project;
  latest: Disclosure | undefined;
  periodStart: IsoDate;
  today: IsoDate;
}

function choose(): Plan {
  const snapshot = liveSnapshot();
  const today = snapshot.demo ? snapshot.asOf : todayIso();
  for (const project of snapshot.projects.filter((p) => p.charity === editor.charity)) {
    const own = snapshot.disclosures.filter((d) => d.project === project.slug);
    const before = disclosureSchedule(project, own, today);
    if (!before.isOverdue) continue;
    const periodStart = before.overdue[0]?.coversFrom ?? today;
    const probe: Disclosure = {
      slug: 'probe',
      project: project.slug,
      kind: 'progress',
      title: 'probe',
      publishedOn: today,
      period: { start: periodStart, end: today },
      raisedToDateFen: 0,
      spentToDateFen: 0,
      body: 'probe',
      expenses: [],
      corrects: null,
      corrections: [],
    };
    if (disclosureSchedule(project, [...own, probe], today).isOverdue) continue;
    const latest = [...own].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn))[0];
    return { project, latest, periodStart, today };
  }
  throw new Error(`慈善组织 ${editor.charity} 没有“补一条进展公开即可不再逾期”的项目`);
}

const slash = (d: IsoDate) => d.replaceAll('-', '/');

beforeAll(async () => {
  await waitForIdle(baseUrl);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('journey 2: a charity editor publishes an overdue disclosure', () => {
  it('appears on the project page and clears the 逾期未披露 flag', async () => {
    const plan = choose();
    const { project } = plan;
    const stamp = Date.now().toString(36);
    const title = `${plan.today.slice(0, 7).replace('-', '年')}月项目进展（${stamp}）`;
    const projectUrl = `${baseUrl}/projects/${project.slug}/`;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });

    step('2', `线上项目页 ${project.slug} 显示逾期未披露`);
    await page.goto(projectUrl);
    await expect(page.getByText(/逾期未披露 \d+ 项/).first()).toBeVisible();

    step('2', `以 ${editor.email} 登录管理后台，新建进展公开`);
    await adminLoginUi(page, strapiUrl, editor);
    await page.goto(`${strapiUrl}/admin/content-manager/collection-types/api::disclosure.disclosure/create`);
    // The create form fills in its initial state after its requests settle; typing before that
    // can be overwritten (two full runs on a busy machine published with "validation errors").
    await page.waitForLoadState('networkidle');
    await expect(field(page, 'slug')).toBeEditable({ timeout: 60_000 });
    await field(page, 'slug').fill(`journey-${stamp}`);
    await pickOption(page, 'project', project.title.slice(0, 8), project.title);
    await pickOption(page, 'kind', null, 'progress');
    await field(page, 'title').fill(title);
    await field(page, 'publishedOn').fill(slash(plan.today));
    await field(page, 'start').fill(slash(plan.periodStart));
    await field(page, 'end').fill(slash(plan.today));
    await field(page, 'raisedToDateFen').fill(String(plan.latest?.raisedToDateFen ?? 0));
    await field(page, 'spentToDateFen').fill(String(plan.latest?.spentToDateFen ?? 0));
    await page.locator('.CodeMirror').first().click();
    await page.keyboard.type('本季度项目按计划推进，已完成走访与物资发放，资金使用情况见明细。');
    // What the editor sees before pressing 发布: every value still in its field.
    await expect(field(page, 'slug')).toHaveValue(`journey-${stamp}`);
    await expect(field(page, 'title')).toHaveValue(title);
    await expect(field(page, 'raisedToDateFen')).toHaveValue(String(plan.latest?.raisedToDateFen ?? 0));
    await expect(field(page, 'spentToDateFen')).toHaveValue(String(plan.latest?.spentToDateFen ?? 0));
    await expect(page.locator('.CodeMirror').first()).toContainText('本季度项目按计划推进');

    const before = await publisherStatus(baseUrl);
    const clicked = Date.now();
    await page.getByRole('button', { name: /^(发布|Publish)$/ }).click();
    await expectPublished(page);
    step('2', '已发布，等待站点重新构建……');

    // What a person does: reload the project page until the new disclosure shows.
    const live = await browser.newPage();
    await expect
      .poll(
        async () => {
          await live.goto(projectUrl);
          return live.getByText(title).count();
        },
        { timeout: 300_000, intervals: [2000] },
      )
      .toBeGreaterThan(0);
    const after = await publisherStatus(baseUrl);
    step('2', `新版本 ${after.current?.id} 上线，用时 ${((Date.now() - clicked) / 1000).toFixed(1)} 秒`);
    expect(after.current?.id).not.toBe(before.current?.id);
    await expect(live.getByText(/逾期未披露 \d+ 项/)).toHaveCount(0);
    await expect(live.getByText('本项目目前没有逾期未披露的信息公开事项。')).toBeVisible();
    await page.close();
    await live.close();
  });
});
