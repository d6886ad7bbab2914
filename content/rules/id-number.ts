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
 * The birth date an ID-shaped digit string carries, as `YYYY-MM-DD`, or null when it carries no
 * real one: 15 digits (the pre-1999 form) hold `YYMMDD` of a 19xx year at 7–12, 17 and 18 digits
 * hold `YYYYMMDD` at 7–14, between 1900 and `currentYear`. The lint uses it to judge numbers after
 * an ID label whose checksum is wrong or missing.
 */
export function idBirthDate(digits: string, currentYear = new Date().getUTCFullYear()): string | null {
  let date: string;
  if (/^\d{15}$/.test(digits)) date = `19${digits.slice(6, 8)}-${digits.slice(8, 10)}-${digits.slice(10, 12)}`;
  else if (/^\d{17}[\dXx]?$/.test(digits))
    date = `${digits.slice(6, 10)}-${digits.slice(10, 12)}-${digits.slice(12, 14)}`;
  else return null;
  const year = Number(date.slice(0, 4));
  return year >= 1900 && year <= currentYear && isIsoDate(date) ? date : null;
}

/**
 * True for an 18-character number with a real birth date between 1900 and `currentYear` and the
 * right check character. Lower-case `x` is accepted because people type it that way.
 * `currentYear` is a parameter only so tests stay stable; callers leave it out.
 */
export function isResidentIdNumber(s: string, currentYear = new Date().getUTCFullYear()): boolean {
  if (!SHAPE.test(s) || idBirthDate(s, currentYear) === null) return false;
  return residentIdCheckChar(s.slice(0, 17)) === s[17]?.toUpperCase();
}
