import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect as pwExpect } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../bench/harness/browser.ts';
import { buildAdmin } from '../../../cms/scripts/lib/build-admin.ts';
import { TEAM_NOT_FOUND_FOR_CHARITY } from '../../../content/index.ts';
import { postTeamModeration } from '../../../donations/index.ts';
import { teamModerationHandler } from '../../../publisher/webhook/team-moderation.ts';
import { type BootedCms, bootCms, CMS_DIR } from '../../support/cms.ts';
import { BACKENDS, type Harness, postJson, startHarness } from '../../support/donations/harness.ts';
import { FIXTURE_SNAPSHOT } from '../../support/fixture-snapshot.ts';
import { demoAccounts } from '../../support/http.ts';
import { adminLoginUi, field, pickOption } from '../../support/journeys/strapi-admin.ts';

/**
 * 团队处理 in the real admin (Chromium, 简体中文, SQLite): the charity editor opens 团队处理 → 新建,
 * pastes a team's share link, picks 处理原因 and saves; the saved entry shows the team's name and
 * project, and the team's page API answers 404. The other charity's editor, doing the same with
 * that link, sees the "not found" message of content/ and no entry is saved. Screenshots:
 * $XIANJIE_LOOK_DIR (default .data/look/team-moderation).
 */
const UID = 'api::team-moderation.team-moderation';
const LOOK = process.env.XIANJIE_LOOK_DIR ?? join(process.cwd(), '.data', 'look', 'team-moderation');

describe('团队处理：管理后台表单（Chromium，慈善组织编辑）', () => {
  let cms: BootedCms;
  let h: Harness;
  let browser: Browser;
  let team: string;

  beforeAll(async () => {
    mkdirSync(LOOK, { recursive: true });
    await buildAdmin(CMS_DIR);
    h = await startHarness((BACKENDS[0] as (typeof BACKENDS)[number]).name, { snapshot: FIXTURE_SNAPSHOT });
    cms = await bootCms({ kind: 'sqlite' }, { adminPanel: true });
    const secrets = JSON.parse(readFileSync(join(cms.dataDir, 'cms', 'secrets.json'), 'utf8')) as Record<
      string,
      string
    >;
    cms.publisherRoutes.set(
      '/webhooks/strapi/team-moderation',
      teamModerationHandler({
        secret: () => secrets.XIANJIE_WEBHOOK_SECRET ?? null,
        apply: (body) => postTeamModeration(h.ctx, body),
      }),
    );
    const made = await postJson(`${h.url}/api/teams`, {
      projectSlug: 'minxian-zhuxue',
      name: '岷县加油队',
      goalFen: 50_000,
    });
    expect(made.status, made.text).toBe(201);
    team = (made.json as unknown as { team: { id: string } }).team.id;
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
    await h?.close();
  });

  const editorOf = (charity: string) => {
    const found = demoAccounts(cms.dataDir).find((a) => a.role === 'charityEditor' && a.charity === charity);
    if (!found) throw new Error(`缺少 ${charity} 的编辑演示账号`);
    return found;
  };

  async function fillAndSave(page: import('@playwright/test').Page, shot: string) {
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${UID}/create`);
    await field(page, '队伍编号或分享链接').fill(`https://xianjie.example/teams/?id=${team}`);
    await pickOption(page, '处理原因', null, '名称或宣言不当（offensive-name）');
    await field(page, '备注').fill('队伍名称含不当用语');
    await page.screenshot({ path: join(LOOK, `${shot}-filled.png`), fullPage: true });
    await page.getByRole('button', { name: /^(保存|Save)$/ }).click();
  }

  it('本组织的编辑：粘贴链接、选择原因、保存，队伍即被隐藏', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await adminLoginUi(page, cms.url, editorOf('gansu-cishan'));
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${UID}`);
    await pwExpect(page.getByRole('heading', { name: '团队处理' }).first()).toBeVisible({ timeout: 60_000 });
    await fillAndSave(page, '1-own-charity');
    await page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 60_000 });
    await pwExpect(field(page, '队伍名称')).toHaveValue('岷县加油队', { timeout: 60_000 });
    await pwExpect(field(page, '所属项目')).toHaveValue('岷县助学');
    await page.screenshot({ path: join(LOOK, '2-own-charity-saved.png'), fullPage: true });
    expect((await fetch(`${h.url}/api/teams/${team}`)).status).toBe(404);
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${UID}`);
    await pwExpect(page.getByText('岷县加油队').first()).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: join(LOOK, '3-own-charity-list.png'), fullPage: true });
    await page.close();
  });

  it('另一组织的编辑：同一链接得到“找不到”的中文提示，什么也不保存', async () => {
    const before = Number(await cms.strapi.db.query(UID as never).count({}));
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await adminLoginUi(page, cms.url, editorOf('lanzhou-ertong'));
    await fillAndSave(page, '4-other-charity');
    await pwExpect(page.getByText(TEAM_NOT_FOUND_FOR_CHARITY).first()).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: join(LOOK, '5-other-charity-refused.png'), fullPage: true });
    expect(page.url()).toMatch(/\/create$/);
    expect(Number(await cms.strapi.db.query(UID as never).count({}))).toBe(before);
    await page.close();
  });
});
