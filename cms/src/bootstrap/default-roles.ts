import type { Core } from '@strapi/strapi';

/**
 * Strapi creates the admin roles "Editor" and "Author" on a fresh database, with unconditioned
 * rights on every content type: a user given one of them would reach every charity's entries. We
 * never use them, so they are deleted at start while nobody holds them. A role still held is left
 * in place and the start-up check (role-conditions-check.ts) refuses to start, naming it, until its
 * permissions on charity-owned types are removed or carry the own-charity condition.
 */
const STRAPI_DEFAULT_ROLE_CODES = ['strapi-editor', 'strapi-author'] as const;

interface RoleService {
  deleteByIds(ids: number[]): Promise<unknown>;
}

/** Deletes Strapi's default roles nobody holds; returns the names of those deleted. */
export async function removeUnusedDefaultRoles(strapi: Core.Strapi): Promise<string[]> {
  const removed: string[] = [];
  for (const code of STRAPI_DEFAULT_ROLE_CODES) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code } })) as {
      id: number;
      name: string;
    } | null;
    if (!role) continue;
    const holders = await strapi.db.query('admin::user').count({ where: { roles: { id: role.id } } });
    if (holders > 0) continue;
    await (strapi.service('admin::role') as unknown as RoleService).deleteByIds([role.id]);
    removed.push(role.name);
  }
  return removed;
}
