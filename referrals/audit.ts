import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Account } from './accounts/accounts.ts';
import type { WorkbenchDatabase } from './db/schema.ts';

/**
 * The append-only audit log (the table refuses UPDATE and DELETE, db/migrations.ts): who, when,
 * which record, which fields — the names of the fields, never their values. Written in the same
 * transaction as the read's or the change's own work, so a change without its audit row cannot be
 * committed.
 */
export type AuditAction =
  | 'list'
  | 'read'
  | 'create'
  | 'offer'
  | 'accept'
  | 'decline'
  | 'help'
  | 'close'
  | 'pass-on'
  | 'auto-pass-on'
  | 'outcome'
  | 'purge'
  | 'login'
  | 'login-failed'
  | 'logout';

export interface AuditEntry {
  action: AuditAction;
  referralId?: string | null;
  fields?: readonly string[];
  countyCode?: string | null;
  provinceCode?: string | null;
}

export const SYSTEM_ACTOR = { id: 'system', role: 'system' } as const;

export async function audit(
  db: Kysely<WorkbenchDatabase>,
  actor: Pick<Account, 'id' | 'role'> | typeof SYSTEM_ACTOR,
  entry: AuditEntry,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('wb_audit')
    .values({
      id: randomUUID(),
      at: now.toISOString(),
      account_id: actor.id,
      role: actor.role,
      action: entry.action,
      referral_id: entry.referralId ?? null,
      fields: (entry.fields ?? []).join(','),
      county_code: entry.countyCode ?? null,
      province_code: entry.provinceCode ?? (entry.countyCode ? `${entry.countyCode.slice(0, 2)}0000` : null),
    })
    .execute();
}

export const ACTION_LABELS: Record<string, string> = {
  list: '查看列表',
  read: '查看个人信息',
  create: '新建',
  offer: '转介给慈善组织',
  accept: '接收',
  decline: '婉拒',
  help: '登记帮扶',
  close: '结案',
  'pass-on': '逾期转给下一家',
  'auto-pass-on': '逾期自动转给下一家',
  outcome: '登记办理结果',
  purge: '到期清除个人信息',
  login: '登录',
  'login-failed': '登录失败',
  logout: '退出',
};
