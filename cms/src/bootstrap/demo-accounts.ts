import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Core } from '@strapi/strapi';
import { loadEnv } from '../../config/env.ts';
import { STRAPI_COLLECTIONS } from '../lib/content.ts';
import { type DemoAccount, readDemoAccountsFile } from './demo-accounts-file.ts';
import type { RoleKey } from './roles.ts';

/**
 * Demo admin accounts: a super admin, two charity editors (of two different charities, linked
 * through `charity.editors`) and a ministry editor. Passwords are generated, written to
 * `.data/cms/demo-accounts.json` (0600) and printed once, when they are created. An account
 * whose password is not in that file any more gets a new one.
 */

const SPECS: readonly { email: string; role: DemoAccount['role']; firstname: string; lastname: string }[] = [
  { email: 'admin@demo.xianjie.local', role: 'superAdmin', firstname: '系统', lastname: '管理员' },
  { email: 'charity1@demo.xianjie.local', role: 'charityEditor', firstname: '慈善组织', lastname: '编辑一' },
  { email: 'charity2@demo.xianjie.local', role: 'charityEditor', firstname: '慈善组织', lastname: '编辑二' },
  { email: 'ministry@demo.xianjie.local', role: 'ministryEditor', firstname: '民政部门', lastname: '编辑' },
];

/** Meets Strapi's admin rules (8–72 bytes, lower, upper, digit) with ~144 bits of randomness. */
export function generatePassword(): string {
  return `${randomBytes(18).toString('base64url')}Xj7a`;
}

function writeAccounts(path: string, accounts: DemoAccount[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ accounts }, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
  chmodSync(path, 0o600);
}

interface AdminUserService {
  findOneByEmail(email: string): Promise<{ id: number } | null>;
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
  updateById(id: number, attributes: Record<string, unknown>): Promise<unknown>;
}

/** Adds `userId` to `charity.editors` on every version (draft and published) of the charity. */
async function linkEditor(strapi: Core.Strapi, charitySlug: string, userId: number): Promise<void> {
  const query = strapi.db.query(STRAPI_COLLECTIONS.charities.uid);
  const rows = (await query.findMany({ where: { slug: charitySlug }, select: ['id'] })) as { id: number }[];
  for (const row of rows) await query.update({ where: { id: row.id }, data: { editors: { connect: [userId] } } });
}

export async function ensureDemoAccounts(
  strapi: Core.Strapi,
  roleIds: Record<RoleKey, number>,
): Promise<{ accounts: DemoAccount[]; created: DemoAccount[]; path: string }> {
  const { demoAccounts } = loadEnv();
  const path = demoAccounts.path;
  const users = strapi.service('admin::user') as unknown as AdminUserService;
  const superAdmin = (await strapi.service('admin::role').getSuperAdmin()) as { id: number } | null;
  if (!superAdmin) throw new Error('找不到超级管理员角色');

  const charities = (
    (await strapi.db.query(STRAPI_COLLECTIONS.charities.uid).findMany({
      where: { publishedAt: { $notNull: true } },
      select: ['slug'],
      orderBy: { slug: 'asc' },
      limit: 2,
    })) as { slug: string }[]
  ).map((c) => c.slug);

  const known = new Map(readDemoAccountsFile(path).map((a) => [a.email, a]));
  const accounts: DemoAccount[] = [];
  const created: DemoAccount[] = [];
  let charityIndex = 0;
  for (const spec of SPECS) {
    const charity = spec.role === 'charityEditor' ? charities[charityIndex++] : undefined;
    if (spec.role === 'charityEditor' && !charity) continue; // no charity to edit yet
    const roleId = spec.role === 'superAdmin' ? superAdmin.id : roleIds[spec.role];
    const user = await users.findOneByEmail(spec.email);
    const remembered = known.get(spec.email);
    let account: DemoAccount;
    if (user && remembered) {
      account = { ...remembered, role: spec.role, ...(charity ? { charity } : {}) };
    } else {
      account = { email: spec.email, password: generatePassword(), role: spec.role, ...(charity ? { charity } : {}) };
      const attributes = {
        firstname: spec.firstname,
        lastname: spec.lastname,
        password: account.password,
        preferedLanguage: 'zh-Hans', // sic: Strapi's attribute name
      };
      if (user) await users.updateById(user.id, { ...attributes, roles: [roleId], isActive: true });
      else
        await users.create({
          ...attributes,
          email: spec.email,
          roles: [roleId],
          isActive: true,
          registrationToken: null,
        });
      created.push(account);
    }
    const id = user?.id ?? (await users.findOneByEmail(spec.email))?.id;
    if (charity && id !== undefined) await linkEditor(strapi, charity, id);
    accounts.push(account);
  }
  if (created.length > 0 || accounts.length !== known.size) writeAccounts(path, accounts);
  return { accounts, created, path };
}

/** The lines printed at start: passwords only for accounts created just now. */
export function describeAccounts(result: { accounts: DemoAccount[]; created: DemoAccount[]; path: string }): string[] {
  if (result.created.length === 0) {
    return [`演示账号见 ${result.path}（${result.accounts.map((a) => a.email).join('、')}）`];
  }
  const label: Record<DemoAccount['role'], string> = {
    superAdmin: '超级管理员',
    charityEditor: '慈善组织编辑',
    ministryEditor: '民政部门编辑',
  };
  return [
    `已创建演示账号（密码只显示这一次，另存于 ${result.path}）：`,
    ...result.created.map(
      (a) => `  ${label[a.role]}  ${a.email}  密码 ${a.password}${a.charity ? `  （慈善组织 ${a.charity}）` : ''}`,
    ),
  ];
}
