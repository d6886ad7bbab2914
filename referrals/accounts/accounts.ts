import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { regionCode, regionLevelOf } from '../../content/schemas/region.ts';
import type { ReferralsConfig } from '../config.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from '../crypto/passwords.ts';
import type { WorkbenchDb } from '../db/open-db.ts';
import type { AccountsTable, Role } from '../db/schema.ts';
import { WorkbenchError } from '../errors.ts';
import { totpMatches } from './totp.ts';

export const ROLE_LABELS: Record<Role, string> = {
  'civil-affairs': '民政部门',
  charity: '慈善组织',
  ministry: '只看汇总',
};

export const newAccountSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: '用户名应为 3–64 位小写字母、数字、点、横线或下划线' }),
    displayName: z.string().trim().min(1).max(80),
    role: z.enum(['civil-affairs', 'charity', 'ministry'], { message: '角色应为 civil-affairs、charity 或 ministry' }),
    regionCode: regionCode.optional(),
    charitySlug: z
      .string()
      .regex(/^[a-z0-9-]{2,120}$/, { message: '慈善组织标识应为小写字母、数字和横线' })
      .optional(),
    password: z.string(),
  })
  .superRefine((a, ctx) => {
    const problem = passwordProblem(a.password);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    if (a.role === 'civil-affairs') {
      const level = a.regionCode ? regionLevelOf(a.regionCode) : null;
      if (level !== 'county' && level !== 'province') {
        ctx.addIssue({
          code: 'custom',
          path: ['regionCode'],
          message: '民政账号须绑定一个县级（经办）或省级（监督）区划代码',
        });
      }
    }
    if (a.role === 'charity' && !a.charitySlug) {
      ctx.addIssue({ code: 'custom', path: ['charitySlug'], message: '慈善组织账号须绑定一个慈善组织标识' });
    }
  });
export type NewAccount = z.input<typeof newAccountSchema>;

export type Account = Omit<AccountsTable, 'password_hash' | 'totp_secret_enc'>;

export async function createAccount(wb: WorkbenchDb, input: NewAccount, now = new Date()): Promise<Account> {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WorkbenchError(400, 'INVALID_ACCOUNT', `${String(issue?.path[0] ?? '')}：${issue?.message ?? ''}`);
  }
  const a = parsed.data;
  const row: AccountsTable = {
    id: randomUUID(),
    username: a.username,
    display_name: a.displayName,
    role: a.role,
    region_code: a.role === 'civil-affairs' ? (a.regionCode ?? null) : null,
    charity_slug: a.role === 'charity' ? (a.charitySlug ?? null) : null,
    password_hash: await hashPassword(a.password),
    totp_secret_enc: null,
    failed_logins: 0,
    locked_until: null,
    created_at: now.toISOString(),
  };
  const taken = await wb.db
    .selectFrom('wb_accounts')
    .select('id')
    .where('username', '=', row.username)
    .executeTakeFirst();
  if (taken) throw new WorkbenchError(409, 'ACCOUNT_EXISTS', `用户名 ${row.username} 已存在`);
  await wb.db.insertInto('wb_accounts').values(row).execute();
  const { password_hash: _, totp_secret_enc: __, ...account } = row;
  return account;
}

export type LoginResult =
  | { ok: true; account: Account }
  | { ok: false; code: 'BAD_CREDENTIALS' | 'LOCKED'; message: string };

/**
 * Checks a password (and, for an account with a second factor, the TOTP code). After `lockout.failures` wrong passwords in a row the account is locked for
 * `lockout.minutes` (even the right password is refused meanwhile); an unknown username costs the
 * same scrypt work and gets the same message as a wrong password.
 */
export async function login(
  wb: WorkbenchDb,
  config: Pick<ReferralsConfig, 'lockout'>,
  username: string,
  password: string,
  now = new Date(),
  second: { code: string; cipher: FieldCipher } | null = null,
): Promise<LoginResult> {
  const bad = { ok: false, code: 'BAD_CREDENTIALS', message: '用户名或密码不正确' } as const;
  const row = await wb.db
    .selectFrom('wb_accounts')
    .selectAll()
    .where('username', '=', username.trim())
    .executeTakeFirst();
  if (!row) {
    await verifyPassword(password, await dummyHash());
    return bad;
  }
  if (row.locked_until && row.locked_until > now.toISOString()) {
    return {
      ok: false,
      code: 'LOCKED',
      message: `连续输错密码次数过多，账号已锁定至 ${formatLocal(row.locked_until)}，请稍后再试或联系管理员`,
    };
  }
  const passwordOk = await verifyPassword(password, row.password_hash);
  // A wrong code counts as a wrong password: the lock-out bounds guessing either.
  const codeOk =
    !row.totp_secret_enc ||
    (second !== null && (await totpMatches(second.cipher, row.id, row.totp_secret_enc, second.code, now)));
  if (!passwordOk || !codeOk) {
    const failures = row.failed_logins + 1;
    const lock = failures >= config.lockout.failures;
    await wb.db
      .updateTable('wb_accounts')
      .set({
        failed_logins: lock ? 0 : failures,
        locked_until: lock ? new Date(now.getTime() + config.lockout.minutes * 60_000).toISOString() : row.locked_until,
      })
      .where('id', '=', row.id)
      .execute();
    return lock
      ? { ok: false, code: 'LOCKED', message: `连续输错密码 ${failures} 次，账号已锁定 ${config.lockout.minutes} 分钟` }
      : passwordOk
        ? { ok: false, code: 'BAD_CREDENTIALS', message: '动态验证码不正确（请输入验证器应用中当前的 6 位数字）' }
        : bad;
  }
  await wb.db
    .updateTable('wb_accounts')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', row.id)
    .execute();
  const { password_hash: _, ...account } = row;
  return { ok: true, account };
}

function formatLocal(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}
