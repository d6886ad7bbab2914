import { generateSecret, generateURI, verify } from 'otplib/functional';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { WorkbenchDb } from '../db/open-db.ts';
import { WorkbenchError } from '../errors.ts';

/**
 * The optional second factor: TOTP (RFC 6238, 6 digits, 30 s) with otplib. The secret is kept
 * encrypted like personal data (bound to the account's id); a code one step early or late is
 * accepted for clock drift.
 */
export async function enableTotp(
  wb: WorkbenchDb,
  cipher: FieldCipher,
  username: string,
): Promise<{ secret: string; uri: string }> {
  const row = await wb.db.selectFrom('wb_accounts').select('id').where('username', '=', username).executeTakeFirst();
  if (!row) throw new WorkbenchError(404, 'ACCOUNT_NOT_FOUND', `没有用户名为 ${username} 的账号`);
  const secret = generateSecret();
  await wb.db
    .updateTable('wb_accounts')
    .set({ totp_secret_enc: cipher.seal(row.id, 'totp', secret) })
    .where('id', '=', row.id)
    .execute();
  return { secret, uri: generateURI({ issuer: '衔接工作台', label: username, secret }) };
}

export async function totpMatches(
  cipher: FieldCipher,
  accountId: string,
  sealed: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  const secret = cipher.open(accountId, 'totp', sealed);
  const result = await verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 });
  return result.valid;
}
