import type { Core } from '@strapi/strapi';
import { type ContentAction, conditionsFor, ROLE_CONDITIONS, ROLES, type RoleKey } from '../bootstrap/roles.ts';
import { type CollectionName, STRAPI_COLLECTIONS } from '../lib/content.ts';
import { conditionProvider } from './conditions.ts';

/**
 * Start-up check that the row-level conditions are really in force.
 *
 * Two Strapi behaviours turn a missing condition into NO restriction, silently:
 * - storing a role permission with an unregistered condition id (role service `assignPermissions`,
 *   also `PUT /admin/roles/:id/permissions`) drops the id and stores the permission unconditioned;
 * - building an ability skips stored condition ids that are not registered (any more), and a
 *   permission left without a valid condition is granted unconditionally
 *   (@strapi/permissions engine, `evaluate`).
 * So after the roles are written, every permission of a governed role on a governed type must
 * carry each expected condition, and every condition id it carries must be registered.
 */

export interface StoredPermission {
  action: string;
  subject: string | null;
  conditions: readonly string[] | null;
}

const CM_ACTION = 'plugin::content-manager.explorer.';

function collectionOf(subject: string | null): CollectionName | undefined {
  for (const [name, c] of Object.entries(STRAPI_COLLECTIONS)) if (c.uid === subject) return name as CollectionName;
  return undefined;
}

/** Problems (Chinese, one line each) with one role's stored permissions; empty when all is well. */
export function roleConditionProblems(
  role: RoleKey,
  stored: readonly StoredPermission[],
  isRegistered: (conditionId: string) => boolean,
): string[] {
  const roleName = ROLES[role].name;
  const problems: string[] = [];
  const expectedIds = new Set(
    Object.values(ROLE_CONDITIONS[role]).flatMap((byAction) => Object.values(byAction ?? {}).flat()),
  );
  for (const id of expectedIds) {
    if (!isRegistered(id)) problems.push(`条件 ${id} 没有注册（应在 register() 中注册）`);
  }
  for (const permission of stored) {
    const where = `角色「${roleName}」的权限 ${permission.action}（${permission.subject ?? '全部'}）`;
    const have = permission.conditions ?? [];
    for (const id of have) {
      if (!isRegistered(id)) problems.push(`${where}引用了未注册的条件 ${id}：Strapi 会忽略它`);
    }
    const collection = collectionOf(permission.subject);
    if (!collection || !ROLE_CONDITIONS[role][collection]) continue;
    const action = permission.action.startsWith(CM_ACTION)
      ? (permission.action.slice(CM_ACTION.length) as ContentAction)
      : undefined;
    const wanted = action ? conditionsFor(role, collection, action) : [...expectedIds];
    for (const id of wanted) {
      if (!have.includes(id)) problems.push(`${where}缺少条件 ${id}`);
    }
  }
  return problems;
}

/** Reads the stored permissions of the editor roles and throws (refusing to start) on any problem. */
export async function assertRoleConditions(strapi: Core.Strapi, roleIds: Record<RoleKey, number>): Promise<void> {
  const provider = conditionProvider(strapi);
  const problems: string[] = [];
  for (const role of Object.keys(ROLES) as RoleKey[]) {
    const stored = (await strapi.db.query('admin::permission').findMany({
      where: { role: { id: roleIds[role] } },
      select: ['action', 'subject', 'conditions'],
    })) as StoredPermission[];
    problems.push(...roleConditionProblems(role, stored, (id) => provider.has(id)));
  }
  if (problems.length > 0) {
    throw new Error(
      `拒绝启动：编辑角色的行级权限条件没有生效，这些权限将不受限制（慈善组织编辑可以改动其他组织的内容）。\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}
