import type { Core } from '@strapi/strapi';
import { type CollectionName, STRAPI_COLLECTIONS } from '../lib/content.ts';
import { OWN_CHARITY_CONDITIONS } from '../rbac/conditions.ts';
import { REGULATORY_CHARITY_FIELDS } from '../rbac/regulatory-fields.ts';
import { reportPermissions } from '../reports/report-access.ts';
import { teamModerationPermissions } from '../teams/team-moderation-access.ts';

/**
 * The admin (editor) roles and what they may do. Admin roles govern the admin panel only; the
 * Content API has its own permissions (public-permissions.ts).
 *
 * Layout, for whoever adds the row-level rules (own charity only):
 * - `ROLES` is the data: per role, which collections and which content-manager actions, and
 *   which fields are hidden (charity `editors` is managed by super admins only).
 * - `ROLE_CONDITIONS` is the hook: condition ids per role and collection (and optionally per
 *   action) that are attached to those permissions: charity editors get the "own charity"
 *   conditions of src/rbac/conditions.ts on every action of charities, projects, disclosures and
 *   case summaries. They are registered in `register()` BEFORE bootstrap runs this file:
 *   `assignPermissions` with an unregistered condition id silently stores no condition
 *   (STACK.md), which src/rbac/role-conditions-check.ts detects at start-up.
 * - `readOnlyFields` are visible but not writable: the inverse sides of the ownership relations
 *   (connecting a disclosure to a project from the project's side would move another charity's
 *   disclosure; linking projects from a need's side would edit charities' projects).
 * - Conditions do not cover everything (create, the new version of an update, clone sources):
 *   src/rbac/owner-guard-middleware.ts checks every write to charity-owned types.
 * - `ensureEditorRoles` creates the roles if missing (found by `code`, so renaming the Chinese
 *   name is safe) and then REPLACES their permissions with exactly what is declared here, on
 *   every start — after secure-roles.ts has checked that nothing was widened in Settings → Roles
 *   since the last start (a widening refuses the start instead of being overwritten unseen).
 */

export type ContentAction = 'create' | 'read' | 'update' | 'delete' | 'publish';
export type RoleKey = 'charityEditor' | 'ministryEditor';

interface Grant {
  collection: CollectionName;
  actions: readonly ContentAction[];
  /** Top-level attributes this role may neither see nor change. */
  hiddenFields?: readonly string[];
  /** Top-level attributes this role may see but not set (left out of create and update). */
  readOnlyFields?: readonly string[];
  /** When given, the ONLY top-level attributes this role may set. */
  writableFields?: readonly string[];
}

interface RoleSpec {
  code: string;
  name: string;
  description: string;
  grants: readonly Grant[];
}

const ALL: readonly ContentAction[] = ['create', 'read', 'update', 'delete', 'publish'];
const READ: readonly ContentAction[] = ['read'];

export const ROLES: Record<RoleKey, RoleSpec> = {
  charityEditor: {
    code: 'xianjie-charity-editor',
    name: '慈善组织编辑',
    description:
      '慈善组织的工作人员：维护本组织信息，编写和发布项目、信息公开与帮扶案例，隐藏本组织项目下不当的一起捐队伍',
    grants: [
      {
        collection: 'charities',
        actions: ['read', 'update', 'publish'],
        hiddenFields: ['editors'],
        // Registration, 公开募捐资格, tax status and rating are the ministry's (regulatory-fields.ts).
        readOnlyFields: ['projects', ...REGULATORY_CHARITY_FIELDS],
      },
      { collection: 'projects', actions: ALL, readOnlyFields: ['disclosures', 'caseSummaries'] },
      { collection: 'disclosures', actions: ALL },
      { collection: 'caseSummaries', actions: ALL },
      // Read-only, so that projects can link the needs they answer and the campaigns they join.
      { collection: 'needs', actions: READ },
      { collection: 'campaigns', actions: READ },
    ],
  },
  ministryEditor: {
    code: 'xianjie-ministry-editor',
    name: '民政部门编辑',
    description:
      '民政部门的工作人员：发布救助需求、典型案例、表彰和专题活动，维护慈善组织的登记与资格信息，查阅慈善组织与项目',
    grants: [
      // A project says which needs it answers and which campaigns it joins (the charity's claim).
      { collection: 'needs', actions: ALL, readOnlyFields: ['projects'] },
      { collection: 'typicalCases', actions: ALL },
      { collection: 'awards', actions: ALL },
      { collection: 'campaigns', actions: ALL, readOnlyFields: ['projects'] },
      // 配捐 (issue 18): the ministry publishes sponsors' pools on its campaigns.
      { collection: 'matchingPools', actions: ALL },
      // The regulatory record of every charity (regulatory-fields.ts), nothing the charity writes.
      {
        collection: 'charities',
        actions: ['read', 'update', 'publish'],
        hiddenFields: ['editors'],
        writableFields: REGULATORY_CHARITY_FIELDS,
      },
      { collection: 'projects', actions: READ },
      { collection: 'disclosures', actions: READ },
    ],
  },
};

