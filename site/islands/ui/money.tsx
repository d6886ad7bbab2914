import { formatMoney, formatMoneyIn, formatYuan, type MoneyUnit } from '../../../content/contracts/money.ts';

/**
 * An amount of integer fen for people: exact 元 with two decimals (`exact`, what is paid), the
 * given `unit` when figures shown together share one (`sharedMoneyUnit`), or the readable unit
 * (元 / 万元 / 亿元) for a total on its own. The fen stay in the `<data value>` for machines.
 */
export function Money({ fen, exact = false, unit }: { fen: number; exact?: boolean; unit?: MoneyUnit }) {
  const text = exact ? formatYuan(fen) : unit ? formatMoneyIn(fen, unit) : formatMoney(fen);
  return <data value={fen}>{text}</data>;
}
