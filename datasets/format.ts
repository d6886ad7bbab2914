import type { IsoDate } from '../content/schemas/common.ts';
import type { Rng } from './random.ts';

// Money and full dates in generated texts use the site's one formatter (content/contracts/money.ts,
// format.ts: `formatYuan`, `formatMoney`, `formatDate`), so a disclosure's prose and the page
// around it write sums and days the same way.

/** `2025-03-31` → `2025年3月`. */
export function cnMonth(date: IsoDate): string {
  const [y, m] = date.split('-');
  return `${y}年${Number(m)}月`;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1–99 in Chinese numerals: `12` → `十二`, `21` → `二十一`. */
export function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

/** Joins with 、 and a final 和: `A、B和C`. */
export function listCn(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

/** Fills `{name}` slots of a template. Unknown slots are left visible so tests catch them. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}

/** Picks a template and fills it. */
export function say(rng: Rng, templates: readonly string[], values: Record<string, string | number>): string {
  return fill(rng.pick(templates), values);
}

/**
 * Splits `total` fen into `weights.length` positive parts proportional to the weights, rounded to
 * whole yuan except the last, which takes the remainder so the parts add up exactly.
 */
export function splitFen(total: number, weights: readonly number[]): number[] {
  if (weights.length <= 1 || total < weights.length * 100) return [total];
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts: number[] = [];
  let left = total;
  for (let i = 0; i < weights.length - 1; i++) {
    const share = Math.floor((total * (weights[i] as number)) / sum / 100) * 100;
    const part = Math.max(100, Math.min(share, left - 100 * (weights.length - 1 - i)));
    parts.push(part);
    left -= part;
  }
  parts.push(left);
  return parts;
}