/** Row-level condition ids (registered in `register()`), per role → collection → action (or `*`). */
export const ROLE_CONDITIONS: Record<
  RoleKey,
  Partial<Record<CollectionName, Partial<Record<ContentAction | '*', string[]>>>>
> = {
  charityEditor: {
    charities: { '*': [OWN_CHARITY_CONDITIONS.charities] },
    projects: { '*': [OWN_CHARITY_CONDITIONS.projects] },
    disclosures: { '*': [OWN_CHARITY_CONDITIONS.disclosures] },
    caseSummaries: { '*': [OWN_CHARITY_CONDITIONS.caseSummaries] },
  },
  ministryEditor: {},
};

export function conditionsFor(role: RoleKey, collection: CollectionName, action: ContentAction): string[] {
  const byAction = ROLE_CONDITIONS[role][collection] ?? {};
  return [...(byAction['*'] ?? []), ...(byAction[action] ?? [])];
}

const FIELD_ACTIONS: ReadonlySet<ContentAction> = new Set(['create', 'read', 'update']);
const WRITE_ACTIONS: ReadonlySet<ContentAction> = new Set(['create', 'update']);

interface AdminPermission {
  action: string;
  subject: string;
  properties: { fields?: string[] };
  conditions: string[];
}

/** The content-manager permissions of one role, with nested field paths as Strapi's own roles have them. */
export function permissionsOf(strapi: Core.Strapi, role: RoleKey): AdminPermission[] {
  const contentTypes = strapi.service('admin::content-type') as unknown as {
    getNestedFields(model: unknown, options: { components: unknown }): string[];
  };
  const content = ROLES[role].grants.flatMap((grant) => {
    const uid = STRAPI_COLLECTIONS[grant.collection].uid;
    const without = (names: readonly string[]) => (f: string) => !names.some((h) => f === h || f.startsWith(`${h}.`));
    const fields = contentTypes
      .getNestedFields(strapi.contentType(uid), { components: strapi.components })
      .filter(without(grant.hiddenFields ?? []));
    const only = grant.writableFields;
    const writable = fields
      .filter(without(grant.readOnlyFields ?? []))
      .filter((f) => !only || only.some((w) => f === w || f.startsWith(`${w}.`)));
    return grant.actions.map((action) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: uid,
      properties: FIELD_ACTIONS.has(action) ? { fields: WRITE_ACTIONS.has(action) ? writable : fields } : {},
      conditions: conditionsFor(role, grant.collection, action),
    }));
  });
  // Reports (举报/投诉) and 团队处理 are not snapshot content: their rules live beside them.
  return [...content, ...reportPermissions(strapi, role), ...teamModerationPermissions(strapi, role)];
}

interface RoleService {
  findOne(params: Record<string, unknown>): Promise<{ id: number; name: string } | null>;
  create(attributes: { name: string; code: string; description: string }): Promise<{ id: number }>;
  update(params: { id: number }, attributes: { name: string; description: string }): Promise<unknown>;
  assignPermissions(roleId: number, permissions: AdminPermission[]): Promise<unknown>;
}

/** Creates or updates both editor roles and sets their permissions. Returns role ids by key. */
export async function ensureEditorRoles(strapi: Core.Strapi): Promise<Record<RoleKey, number>> {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  const ids = {} as Record<RoleKey, number>;
  for (const key of Object.keys(ROLES) as RoleKey[]) {
    const spec = ROLES[key];
    const existing = await roles.findOne({ code: spec.code });
    const id = existing
      ? existing.id
      : (await roles.create({ name: spec.name, code: spec.code, description: spec.description })).id;
    if (existing && existing.name !== spec.name) {
      await roles.update({ id }, { name: spec.name, description: spec.description });
    }
    await roles.assignPermissions(id, permissionsOf(strapi, key));
    ids[key] = id;
  }
  return ids;
}
