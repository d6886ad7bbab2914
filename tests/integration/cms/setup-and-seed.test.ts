import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_MODERATION_CONDITION, TEAM_MODERATION_UID } from '../../../cms/src/teams/team-moderation-access.ts';
import { STRAPI_COLLECTIONS } from '../../../content/snapshot/strapi-mapping.ts';
import { type BootedCms, bootCms, CMS_DIR } from '../../support/cms.ts';
import { DATABASES } from '../../support/databases.ts';
import { FIXTURE_COUNTS } from '../../support/fixture-snapshot.ts';
import { adminLogin, demoAccounts, request } from '../../support/http.ts';

type SeedModule = typeof import('../../../cms/src/bootstrap/seed.ts');
// The compiled module: the code Strapi itself runs (and the same module instance it loaded).
const { seedFromFile } = createRequire(join(CMS_DIR, 'dist', 'src', 'index.js'))('./bootstrap/seed.js') as SeedModule;

describe.each(DATABASES)('启动设置与示例数据导入（$name）', ({ target, skip }) => {
  let cms: BootedCms;

  beforeAll(async () => {
    if (skip) return;
    cms = await bootCms(target);
  });
  afterAll(async () => {
    await cms?.stop();
  });

  /** Rows (draft + published versions) and documents per collection. */
  const census = async () => {
    const out: Record<string, { rows: number; published: number; drafts: number }> = {};
    for (const [name, c] of Object.entries(STRAPI_COLLECTIONS)) {
      out[name] = {
        rows: await cms.strapi.db.query(c.uid).count({}),
        published: await cms.strapi.documents(c.uid).count({ status: 'published' }),
        drafts: await cms.strapi.documents(c.uid).count({ status: 'draft' }),
      };
    }
    return out;
  };

  it.skipIf(skip)('首次启动导入了快照，全部已发布', async () => {
    const now = await census();
    for (const [name, count] of Object.entries(FIXTURE_COUNTS)) {
      expect(now[name], name).toEqual({ rows: count * 2, published: count, drafts: count });
    }
  });

  it.skipIf(skip)('再次导入不新建任何内容（按 slug 更新）', async () => {
    const before = await census();
    const result = await seedFromFile(cms.strapi, cms.snapshotPath, { log: () => undefined });
    expect(Object.values(result.created).every((n) => n === 0)).toBe(true);
    // The fixture has no 配捐 pool; the seed reports every type it imports, pools included.
    expect(result.updated).toEqual({ ...FIXTURE_COUNTS, matchingPools: 0 });
    expect(await census()).toEqual(before);
  });

  it.skipIf(skip)('发布服务 webhook 已配置：地址、事件与共享密钥请求头', async () => {
    const store = cms.strapi.get('webhookStore') as {
      findWebhooks(): Promise<{ url: string; events: string[]; headers: Record<string, string>; isEnabled: boolean }[]>;
    };
    const hooks = await store.findWebhooks();
    expect(hooks).toHaveLength(1);
    const secrets = JSON.parse(readFileSync(join(cms.dataDir, 'cms', 'secrets.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(hooks[0]).toMatchObject({
      url: `${process.env.PUBLISHER_URL}/webhooks/strapi`,
      isEnabled: true,
      headers: { 'x-xianjie-webhook-secret': secrets.XIANJIE_WEBHOOK_SECRET },
    });
    expect([...(hooks[0]?.events ?? [])].sort()).toEqual(['entry.delete', 'entry.publish', 'entry.unpublish']);
    expect(statSync(join(cms.dataDir, 'cms', 'secrets.json')).mode & 0o777).toBe(0o600);
    // The seed import sent no webhook per entry.
    expect(cms.webhooks).toHaveLength(0);
  });

  it.skipIf(skip)('演示账号可登录，两个慈善组织编辑分属不同组织', async () => {
    const path = join(cms.dataDir, 'cms', 'demo-accounts.json');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const accounts = demoAccounts(cms.dataDir);
    expect(accounts.map((a) => a.role).sort()).toEqual([
      'charityEditor',
      'charityEditor',
      'ministryEditor',
      'superAdmin',
    ]);
    for (const account of accounts) expect(await adminLogin(cms.url, account)).toBeTruthy();

    const editors = accounts.filter((a) => a.role === 'charityEditor');
    expect(new Set(editors.map((a) => a.charity)).size).toBe(2);
    for (const editor of editors) {
      const rows = (await cms.strapi.db.query(STRAPI_COLLECTIONS.charities.uid).findMany({
        where: { slug: editor.charity },
        populate: { editors: { select: ['email'] } },
      })) as { editors: { email: string }[] }[];
      expect(rows).toHaveLength(2); // draft and published version
      for (const row of rows) expect(row.editors.map((e) => e.email)).toEqual([editor.email]);
    }
  });

  it.skipIf(skip)('编辑角色：慈善组织编辑与民政部门编辑', async () => {
    const roles = (await cms.strapi.db.query('admin::role').findMany({ populate: ['permissions'] })) as {
      name: string;
      permissions: { action: string; subject: string | null; properties: { fields?: string[] } }[];
    }[];
    const byName = new Map(roles.map((r) => [r.name, r]));
    const charityEditor = byName.get('慈善组织编辑');
    const ministryEditor = byName.get('民政部门编辑');
    expect(charityEditor && ministryEditor).toBeTruthy();
    const can = (role: typeof charityEditor, action: string, uid: string) =>
      role?.permissions.some((p) => p.action === `plugin::content-manager.explorer.${action}` && p.subject === uid);
    expect(can(charityEditor, 'publish', STRAPI_COLLECTIONS.projects.uid)).toBe(true);
    expect(can(charityEditor, 'create', STRAPI_COLLECTIONS.needs.uid)).toBe(false);
    expect(can(ministryEditor, 'publish', STRAPI_COLLECTIONS.needs.uid)).toBe(true);
    expect(can(ministryEditor, 'update', STRAPI_COLLECTIONS.projects.uid)).toBe(false);
    const charityRead = charityEditor?.permissions.find(
      (p) => p.action === 'plugin::content-manager.explorer.read' && p.subject === STRAPI_COLLECTIONS.charities.uid,
    );
    expect(charityRead?.properties.fields).toContain('creditCode');
    expect(charityRead?.properties.fields).not.toContain('editors');
    // 团队处理: the charity editor's, each with its own-charity condition; the ministry has none.
    const moderation = charityEditor?.permissions.filter((p) => p.subject === TEAM_MODERATION_UID) ?? [];
    expect(moderation.map((p) => p.action.split('.').pop()).sort()).toEqual(['create', 'delete', 'read', 'update']);
    for (const p of moderation) {
      expect((p as { conditions?: string[] }).conditions, p.action).toContain(TEAM_MODERATION_CONDITION);
    }
    expect(ministryEditor?.permissions.some((p) => p.subject === TEAM_MODERATION_UID)).toBe(false);
  });

  it.skipIf(skip)('公开角色只能读取（find / findOne）', async () => {
    const role = (await cms.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' }, populate: ['permissions'] })) as { permissions: { action: string }[] };
    const ours = role.permissions.map((p) => p.action).filter((a) => a.startsWith('api::'));
    expect(ours.sort()).toEqual(
      Object.values(STRAPI_COLLECTIONS)
        .flatMap((c) => [`${c.uid}.find`, `${c.uid}.findOne`])
        .sort(),
    );
    const res = await request(`${cms.url}/api/awards`);
    expect(res.status).toBe(200);
  });
});
