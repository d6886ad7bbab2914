import type { Core } from '@strapi/strapi';
import { ROLES, type RoleKey } from '../bootstrap/roles.ts';
import { charitiesEditedBy } from '../rbac/charity-access.ts';
import { conditionProvider } from '../rbac/conditions.ts';
import { NO_CHARITY } from '../rbac/ownership.ts';
import { ANSWER_FIELDS, REPORT_UID } from './report-fields.ts';

/**
 * Who sees which reports in the admin (Settings → Roles shows the same):
 * - a charity editor: the reports about their own charity's projects (the "own charity" rule of
 *   src/rbac, here on the report's `charityDocumentId`), every field but the reporter's contact
 *   (a whistleblower is not handed to the organisation they report);
 * - the ministry editor: every report (needs and campaign pages have no charity), contact included;
 * - both may change the answer fields only; neither may create or delete (report-guard.ts also
 *   refuses those to everybody else).
 */
const CONDITION_NAME = 'own-charity-report';
export const REPORT_CONDITION = `api::${CONDITION_NAME}`;

/** Registered in `register()`, like the other own-charity conditions (see src/rbac/conditions.ts why). */
export async function registerReportCondition(strapi: Core.Strapi): Promise<void> {
  await conditionProvider(strapi).registerMany([
    {
      name: CONDITION_NAME,
      displayName: '本组织项目收到的举报',
      category: '衔接',
      handler: async (user: { id: number | string }) => {
        const ids = await charitiesEditedBy(strapi, user.id);
        return { charityDocumentId: { $in: ids.length > 0 ? ids : [NO_CHARITY] } };
      },
    },
  ]);
}

interface ReportPermission {
  action: string;
  subject: string;
  properties: { fields: string[] };
  conditions: string[];
}

const READ = 'plugin::content-manager.explorer.read';
const UPDATE = 'plugin::content-manager.explorer.update';

/** The report permissions of an editor role, appended to its others by bootstrap/roles.ts. */
export function reportPermissions(strapi: Core.Strapi, role: RoleKey): ReportPermission[] {
  const fields = Object.keys((strapi.contentType(REPORT_UID as never) as { attributes: object }).attributes);
  const charity = role === 'charityEditor';
  const conditions = charity ? [REPORT_CONDITION] : [];
  return [
    {
      action: READ,
      subject: REPORT_UID,
      properties: { fields: charity ? fields.filter((f) => f !== 'contact') : fields },
      conditions,
    },
    { action: UPDATE, subject: REPORT_UID, properties: { fields: [...ANSWER_FIELDS] }, conditions },
  ];
}

export interface StoredReportPermission {
  action: string;
  subject: string | null;
  conditions: readonly string[] | null;
}

/**
 * Problems (Chinese) with a role's stored report permissions: a charity editor's must each carry
 * the registered own-charity condition (Strapi stores a permission without an unregistered
 * condition, i.e. unrestricted: STACK.md); no editor role may create or delete reports.
 */
export function reportPermissionProblems(
  role: RoleKey,
  roleName: string,
  stored: readonly StoredReportPermission[],
  isRegistered: (id: string) => boolean,
): string[] {
  const problems: string[] = [];
  if (role === 'charityEditor' && !isRegistered(REPORT_CONDITION)) {
    problems.push(`条件 ${REPORT_CONDITION} 没有注册（应在 register() 中注册）`);
  }
  for (const p of stored.filter((s) => s.subject === REPORT_UID)) {
    const where = `角色「${roleName}」的权限 ${p.action}（举报投诉）`;
    if (![READ, UPDATE].includes(p.action)) problems.push(`${where}不应存在：举报只能由门户网站提交，不能删除`);
    if (role === 'charityEditor' && !(p.conditions ?? []).includes(REPORT_CONDITION)) {
      problems.push(`${where}缺少条件 ${REPORT_CONDITION}：慈善组织编辑会看到其他组织的举报`);
    }
  }
  return problems;
}

/** Refuses to start when a stored report permission of an editor role is not as declared. */
export async function assertReportPermissions(strapi: Core.Strapi, roleIds: Record<RoleKey, number>): Promise<void> {
  const provider = conditionProvider(strapi);
  const problems: string[] = [];
  for (const role of Object.keys(roleIds) as RoleKey[]) {
    const stored = (await strapi.db.query('admin::permission').findMany({
      where: { role: { id: roleIds[role] }, subject: REPORT_UID },
      select: ['action', 'subject', 'conditions'],
    })) as StoredReportPermission[];
    problems.push(...reportPermissionProblems(role, ROLES[role].name, stored, (id) => provider.has(id)));
  }
  if (problems.length > 0) {
    throw new Error(`拒绝启动：举报投诉的权限没有按规定生效。\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
