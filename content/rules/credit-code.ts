/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet (no I, O, Z, S, V);
 * the 18th is a check character over the first 17.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if they use a letter outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i] as string);
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check] as string;
}

/** True when `code` is 18 characters of the alphabet and its check character is right. */
export function isCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  const check = creditCodeCheckChar(code.slice(0, 17));
  return check !== null && check === code[17];
}

/** Completes 17 characters into a valid code. Used by the demo generator; never for real charities. */
export function withCreditCodeCheck(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new Error(`无法计算校验位：${first17}`);
  return first17 + check;
}
