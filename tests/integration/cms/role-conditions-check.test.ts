import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BootedCms, bootCms, CMS_DIR } from '../helpers/cms.ts';
import { DATABASES } from '../helpers/databases.ts';

/**
 * Start-up check: a role permission stored without its "own charity" condition (what Strapi
 * silently does with an unregistered condition id) is unrestricted, so the CMS refuses to start.
 */

type CheckModule = typeof import('../../../cms/src/rbac/role-conditions-check.ts');
type RolesModule = typeof import('../../../cms/src/bootstrap/roles.ts');

const UPDATE = 'plugin::content-manager.explorer.update';
const PROJECT = 'api::project.project';

describe.each(DATABASES)('启动检查：编辑角色的行级条件（$name）', ({ target, skip }) => {
  let cms: BootedCms;
  let check: CheckModule;
  let roles: RolesModule;

  beforeAll(async () => {
    if (skip) return;
    cms = await bootCms(target);
    // The compiled modules, i.e. the code the running Strapi loaded.
    const require = createRequire(join(CMS_DIR, 'dist', 'src', 'index.js'));
    check = require('./rbac/role-conditions-check.js');
    roles = require('./bootstrap/roles.js');
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it.skipIf(skip)('条件未注册、权限缺少条件：都被发现', () => {
    const registered = new Set(['api::own-charity', 'api::own-charity-project', 'api::own-charity-disclosure']);
    const problems = check.roleConditionProblems(
      'charityEditor',
      [
        { action: UPDATE, subject: PROJECT, conditions: [] },
        { action: UPDATE, subject: 'api::disclosure.disclosure', conditions: ['api::own-charity-disclosure'] },
        { action: UPDATE, subject: 'api::award.award', conditions: ['api::renamed'] },
      ],
      (id) => registered.has(id),
    );
    expect(problems).toEqual([
      '条件 api::own-charity-case-summary 没有注册（应在 register() 中注册）',
      `角色「慈善组织编辑」的权限 ${UPDATE}（${PROJECT}）缺少条件 api::own-charity-project`,
      `角色「慈善组织编辑」的权限 ${UPDATE}（api::award.award）引用了未注册的条件 api::renamed：Strapi 会忽略它`,
    ]);
    // Ministry editors have no row-level conditions: nothing to find.
    expect(
      check.roleConditionProblems('ministryEditor', [{ action: UPDATE, subject: PROJECT, conditions: [] }], () => true),
    ).toEqual([]);
  });

  it.skipIf(skip)('启动后存储的权限都带着条件；删掉一条的条件，检查拒绝启动', async () => {
    const roleIds = await roles.ensureEditorRoles(cms.strapi);
    await expect(check.assertRoleConditions(cms.strapi, roleIds)).resolves.toBeUndefined();

    const permissions = cms.strapi.db.query('admin::permission');
    const stored = (await permissions.findOne({
      where: { role: { id: roleIds.charityEditor }, action: UPDATE, subject: PROJECT },
    })) as { id: number; conditions: string[] };
    expect(stored.conditions).toEqual(['api::own-charity-project']);
    await permissions.update({ where: { id: stored.id }, data: { conditions: [] } });
    await expect(check.assertRoleConditions(cms.strapi, roleIds)).rejects.toThrow(
      /拒绝启动[\s\S]*慈善组织编辑[\s\S]*缺少条件 api::own-charity-project/,
    );

    // The next start rewrites the roles from roles.ts, conditions included.
    await roles.ensureEditorRoles(cms.strapi);
    await expect(check.assertRoleConditions(cms.strapi, roleIds)).resolves.toBeUndefined();
  });
});
