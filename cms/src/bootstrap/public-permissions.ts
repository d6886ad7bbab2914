import type { Core } from '@strapi/strapi';
import { STRAPI_COLLECTIONS } from '../lib/content.ts';

/**
 * The users-permissions `public` role may read our published types and nothing else of them:
 * find/findOne are granted, any other action on our types (create, update, delete, …) is removed.
 * Private attributes (case-summary `consent`, charity `editors`) stay out of responses by schema.
 *
 * Nobody signs up: the portal has no end-user accounts (editors are admin users, charities'
 * systems use API tokens), yet Strapi grants the public role `auth.register` and turns on
 * `allow_register` by default, so anyone could create a users-permissions user with a JWT
 * (issue 13). Both are switched off on every start: the permission (POST /api/auth/local/register
 * answers 403) and the setting (which also governs sign-up through an OAuth provider).
 */
const PUBLIC_ACTIONS = ['find', 'findOne'] as const;
const REGISTER_ACTION = 'plugin::users-permissions.auth.register';

export async function ensurePublicPermissions(strapi: Core.Strapi): Promise<void> {
  const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } })) as {
    id: number;
  } | null;
  if (!role) throw new Error('找不到 users-permissions 的 public 角色');

  const permissionQuery = strapi.db.query('plugin::users-permissions.permission');
  const existing = (await permissionQuery.findMany({ where: { role: role.id } })) as { id: number; action: string }[];
  const wanted = new Set(Object.values(STRAPI_COLLECTIONS).flatMap((c) => PUBLIC_ACTIONS.map((a) => `${c.uid}.${a}`)));
  const ours = (action: string) => Object.values(STRAPI_COLLECTIONS).some((c) => action.startsWith(`${c.uid}.`));

  const have = new Set(existing.map((p) => p.action));
  for (const action of wanted) {
    if (!have.has(action)) await permissionQuery.create({ data: { action, role: role.id } });
  }
  const extra = existing.filter((p) => (ours(p.action) && !wanted.has(p.action)) || p.action === REGISTER_ACTION);
  if (extra.length > 0) await permissionQuery.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
  await closeSelfRegistration(strapi);
}

async function closeSelfRegistration(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false)
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
}
