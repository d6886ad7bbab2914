/**
 * Money inside is integer fen (DESIGN.md). Yuan strings ("100.00") exist only at the Alipay
 * boundary, converted exactly in both directions — no floating point anywhere. Money for people
 * ("50,000.00 元") is content/contracts/money.ts's `formatYuan`, the same on pages and in API errors.
 */

/** Largest amount Alipay accepts for one trade: 100,000,000.00 yuan. */
export const ALIPAY_MAX_FEN = 10_000_000_000;

const YUAN = /^(0|[1-9]\d{0,8})(?:\.(\d{1,2}))?$/;

/**
 * "0.01" → 1, "100" → 10000, "100.5" → 10050. Rejects (returns null) anything that is not a
 * plain non-negative decimal with at most two places: "1.001", "-1", "1e3", " 1", "01", "1.", "".
 */
export function yuanToFen(text: string): number | null {
  const m = YUAN.exec(text);
  if (!m) return null;
  const whole = Number(m[1]);
  const cents = m[2] === undefined ? 0 : Number(m[2].padEnd(2, '0'));
  const fen = whole * 100 + cents;
  return fen <= ALIPAY_MAX_FEN ? fen : null;
}

/** 1 → "0.01", 10000 → "100.00". Throws on anything but a non-negative safe integer. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`金额应为非负整数（分）：${fen}`);
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  return `${whole}.${String(cents).padStart(2, '0')}`;
}
