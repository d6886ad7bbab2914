import { formatYuan } from './money.ts';

/**
 * How much one gift may be, in fen. The API enforces the configured bounds (`DONATION_MIN_FEN`,
 * `DONATION_MAX_FEN`); the build bakes the same bounds into the donate form, and both say the
 * same sentence when an amount is outside them.
 */
export interface AmountBounds {
  minFen: number;
  maxFen: number;
}

/** 1.00 元 to 50,000.00 元 unless the environment says otherwise. */
export const DEFAULT_AMOUNT_BOUNDS: Readonly<AmountBounds> = { minFen: 100, maxFen: 5_000_000 };

/** The one sentence for AMOUNT_OUT_OF_RANGE, e.g. "单笔捐赠金额应在 1.00 元至 50,000.00 元之间". */
export function amountRangeMessage(bounds: AmountBounds): string {
  return `单笔捐赠金额应在 ${formatYuan(bounds.minFen)}至 ${formatYuan(bounds.maxFen)}之间`;
}

export function isWithinBounds(fen: number, bounds: AmountBounds): boolean {
  return fen >= bounds.minFen && fen <= bounds.maxFen;
}
