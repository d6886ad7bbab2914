import type { Core } from '@strapi/strapi';
import { z } from '../lib/content.ts';
import type { StoredPermission } from './role-conditions-check.ts';

/**
 * What the last start wrote into our editor roles, kept in Strapi's core store. The next start
 * compares the stored permissions with it: a difference that WIDENS a role was made while the CMS
 * ran (Settings → Roles, or the database) and is reported, not silently overwritten
 * (role-conditions-check.ts). Kept per role code; written after the roles are written and checked.
 */

const permissionSchema = z.object({
  action: z.string(),
  subject: z.string().nullable(),
  conditions: z.array(z.string()).nullable(),
  properties: z
    .object({ fields: z.array(z.string()).nullable().optional() })
    .nullable()
    .optional(),
});

const recordSchema = z.object({ version: z.literal(1), roles: z.record(z.string(), z.array(permissionSchema)) });

export type RoleRecord = z.infer<typeof recordSchema>;
type RecordedPermission = z.infer<typeof permissionSchema>;

const STORE = { type: 'core', name: 'xianjie', key: 'editor-role-permissions' } as const;

/** Every stored permission of a role, in the shape the checks compare. */
export async function storedPermissions(strapi: Core.Strapi, roleId: number): Promise<RecordedPermission[]> {
  const rows = (await strapi.db.query('admin::permission').findMany({
    where: { role: { id: roleId } },
    select: ['action', 'subject', 'conditions', 'properties'],
    orderBy: [{ action: 'asc' }, { subject: 'asc' }],
  })) as StoredPermission[];
  return rows.map((p) => ({
    action: p.action,
    subject: p.subject ?? null,
    conditions: [...(p.conditions ?? [])].sort(),
    properties: { fields: p.properties?.fields ? [...p.properties.fields].sort() : null },
  }));
}

/** The record of the last start, or null when there is none (first start, or a CMS from before it existed). */
export async function readRoleRecord(strapi: Core.Strapi): Promise<RoleRecord | null> {
  const value = await strapi.store({ type: STORE.type, name: STORE.name }).get({ key: STORE.key });
  if (value === null || value === undefined) return null;
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(`角色权限记录（core store ${STORE.name}.${STORE.key}）格式不对：${parsed.error.message}`);
  return parsed.data;
}

export async function writeRoleRecord(strapi: Core.Strapi, roles: Record<string, number>): Promise<void> {
  const record: RoleRecord = { version: 1, roles: {} };
  for (const [code, id] of Object.entries(roles)) record.roles[code] = await storedPermissions(strapi, id);
  await strapi.store({ type: STORE.type, name: STORE.name }).set({ key: STORE.key, value: record });
}
