import { afterGiftDb } from './after-gift/migrations.ts';
import { STATUS_COLUMNS } from './after-gift/receipt-import.ts';
import type { DonationsContext } from './context.ts';
import { DonationError } from './errors.ts';
import { receiptRequestsOf } from './ledger/orders.ts';
import { fenToYuan } from './money.ts';

/**
 * 公益事业捐赠票据 requests (Charity Law Art. 38; 财综〔2024〕1号): the portal collects the donor's
 * request or waiver and passes it to the charity, which issues the receipt. The export is a CSV
 * for one charity, behind that charity's own bearer token (`secrets.ts`), never public. Names, tax
 * ids and e-mails are stored encrypted and decrypted only here.
 */
const HEADER = [
  '订单号',
  '项目',
  '金额（元）',
  '已退款（元）',
  '支付时间（UTC）',
  '订单状态',
  '是否需要票据',
  '票据抬头',
  '证件类型',
  '证件号码',
  '邮箱',
  // Filled in by the charity and uploaded again (after-gift/receipt-import.ts).
  ...STATUS_COLUMNS,
];
const KIND_LABEL: Record<string, string> = { 'credit-code': '统一社会信用代码', 'id-number': '居民身份证' };

function statusCells(
  requested: number,
  s: { state: string; receipt_no: string | null; receipt_url: string | null; reason: string | null } | undefined,
): string[] {
  if (!requested) return ['', '', '', ''];
  if (!s) return ['已申请', '', '', ''];
  return [s.state === 'issued' ? '已开具' : '不予开具', s.receipt_no ?? '', s.receipt_url ?? '', s.reason ?? ''];
}

/** RFC 4180 quoting, plus a leading `'` for cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export async function exportReceiptRequestsCsv(
  ctx: DonationsContext,
  charitySlug: string,
  authorization: string | null,
): Promise<string> {
  if (!ctx.exportTokens.verify(charitySlug, authorization)) {
    throw new DonationError(401, 'UNAUTHORIZED', '需要该慈善组织的导出令牌');
  }
  const rows = await receiptRequestsOf(ctx.ledger.db, charitySlug);
  const statuses = new Map(
    (
      await afterGiftDb(ctx.ledger)
        .selectFrom('gift_receipt_statuses')
        .innerJoin('orders', 'orders.id', 'gift_receipt_statuses.order_id')
        .select(['orders.out_trade_no', 'state', 'receipt_no', 'receipt_url', 'reason'])
        .where('orders.charity_slug', '=', charitySlug)
        .execute()
    ).map((s) => [s.out_trade_no, s]),
  );
  const open = (v: string | null) => (v ? ctx.receipts.decrypt(v) : '');
  const lines = [HEADER.map(csvCell).join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.out_trade_no,
        r.project_slug,
        fenToYuan(r.amount_fen),
        // A receipt is for what was given and kept: the charity issues it for amount − refunded.
        fenToYuan(r.refunded_fen),
        r.paid_at ? new Date(r.paid_at).toISOString() : '',
        r.status,
        r.requested ? '是' : '否（放弃）',
        open(r.name_enc),
        r.tax_id_kind ? (KIND_LABEL[r.tax_id_kind] ?? r.tax_id_kind) : '',
        open(r.tax_id_enc),
        open(r.email_enc),
        ...statusCells(r.requested, statuses.get(r.out_trade_no)),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  // A BOM so that spreadsheet programs read the Chinese as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
