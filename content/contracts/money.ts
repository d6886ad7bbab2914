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

/** The units money is shown in: 元 up to 1 万元, 万元 up to 1 亿元, 亿元 above. */
export type MoneyUnit = '元' | '万元' | '亿元';

/**
 * The readable unit for a sum: under 1 万元 in 元, under 1 亿元 in 万元, above in 亿元 (totals of
 * the scale dataset run to hundreds of 亿元). Tables and data files keep the exact fen.
 */
export function moneyUnit(fen: number): MoneyUnit {
  assertFen(fen);
  if (fen < FEN_PER_WAN) return '元';
  if (fen < FEN_PER_YI) return '万元';
  return '亿元';
}

/**
 * One unit for figures a reader compares (raised beside spent, the bars of a chart, a column):
 * the unit of the largest, so "7.60 万元" never stands next to "3,198.75 元" — the smaller reads
 * "0.32 万元" and the two compare at a glance.
 */
export function sharedMoneyUnit(fens: readonly number[]): MoneyUnit {
  return moneyUnit(fens.reduce((max, fen) => Math.max(max, fen), 0));
}

/** `fen` in the given unit: 元 exact to the fen, 万元 and 亿元 to two decimals, rounded half up. */
export function formatMoneyIn(fen: number, unit: MoneyUnit): string {
  if (unit === '元') return formatYuan(fen);
  return unit === '万元' ? formatWan(fen) : formatYi(fen);
}

/** A sum on its own, in its readable unit (`moneyUnit`). */
export function formatMoney(fen: number): string {
  return formatMoneyIn(fen, moneyUnit(fen));
}

/** Figures shown together, each in their one shared unit (`sharedMoneyUnit`), in the same order. */
export function formatMoneyTogether(fens: readonly number[]): string[] {
  const unit = sharedMoneyUnit(fens);
  return fens.map((fen) => formatMoneyIn(fen, unit));
}

/** Progress toward a goal in whole percent (floored: 99.6% is not "100%"), or null without a goal. */
export function percentOf(partFen: number, goalFen: number): number | null {
  if (goalFen <= 0) return null;
  return Number((BigInt(partFen) * 100n) / BigInt(goalFen));
}
