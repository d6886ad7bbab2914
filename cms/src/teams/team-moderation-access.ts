import type { Core } from '@strapi/strapi';
import { ROLES, type RoleKey } from '../bootstrap/roles.ts';
import { charitiesEditedBy } from '../rbac/charity-access.ts';
import { conditionProvider } from '../rbac/conditions.ts';
import { NO_CHARITY } from '../rbac/ownership.ts';

/**
 * Who may do what with 团队处理 in the admin (Settings → Roles shows the same):
 * - a charity editor: create, read, update, delete the entries of their own charity (the "own
 *   charity" rule of src/rbac, here on the entry's `charityDocumentId`, which the guard sets from
 *   the portal's answer); they may set the team, the reason and the note only;
 * - the ministry editor: nothing (teams are the charities' own moderation);
 * - a super admin: everything. team-moderation-guard.ts holds the same line whatever a role says.
 */
export const TEAM_MODERATION_UID = 'api::team-moderation.team-moderation';
const CONDITION_NAME = 'own-charity-team-moderation';
export const TEAM_MODERATION_CONDITION = `api::${CONDITION_NAME}`;
/** What an editor types; the rest is filled in from the portal's answer. */
export const TEAM_MODERATION_INPUT_FIELDS = ['team', 'reason', 'note'] as const;

/** Registered in `register()`, like the other own-charity conditions (see src/rbac/conditions.ts why). */
export async function registerTeamModerationCondition(strapi: Core.Strapi): Promise<void> {
  await conditionProvider(strapi).registerMany([
    {
      name: CONDITION_NAME,
      displayName: '本组织项目的团队处理',
      category: '衔接',
      handler: async (user: { id: number | string }) => {
        const ids = await charitiesEditedBy(strapi, user.id);
        return { charityDocumentId: { $in: ids.length > 0 ? ids : [NO_CHARITY] } };
      },
    },
  ]);
}

interface Permission {
  action: string;
  subject: string;
  properties: { fields?: string[] };
  conditions: string[];
}

const CM = 'plugin::content-manager.explorer';
const ACTIONS = ['create', 'read', 'update', 'delete'] as const;

/** The 团队处理 permissions of an editor role, appended to its others by bootstrap/roles.ts. */
export function teamModerationPermissions(strapi: Core.Strapi, role: RoleKey): Permission[] {
  if (role !== 'charityEditor') return [];
  const fields = Object.keys((strapi.contentType(TEAM_MODERATION_UID as never) as { attributes: object }).attributes);
  const conditions = [TEAM_MODERATION_CONDITION];
  return ACTIONS.map((action) => ({
    action: `${CM}.${action}`,
    subject: TEAM_MODERATION_UID,
    properties: action === 'delete' ? {} : { fields: action === 'read' ? fields : [...TEAM_MODERATION_INPUT_FIELDS] },
    conditions,
  }));
}

export interface StoredTeamModerationPermission {
  action: string;
  subject: string | null;
  conditions: readonly string[] | null;
}

/**
 * Problems (Chinese) with a role's stored 团队处理 permissions: a charity editor's must each carry
 * the registered own-charity condition (Strapi stores a permission without an unregistered
 * condition, i.e. unrestricted: STACK.md); the ministry editor has none.
 */
export function teamModerationPermissionProblems(
  role: RoleKey,
  roleName: string,
  stored: readonly StoredTeamModerationPermission[],
  isRegistered: (id: string) => boolean,
): string[] {
  const problems: string[] = [];
  if (role === 'charityEditor' && !isRegistered(TEAM_MODERATION_CONDITION)) {
    problems.push(`条件 ${TEAM_MODERATION_CONDITION} 没有注册（应在 register() 中注册）`);
  }
  for (const p of stored.filter((s) => s.subject === TEAM_MODERATION_UID)) {
    const where = `角色「${roleName}」的权限 ${p.action}（团队处理）`;
    if (role !== 'charityEditor') problems.push(`${where}不应存在：只有慈善组织处理本组织项目的队伍`);
    else if (!(p.conditions ?? []).includes(TEAM_MODERATION_CONDITION)) {
      problems.push(`${where}缺少条件 ${TEAM_MODERATION_CONDITION}：慈善组织编辑能隐藏其他组织的队伍`);
    }
  }
  return problems;
}

/** Refuses to start when a stored 团队处理 permission of an editor role is not as declared. */
export async function assertTeamModerationPermissions(
  strapi: Core.Strapi,
  roleIds: Record<RoleKey, number>,
): Promise<void> {
  const provider = conditionProvider(strapi);
  const problems: string[] = [];
  for (const role of Object.keys(roleIds) as RoleKey[]) {
    const stored = (await strapi.db.query('admin::permission').findMany({
      where: { role: { id: roleIds[role] }, subject: TEAM_MODERATION_UID },
      select: ['action', 'subject', 'conditions'],
    })) as StoredTeamModerationPermission[];
    problems.push(...teamModerationPermissionProblems(role, ROLES[role].name, stored, (id) => provider.has(id)));
  }
  if (problems.length > 0) {
    throw new Error(`拒绝启动：团队处理的权限没有按规定生效。\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
