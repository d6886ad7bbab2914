/**
 * Money for people, from integer fen (DESIGN.md: no floating point for money). Sums are added as
 * integers before they get here; these functions only place the decimal point, rounding half up
 * with integer arithmetic.
 */
const FEN_PER_YUAN = 100;
const FEN_PER_WAN = 1_000_000;
const FEN_PER_YI = 10_000_000_000;

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`金额应为非负整数（分）：${fen}`);
}

/** 1234567 → "1,234,567" (grouping by thousands, as Chinese financial statements do). */
export function groupThousands(n: number): string {
  const digits = String(n);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/** `fen / unit` with two decimals, rounded half up, as text. */
function withTwoDecimals(fen: number, unit: number): string {
  // fen * 100 passes 2^53 beyond about 900 亿元: BigInt keeps those exact too.
  const big = (BigInt(fen) * 100n + BigInt(unit / 2)) / BigInt(unit);
  return `${groupThousands(Number(big / 100n))}.${String(big % 100n).padStart(2, '0')}`;
}

/** 12345 → "123.45 元". */
export function formatYuan(fen: number): string {
  assertFen(fen);
  return `${groupThousands(Math.floor(fen / FEN_PER_YUAN))}.${String(fen % FEN_PER_YUAN).padStart(2, '0')} 元`;
}

/** 120100000 → "120.10 万元". */
export function formatWan(fen: number): string {
  assertFen(fen);
  return `${withTwoDecimals(fen, FEN_PER_WAN)} 万元`;
}

/** 1234500000000 → "123.45 亿元". */
export function formatYi(fen: number): string {
  assertFen(fen);
  return `${withTwoDecimals(fen, FEN_PER_YI)} 亿元`;
}

/**
 * The readable unit: under 1 万元 in 元, under 1 亿元 in 万元, above in 亿元 (totals of the scale
 * dataset run to hundreds of 亿元). Tables and data files keep the exact fen.
 */
export function formatMoney(fen: number): string {
  assertFen(fen);
  if (fen < FEN_PER_WAN) return formatYuan(fen);
  if (fen < FEN_PER_YI) return formatWan(fen);
  return formatYi(fen);
}

/** Progress toward a goal in whole percent (floored: 99.6% is not "100%"), or null without a goal. */
export function percentOf(partFen: number, goalFen: number): number | null {
  if (goalFen <= 0) return null;
  return Number((BigInt(partFen) * 100n) / BigInt(goalFen));
}
