import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { WorkbenchDb } from '../db/open-db.ts';
import type { Account } from './accounts.ts';

/**
 * Sessions: a random 32-byte token in the cookie, only its SHA-256 in the database, and a CSRF
 * token bound to the session (the synchronizer-token pattern) that every form carries back.
 */
export const COOKIE_NAME = 'xj_workbench';

export interface Session {
  account: Account;
  csrfToken: string;
  tokenHash: string;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function startSession(
  wb: WorkbenchDb,
  accountId: string,
  hours: number,
  now = new Date(),
): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + hours * 3_600_000);
  await wb.db
    .insertInto('wb_sessions')
    .values({
      token_hash: hash(token),
      account_id: accountId,
      csrf_token: randomBytes(32).toString('base64url'),
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
    })
    .execute();
  // Expired sessions go when anyone logs in: the table stays the size of the active ones.
  await wb.db.deleteFrom('wb_sessions').where('expires_at', '<', now.toISOString()).execute();
  return { token, expires };
}

export async function findSession(wb: WorkbenchDb, token: string | null, now = new Date()): Promise<Session | null> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await wb.db
    .selectFrom('wb_sessions')
    .innerJoin('wb_accounts', 'wb_accounts.id', 'wb_sessions.account_id')
    .select([
      'wb_sessions.token_hash',
      'wb_sessions.csrf_token',
      'wb_sessions.expires_at',
      'wb_accounts.id',
      'wb_accounts.username',
      'wb_accounts.display_name',
      'wb_accounts.role',
      'wb_accounts.region_code',
      'wb_accounts.charity_slug',
      'wb_accounts.failed_logins',
      'wb_accounts.locked_until',
      'wb_accounts.created_at',
    ])
    .where('wb_sessions.token_hash', '=', hash(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  const { token_hash, csrf_token, expires_at: _, ...account } = row;
  return { account, csrfToken: csrf_token, tokenHash: token_hash };
}

export async function endSession(wb: WorkbenchDb, session: Session): Promise<void> {
  await wb.db.deleteFrom('wb_sessions').where('token_hash', '=', session.tokenHash).execute();
}

export function csrfMatches(session: Session, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it),
 * Secure and `__Host-` prefixed when the site is served over https, scoped to the workbench.
 */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  const name = secure ? `__Host-${COOKIE_NAME}` : COOKIE_NAME;
  const parts = [`${name}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (secure) parts.push('Secure');
  // Max-Age, not Expires: it counts from the browser's own clock, whatever the server's says.
  parts.push(`Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`);
  return parts.join('; ');
}

export function readSessionToken(cookieHeader: string | undefined, secure: boolean): string | null {
  const name = secure ? `__Host-${COOKIE_NAME}` : COOKIE_NAME;
  for (const part of (cookieHeader ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}
