import { isIsoDate } from '../schemas/common.ts';

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence and a
 * check character computed with ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SHAPE = /^[1-9]\d{16}[\dXx]$/;

/** The check character (`0`–`9` or `X`) for the first 17 digits; throws on anything else. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`身份证号前 17 位应为数字：${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/**
 * True for an 18-character number with a real birth date between 1900 and `currentYear` and the
 * right check character. Lower-case `x` is accepted because people type it that way.
 * `currentYear` is a parameter only so tests stay stable; callers leave it out.
 */
export function isResidentIdNumber(s: string, currentYear = new Date().getUTCFullYear()): boolean {
  if (!SHAPE.test(s)) return false;
  const year = Number(s.slice(6, 10));
  if (year < 1900 || year > currentYear) return false;
  if (!isIsoDate(`${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`)) return false;
  return residentIdCheckChar(s.slice(0, 17)) === s[17]?.toUpperCase();
}
