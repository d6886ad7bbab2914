import { randomInt } from 'node:crypto';
import { z } from 'zod';

/**
 * Who pays in the sandbox. Real Alipay names the paying account in every notify (`buyer_id`, a
 * 16-digit user id starting 2088), and the per-donor 配捐 cap counts by it (matching/allocate.ts,
 * hashed). One fixed id for every sandbox gift would make every tester one donor, so the
 * sandbox's cashier lets the tester choose the account: each browser gets its own pseudo id, kept
 * in a cookie (so its gifts are one donor's, as with a real Alipay login), shown in a field that
 * can be changed to play another donor.
 */
export const SANDBOX_BUYER_COOKIE = 'xj_sandbox_buyer';

/** The account of gifts paid without the cashier's field (scripts, old tests): the one id used before. */
export const DEFAULT_SANDBOX_BUYER = '2088102177846880';

export const buyerIdSchema = z
  .string({ message: '付款账号应为文字' })
  .trim()
  .regex(/^2088\d{12}$/, { message: '付款账号应为 2088 开头的 16 位数字（支付宝用户号的格式）' });

/** A fresh pseudo account: 2088 and 12 random digits. */
export function newBuyerId(): string {
  let digits = '';
  for (let i = 0; i < 12; i++) digits += String(randomInt(10));
  return `2088${digits}`;
}

/** The account a browser's cookie names, or null (none, or not an account). */
export function buyerFromCookie(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.split('=');
    if (name?.trim() !== SANDBOX_BUYER_COOKIE) continue;
    const parsed = buyerIdSchema.safeParse(rest.join('='));
    return parsed.success ? parsed.data : null;
  }
  return null;
}

/**
 * The Set-Cookie that keeps a browser's account: only for the sandbox's own paths, a year,
 * HttpOnly (the page's field carries the value; no script needs it), SameSite=Lax so it rides the
 * top-level navigation from the donate page to the cashier, Secure when the sandbox is on https.
 */
export function buyerCookie(buyerId: string, sandboxBaseUrl: string): string {
  const url = new URL(sandboxBaseUrl);
  const secure = url.protocol === 'https:' ? '; Secure' : '';
  return `${SANDBOX_BUYER_COOKIE}=${buyerId}; Path=${url.pathname}; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}`;
}
