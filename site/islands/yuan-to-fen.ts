import { type AmountBounds, amountRangeMessage, isWithinBounds } from '../../content/contracts/amount-bounds.ts';
import { readYuanText, type YuanTextProblem } from '../../content/contracts/yuan-text.ts';

/**
 * What a donor types as an amount in 元 → integer fen, exactly, read by the one reader of typed
 * yuan (content/contracts/yuan-text.ts), with the donate form's messages.
 */
export type YuanParse = { ok: true; fen: number } | { ok: false; message: string };

const MESSAGES: Record<YuanTextProblem, string> = {
  NEGATIVE: '捐赠金额不能为负数',
  TOO_MANY_DECIMALS: '金额最多保留两位小数（精确到分）',
  NOT_A_NUMBER: '请填写数字金额，例如 50 或 50.5',
  TOO_LARGE: '金额过大',
};

export function parseYuan(input: string): YuanParse {
  const read = readYuanText(input);
  if (!read.ok) return { ok: false, message: MESSAGES[read.problem] };
  if (read.fen === null) return { ok: false, message: '请填写捐赠金额' };
  return { ok: true, fen: read.fen };
}

/** The Chinese sentence for an amount outside the bounds the API enforces, or null when inside. */
export function boundsProblem(fen: number, bounds: AmountBounds): string | null {
  if (fen <= 0) return '捐赠金额应大于 0 元';
  // The same sentence the API answers with (AMOUNT_OUT_OF_RANGE).
  if (!isWithinBounds(fen, bounds)) return amountRangeMessage(bounds);
  return null;
}
