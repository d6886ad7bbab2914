import type { Core } from '@strapi/strapi';
import { type ContentAction, conditionsFor, ROLE_CONDITIONS, ROLES, type RoleKey } from '../bootstrap/roles.ts';
import { COLLECTION_LABELS, type CollectionName, STRAPI_COLLECTIONS } from '../lib/content.ts';
import { conditionProvider, OWN_CHARITY_CONDITIONS } from './conditions.ts';
import { isOwnedCollection } from './ownership.ts';

/**
 * Start-up checks that the row-level rules are really in force, for EVERY admin role that can
 * touch charity-owned types (charities, projects, disclosures, case summaries).
 *
 * Two Strapi behaviours turn a missing condition into NO restriction, silently:
 * - storing a role permission with an unregistered condition id (role service `assignPermissions`,
 *   also `PUT /admin/roles/:id/permissions`) drops the id and stores the permission unconditioned;
 * - building an ability skips stored condition ids that are not registered (any more), and a
 *   permission left without a valid condition is granted unconditionally
 *   (@strapi/permissions engine, `evaluate`).
 * And Settings → Roles lets a super admin widen a role while the CMS runs. So:
 * - our editor roles (roles.ts): every permission on a governed type carries its conditions, and
 *   nothing was WIDENED since the last start wrote them (role-record.ts): no permission added, no
 *   field added, no condition removed. Such a change is reported — the CMS refuses to start,
 *   naming role and type — instead of being silently rewritten from roles.ts;
 * - every other role except the super admin (Strapi's default "Editor" and "Author" included): a
 *   content-manager permission on a charity-owned type must carry that type's own-charity condition.
 * Problems are one line each, in Chinese and in English.
 */

export interface StoredPermission {
  action: string;
  subject: string | null;
  conditions: readonly string[] | null;
  properties?: { fields?: readonly string[] | null } | null;
}

export interface RoleProblem {
  zh: string;
  en: string;
}

/** A role as the messages name it. */
export interface RoleName {
  name: string;
  code: string;
}

const CM_ACTION = 'plugin::content-manager.explorer.';

function collectionOf(subject: string | null): CollectionName | undefined {
  for (const [name, c] of Object.entries(STRAPI_COLLECTIONS)) if (c.uid === subject) return name as CollectionName;
  return undefined;
}

const shortAction = (action: string) => (action.startsWith(CM_ACTION) ? action.slice(CM_ACTION.length) : action);

/** `角色「慈善组织编辑」对「慈善项目」（api::project.project）的 update 权限` and its English. */
function where(role: RoleName, permission: StoredPermission): RoleProblem {
  const collection = collectionOf(permission.subject);
  const type = collection
    ? `「${COLLECTION_LABELS[collection]}」（${permission.subject}）`
    : `（${permission.subject ?? '全部'}）`;
  return {
    zh: `角色「${role.name}」对${type}的 ${shortAction(permission.action)} 权限`,
    en: `role "${role.name}" (${role.code}): ${shortAction(permission.action)} on ${permission.subject ?? 'everything'}`,
  };
}

/** Problems with one of OUR editor roles' stored permissions (conditions present and registered). */
export function roleConditionProblems(
  role: RoleKey,
  stored: readonly StoredPermission[],
  isRegistered: (conditionId: string) => boolean,
): RoleProblem[] {
  const name: RoleName = { name: ROLES[role].name, code: ROLES[role].code };
  const problems: RoleProblem[] = [];
  const expectedIds = new Set(
    Object.values(ROLE_CONDITIONS[role]).flatMap((byAction) => Object.values(byAction ?? {}).flat()),
  );
  for (const id of expectedIds) {
    if (!isRegistered(id)) {
      problems.push({
        zh: `条件 ${id} 没有注册（应在 register() 中注册）`,
        en: `condition ${id} is not registered (register it in register())`,
      });
    }
  }
  for (const permission of stored) {
    const at = where(name, permission);
    const have = permission.conditions ?? [];
    for (const id of have) {
      if (!isRegistered(id)) {
        problems.push({
          zh: `${at.zh}引用了未注册的条件 ${id}：Strapi 会忽略它`,
          en: `${at.en} names the unregistered condition ${id}, which Strapi ignores`,
        });
      }
    }
    const collection = collectionOf(permission.subject);
    if (!collection || !ROLE_CONDITIONS[role][collection]) continue;
    const action = permission.action.startsWith(CM_ACTION)
      ? (permission.action.slice(CM_ACTION.length) as ContentAction)
      : undefined;
    const wanted = action ? conditionsFor(role, collection, action) : [...expectedIds];
    for (const id of wanted) {
      if (!have.includes(id)) problems.push({ zh: `${at.zh}缺少条件 ${id}`, en: `${at.en} lacks condition ${id}` });
    }
  }
  return problems;
}

