/**
 * Yuan as an editor types it ↔ the integer fen the CMS stores (as the decimal string Strapi uses
 * for `biginteger`), exactly: the text is split at the decimal point and read as digits, never
 * through a float (0.29 × 100 is 28.999… in binary). Full-width digits and point (Chinese input
 * methods), thousands separators, a leading ¥ and a trailing 元 are accepted.
 */
export type YuanInput = { ok: true; fen: string | null } | { ok: false; message: string };

const FULL_WIDTH = /[\uff10-\uff19\uff0e\uff0c\uffe5]/g;
const SHAPE = /^(\d{1,16})(?:\.(\d{1,2}))?$/;

const toHalfWidth = (text: string): string =>
  text.replace(FULL_WIDTH, (c) => (c === '\uffe5' ? '¥' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** What an editor typed → fen; `''` is no amount (`null`), left to the required check on publish. */
export function parseYuan(input: string): YuanInput {
  const text = toHalfWidth(input)
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '')
    .replace(/[,\s]/g, '')
    .replace(/^(\d+)\.$/, '$1');
  if (text === '') return { ok: true, fen: null };
  if (/^-/.test(text)) return { ok: false, message: '金额不能为负数' };
  if (/^\d+\.\d{3,}$/.test(text)) return { ok: false, message: '金额最多两位小数（精确到分），例如 12.30' };
  const m = SHAPE.exec(text);
  if (!m) return { ok: false, message: '请填写以元为单位的数字金额，例如 1234.50' };
  const fen = BigInt(m[1] ?? '0') * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: '金额过大' };
  return { ok: true, fen: fen.toString() };
}

/** Stored fen (number or decimal string) → `12.30` for the input; `''` for none or a non-amount. */
export function fenToYuanText(fen: unknown): string {
  const digits = typeof fen === 'number' && Number.isSafeInteger(fen) ? String(fen) : fen;
  if (typeof digits !== 'string' || !/^\d+$/.test(digits)) return '';
  const padded = digits.replace(/^0+(?=\d)/, '').padStart(3, '0');
  return `${padded.slice(0, -2)}.${padded.slice(-2)}`;
}

/** Stored fen → `548,800.00 元` for reading (list view, the line under the input). */
export function formatFenAsYuan(fen: unknown): string {
  const text = fenToYuanText(fen);
  if (text === '') return '';
  const [whole = '0', cents = '00'] = text.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents} 元`;
}
