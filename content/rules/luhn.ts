/**
 * Luhn (mod 10) check used by bank card numbers. Only ASCII digits count: any other character
 * makes the string fail, so callers strip spaces or hyphens first.
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  // Doubling starts at the second digit from the right: the rightmost is the check digit.
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