/**
 * Problems with a role that is not one of ours (a super admin's, or Strapi's default "Editor" and
 * "Author"): content-manager permissions on charity-owned types without the own-charity condition
 * reach every charity's entries.
 */
export function foreignRoleProblems(
  role: RoleName,
  stored: readonly StoredPermission[],
  isRegistered: (conditionId: string) => boolean,
): RoleProblem[] {
  return stored.filter(reachesEveryCharity(isRegistered)).map((permission) => {
    const at = where(role, permission);
    const id = OWN_CHARITY_CONDITIONS[collectionOf(permission.subject) as keyof typeof OWN_CHARITY_CONDITIONS];
    return {
      zh: `${at.zh}没有“本组织”条件 ${id}：可以查看或改动所有慈善组织的内容`,
      en: `${at.en} lacks the own-charity condition ${id}, so it reaches every charity's entries`,
    };
  });
}

/** A content-manager permission on a charity-owned type without its (registered) own-charity condition. */
export const reachesEveryCharity =
  (isRegistered: (conditionId: string) => boolean) =>
  (permission: StoredPermission): boolean => {
    const collection = collectionOf(permission.subject);
    if (!permission.action.startsWith(CM_ACTION) || !isOwnedCollection(collection)) return false;
    const id = OWN_CHARITY_CONDITIONS[collection];
    return !(permission.conditions ?? []).includes(id) || !isRegistered(id);
  };

const key = (p: StoredPermission) => `${p.action}\u0000${p.subject ?? ''}`;
const fieldsOf = (p: StoredPermission) => p.properties?.fields ?? null;

/**
 * What was widened in one of our roles since the last start wrote `recorded`: a permission added, a
 * field added (or the field limit dropped), a condition removed. Narrowing is not reported (Strapi
 * itself drops fields of removed attributes); the roles are rewritten from roles.ts afterwards.
 */
export function wideningProblems(
  role: RoleName,
  recorded: readonly StoredPermission[],
  stored: readonly StoredPermission[],
): RoleProblem[] {
  const before = new Map(recorded.map((p) => [key(p), p]));
  const problems: RoleProblem[] = [];
  for (const permission of stored) {
    const at = where(role, permission);
    const was = before.get(key(permission));
    if (!was) {
      problems.push({ zh: `${at.zh}是上次启动之后新增的`, en: `${at.en} was added since the last start` });
      continue;
    }
    const wasFields = fieldsOf(was);
    const nowFields = fieldsOf(permission);
    if (wasFields && !nowFields) {
      problems.push({ zh: `${at.zh}不再限定字段`, en: `${at.en} is no longer limited to fields` });
    } else if (wasFields && nowFields) {
      const added = nowFields.filter((f) => !wasFields.includes(f));
      if (added.length > 0) {
        problems.push({
          zh: `${at.zh}多了字段 ${added.join('、')}`,
          en: `${at.en} now also covers fields ${added.join(', ')}`,
        });
      }
    }
    const now = permission.conditions ?? [];
    for (const id of was.conditions ?? []) {
      if (!now.includes(id)) problems.push({ zh: `${at.zh}缺少条件 ${id}`, en: `${at.en} lacks condition ${id}` });
    }
  }
  return problems;
}

/** The refusal: a header in Chinese and English, each problem in both, and the way out. */
export function refusal(headline: RoleProblem, problems: readonly RoleProblem[], remedy?: RoleProblem): Error {
  const lines = problems.map((p) => `  - ${p.zh}\n    ${p.en}`);
  const tail = remedy ? `\n${remedy.zh}\n${remedy.en}` : '';
  return new Error(`${headline.zh}\n${headline.en}\n${lines.join('\n')}${tail}`);
}

/** Reads the stored permissions of our editor roles and throws (refusing to start) on any problem. */
export async function assertRoleConditions(strapi: Core.Strapi, roleIds: Record<RoleKey, number>): Promise<void> {
  const provider = conditionProvider(strapi);
  const problems: RoleProblem[] = [];
  for (const role of Object.keys(ROLES) as RoleKey[]) {
    const stored = (await strapi.db.query('admin::permission').findMany({
      where: { role: { id: roleIds[role] } },
      select: ['action', 'subject', 'conditions'],
    })) as StoredPermission[];
    problems.push(...roleConditionProblems(role, stored, (id) => provider.has(id)));
  }
  if (problems.length > 0) {
    throw refusal(
      {
        zh: '拒绝启动：编辑角色的行级权限条件没有生效，这些权限将不受限制（慈善组织编辑可以改动其他组织的内容）。',
        en: "Refusing to start: the editor roles' row-level conditions are not in force; these permissions would be unrestricted.",
      },
      problems,
    );
  }
}
