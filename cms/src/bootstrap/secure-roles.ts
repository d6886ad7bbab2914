import type { Core } from '@strapi/strapi';
import { loadEnv } from '../../config/env.ts';
import { conditionProvider } from '../rbac/conditions.ts';
import { SUPER_ADMIN_CODE } from '../rbac/principal.ts';
import {
  assertRoleConditions,
  foreignRoleProblems,
  type RoleProblem,
  reachesEveryCharity,
  refusal,
  roleConditionProblems,
  type StoredPermission,
  wideningProblems,
} from '../rbac/role-conditions-check.ts';
import { readRoleRecord, storedPermissions, writeRoleRecord } from '../rbac/role-record.ts';
import { removeUnusedDefaultRoles } from './default-roles.ts';
import { ensureEditorRoles, ROLES, type RoleKey } from './roles.ts';

/**
 * The admin roles at every start, in this order:
 * 1. Strapi's default "Editor" and "Author" roles are deleted while nobody holds them (default-roles.ts);
 * 2. every admin role but the super admin is checked BEFORE anything is rewritten: our editor
 *    roles against what the last start wrote (a widening made while the CMS ran — a condition
 *    removed, a field or permission added — is reported, not repaired), any other role for
 *    content-manager rights on charity-owned types without the own-charity condition. A problem
 *    refuses the start with a message naming role and type, in Chinese and English;
 *    `XIANJIE_RESET_ROLES=on` accepts it for one start (logged), rewriting our roles and dropping
 *    the other roles' unconditioned rights on charity-owned types;
 * 3. our editor roles are (re)written from roles.ts — a code change to roles.ts takes effect here;
 * 4. the written permissions are checked once more (an unregistered condition is dropped by
 *    Strapi on write) and recorded for the next start (role-record.ts).
 * A first start has no roles of ours and no record: steps 1, 3 and 4 create them, then the seed
 * and the demo accounts follow (index.ts).
 */

const HEADLINE: RoleProblem = {
  zh: '拒绝启动：以下管理后台角色的权限在运行期间被放宽，或没有“本组织”条件——它们可以查看或改动其他慈善组织的内容。',
  en: 'Refusing to start: the admin roles below were widened while the CMS ran, or lack the own-charity condition — they reach other charities’ entries.',
};

const REMEDY: RoleProblem = {
  zh: '处理：弄清是谁、为何改动之后，用 XIANJIE_RESET_ROLES=on 启动一次：编辑角色按 cms/src/bootstrap/roles.ts 重写，其他角色对慈善组织内容的无条件权限被删除。',
  en: 'To fix: once you know who changed it and why, start once with XIANJIE_RESET_ROLES=on: the editor roles are rewritten from cms/src/bootstrap/roles.ts and other roles lose their unconditioned rights on charity-owned types.',
};

interface StoredRole {
  id: number;
  name: string;
  code: string;
}

async function rolesToCheck(strapi: Core.Strapi): Promise<StoredRole[]> {
  const roles = (await strapi.db.query('admin::role').findMany({ select: ['id', 'name', 'code'] })) as StoredRole[];
  return roles.filter((role) => role.code !== SUPER_ADMIN_CODE);
}

const ourRole = (code: string): RoleKey | undefined =>
  (Object.keys(ROLES) as RoleKey[]).find((key) => ROLES[key].code === code);

async function problemsSinceLastStart(strapi: Core.Strapi): Promise<RoleProblem[]> {
  const provider = conditionProvider(strapi);
  const registered = (id: string) => provider.has(id);
  const record = await readRoleRecord(strapi);
  const problems: RoleProblem[] = [];
  for (const role of await rolesToCheck(strapi)) {
    const stored = await storedPermissions(strapi, role.id);
    const key = ourRole(role.code);
    if (!key) {
      problems.push(...foreignRoleProblems(role, stored, registered));
      continue;
    }
    problems.push(...roleConditionProblems(key, stored, registered));
    // No record (a CMS from before the record, or it was lost): the condition check above only.
    const recorded = record?.roles[role.code];
    if (recorded) problems.push(...wideningProblems(role, recorded, stored));
  }
  // A removed condition is found by both checks: say it once.
  return [...new Map(problems.map((p) => [p.zh, p])).values()];
}

/** XIANJIE_RESET_ROLES: other roles lose their content-manager rights on charity-owned types that lack the condition. */
async function dropUnconditionedForeignPermissions(strapi: Core.Strapi): Promise<void> {
  const provider = conditionProvider(strapi);
  const reaches = reachesEveryCharity((id) => provider.has(id));
  for (const role of await rolesToCheck(strapi)) {
    if (ourRole(role.code)) continue;
    const rows = (await strapi.db.query('admin::permission').findMany({
      where: { role: { id: role.id } },
      select: ['id', 'action', 'subject', 'conditions'],
    })) as (StoredPermission & { id: number })[];
    const ids = rows.filter(reaches).map((p) => p.id);
    if (ids.length > 0) await strapi.db.query('admin::permission').deleteMany({ where: { id: { $in: ids } } });
  }
}

export async function secureEditorRoles(strapi: Core.Strapi): Promise<Record<RoleKey, number>> {
  const removed = await removeUnusedDefaultRoles(strapi);
  if (removed.length > 0) strapi.log.info(`已删除无人使用的 Strapi 默认角色：${removed.join('、')}`);

  const problems = await problemsSinceLastStart(strapi);
  if (problems.length > 0) {
    if (!loadEnv().resetRoles) throw refusal(HEADLINE, problems, REMEDY);
    for (const p of problems) strapi.log.warn(`XIANJIE_RESET_ROLES=on，已恢复：${p.zh} / reset: ${p.en}`);
    await dropUnconditionedForeignPermissions(strapi);
  }

  const roleIds = await ensureEditorRoles(strapi);
  await assertRoleConditions(strapi, roleIds);
  await writeRoleRecord(
    strapi,
    Object.fromEntries((Object.keys(ROLES) as RoleKey[]).map((key) => [ROLES[key].code, roleIds[key]])),
  );
  return roleIds;
}
