import { formatYuan } from '../../../content/contracts/money.ts';
import { readYuanText, type YuanTextProblem } from '../../../content/contracts/yuan-text.ts';

/**
 * Yuan as an editor types it ↔ the integer fen the CMS stores (as the decimal string Strapi uses
 * for `biginteger`). Reading and formatting are the site's own (content/contracts/yuan-text.ts,
 * money.ts), so an amount reads the same in the admin as on the page; only the messages are the
 * editor's.
 */
export type YuanInput = { ok: true; fen: string | null } | { ok: false; message: string };

const MESSAGES: Record<YuanTextProblem, string> = {
  NEGATIVE: '金额不能为负数',
  TOO_MANY_DECIMALS: '金额最多两位小数（精确到分），例如 12.30',
  NOT_A_NUMBER: '请填写以元为单位的数字金额，例如 1234.50',
  TOO_LARGE: '金额过大',
};

/** What an editor typed → fen; `''` is no amount (`null`), left to the required check on publish. */
export function parseYuan(input: string): YuanInput {
  const read = readYuanText(input);
  if (!read.ok) return { ok: false, message: MESSAGES[read.problem] };
  return { ok: true, fen: read.fen === null ? null : String(read.fen) };
}

/** Stored fen (number or decimal string) as a safe integer, or null for none or a non-amount. */
function storedFen(fen: unknown): number | null {
  const n = typeof fen === 'string' && /^\d+$/.test(fen) ? Number(fen) : fen;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** Stored fen → `12.30` for the input (no grouping: it is typed over); `''` for none. */
export function fenToYuanText(fen: unknown): string {
  const n = storedFen(fen);
  if (n === null) return '';
  return `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
}

/** Stored fen → `548,800.00 元` for reading (list view, the line under the input), as on the site. */
export function formatFenAsYuan(fen: unknown): string {
  const n = storedFen(fen);
  return n === null ? '' : formatYuan(n);
}
