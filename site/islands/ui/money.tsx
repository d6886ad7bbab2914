import { formatMoney, formatYuan } from '../../../content/contracts/money.ts';

/**
 * An amount of integer fen for people: exact 元 with two decimals (`exact`, what is paid), or the
 * readable unit (元 / 万元 / 亿元) for totals. The fen stay in the `<data value>` for machines.
 */
export function Money({ fen, exact = false }: { fen: number; exact?: boolean }) {
  return <data value={fen}>{exact ? formatYuan(fen) : formatMoney(fen)}</data>;
}
