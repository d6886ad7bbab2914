import { type GiftView, RECEIPT_STATE_LABELS } from '../../content/index.ts';
import { fenToYuan } from '../money.ts';
import { csvCell } from '../receipts.ts';

/** The year statement as CSV (the receipt export's quoting), oldest first. */
const HEADER = ['支付日期', '项目', '慈善组织', '商户订单号', '金额（元）', '已退款（元）', '票据状态', '票据号'];

export function statementCsv(gifts: GiftView[]): string {
  const lines = [HEADER.map(csvCell).join(',')];
  for (const g of gifts) {
    lines.push(
      [
        g.paidOn ?? '',
        g.project.title,
        g.charity.name,
        g.outTradeNo,
        fenToYuan(g.amountFen),
        fenToYuan(g.refundedFen),
        RECEIPT_STATE_LABELS[g.receipt.state],
        g.receipt.number ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The paid gifts of `year` (China time), oldest first. */
export function giftsOfYear(gifts: GiftView[], year: number): GiftView[] {
  return gifts
    .filter((g) => g.paidOn?.startsWith(`${year}-`) && (g.status === 'paid' || g.status === 'refunded'))
    .sort((a, b) => ((a.paidOn ?? '') < (b.paidOn ?? '') ? -1 : 1));
}
