import { type AmountBounds, amountRangeMessage, isWithinBounds } from '../../content/contracts/amount-bounds.ts';

/**
 * What a donor types as an amount in 元 → integer fen, exactly: the text is split at the decimal
 * point and read as digits, never through a float (0.29 × 100 is 28.999… in binary). Full-width
 * digits and the full-width point that Chinese input methods produce are accepted, as are
 * thousands separators and a trailing 元.
 */
export type YuanParse = { ok: true; fen: number } | { ok: false; message: string };

const FULL_WIDTH = /[\uff10-\uff19\uff0e\uff0c]/g;
const SHAPE = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function parseYuan(input: string): YuanParse {
  const text = toHalfWidth(input)
    .trim()
    .replace(/\s*元$/, '')
    .replace(/[,\s]/g, '')
    .replace(/^(\d+)\.$/, '$1');
  if (text === '') return { ok: false, message: '请填写捐赠金额' };
  if (/^-/.test(text)) return { ok: false, message: '捐赠金额不能为负数' };
  if (/^\d+\.\d{3,}$/.test(text)) return { ok: false, message: '金额最多保留两位小数（精确到分）' };
  const m = SHAPE.exec(text);
  if (!m) return { ok: false, message: '请填写数字金额，例如 50 或 50.5' };
  const whole = Number(m[1]);
  const cents = Number((m[2] ?? '').padEnd(2, '0'));
  const fen = whole * 100 + cents;
  if (!Number.isSafeInteger(fen)) return { ok: false, message: '金额过大' };
  return { ok: true, fen };
}

/** The Chinese sentence for an amount outside the bounds the API enforces, or null when inside. */
export function boundsProblem(fen: number, bounds: AmountBounds): string | null {
  if (fen <= 0) return '捐赠金额应大于 0 元';
  // The same sentence the API answers with (AMOUNT_OUT_OF_RANGE).
  if (!isWithinBounds(fen, bounds)) return amountRangeMessage(bounds);
  return null;
}
