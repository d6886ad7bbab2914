import { type Browser, expect } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium } from '../../bench/harness/browser.ts';
import { STRAPI_COLLECTIONS } from '../../content/snapshot/strapi-mapping.ts';
import { account, journeyPortal, liveSnapshot, step } from '../support/journeys/journey-context.ts';
import { adminLoginUi, adminToken, contentManager, documentIdOf, field } from '../support/journeys/strapi-admin.ts';

/**
 * Journey 3: the charity editor of journey 2 cannot open or edit another charity's project — it is
 * not in their project list, its edit page refuses them, and the API the admin calls refuses the
 * write (and the entry is unchanged, as the super admin sees it).
 */
const PROJECT_UID = STRAPI_COLLECTIONS.projects.uid;
const { strapiUrl } = journeyPortal();
const editor = account((a) => a.role === 'charityEditor' && a.email.startsWith('charity1@'), '慈善组织编辑一');
const superAdmin = account((a) => a.role === 'superAdmin', '超级管理员');
let browser: Browser;
let otherSlug: string;
let otherTitle: string;
let otherId: string;

beforeAll(async () => {
  const snapshot = liveSnapshot();
  const other = snapshot.projects.find((p) => p.charity !== editor.charity);
  if (!other) throw new Error('没有其他慈善组织的项目');
  otherSlug = other.slug;
  otherTitle = other.title;
  otherId = await documentIdOf(strapiUrl, await adminToken(strapiUrl, superAdmin), PROJECT_UID, otherSlug);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("journey 3: a charity editor and another charity's project", () => {
  it('is not listed, and its edit page is refused', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await adminLoginUi(page, strapiUrl, editor);

    step('3', `项目列表中搜索其他组织的项目 ${otherSlug}`);
    const list = `${strapiUrl}/admin/content-manager/collection-types/${PROJECT_UID}`;
    await page.goto(list);
    // Their own projects are listed …
    const own = liveSnapshot().projects.find((p) => p.charity === editor.charity);
    await page.goto(`${list}?_q=${encodeURIComponent(own?.slug ?? '')}&page=1`);
    // (The list shows titles: cms/src/edit-views.)
    await expect(page.getByText(own?.title ?? '—', { exact: true }).first()).toBeVisible({ timeout: 60_000 });
    // … another charity's is not, not even when searched for by its exact slug.
    await page.goto(`${list}?_q=${encodeURIComponent(otherSlug)}&page=1`);
    await expect(page.getByText(/^0 entries found|No content found|没有找到|找不到内容|暂无/).first()).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByText(otherSlug)).toHaveCount(0);

    step('3', '直接打开其他组织项目的编辑页');
    await page.goto(`${list}/${otherId}`);
    await expect(page.getByText(/Forbidden|出错了|don't have the permissions|没有权限/).first()).toBeVisible({
      timeout: 60_000,
    });
    await expect(field(page, '项目名称')).toHaveCount(0);
    await expect(page.getByText(otherTitle)).toHaveCount(0);
    await page.close();
  });

  it('the API refuses the write, and the entry is unchanged', async () => {
    const token = await adminToken(strapiUrl, editor);
    step('3', '以该编辑的身份直接调用接口修改、发布其他组织的项目');
    const read = await contentManager(strapiUrl, token, 'GET', `collection-types/${PROJECT_UID}/${otherId}`);
    expect(read.status).toBe(403);
    const update = await contentManager(strapiUrl, token, 'PUT', `collection-types/${PROJECT_UID}/${otherId}`, {
      title: '被越权修改的标题',
    });
    expect(update.status).toBe(403);
    const publish = await contentManager(
      strapiUrl,
      token,
      'POST',
      `collection-types/${PROJECT_UID}/${otherId}/actions/publish`,
      {},
    );
    expect(publish.status).toBe(403);

    const admin = await adminToken(strapiUrl, superAdmin);
    const after = await contentManager(strapiUrl, admin, 'GET', `collection-types/${PROJECT_UID}/${otherId}`);
    expect(after.status).toBe(200);
    expect((after.body.data as { title?: string }).title).toBe(otherTitle);
  });
});
