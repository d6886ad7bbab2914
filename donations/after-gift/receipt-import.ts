import { z } from 'zod';
import { OUT_TRADE_NO } from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import { parseCsv } from './csv-rows.ts';
import { afterGiftDb } from './migrations.ts';

/**
 * A charity reports its 捐赠票据 in bulk (issue 16 item 3): the receipt-requests CSV it exported
 * (receipts.ts), with the status columns filled in, or the same as JSON through its API token.
 * Every row is checked (zod) and applied in ONE transaction: a bad row is reported by its line and
 * nothing is applied. Idempotent: a row that says what is already recorded changes nothing. A
 * status moves once — requested → issued or declined — and is not changed afterwards.
 */
export const STATUS_COLUMNS = ['票据状态', '票据号', '电子票据链接', '不开具原因'] as const;
const STATE_WORDS: Record<string, 'issued' | 'declined' | 'requested'> = {
  已开具: 'issued',
  issued: 'issued',
  不予开具: 'declined',
  declined: 'declined',
  已申请: 'requested',
  requested: 'requested',
  '': 'requested',
};

export const receiptUpdateSchema = z.discriminatedUnion('state', [
  z.strictObject({
    outTradeNo: z.string().regex(OUT_TRADE_NO, { message: '订单号无效' }),
    state: z.literal('requested'),
  }),
  z.strictObject({
    outTradeNo: z.string().regex(OUT_TRADE_NO, { message: '订单号无效' }),
    state: z.literal('issued'),
    receiptNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,64}$/, { message: '已开具时须填写票据号（字母、数字或 -，最多 64 位）' }),
    receiptUrl: z
      .url({ protocol: /^https$/, message: '电子票据链接应为 https:// 开头的网址' })
      .max(500)
      .nullable()
      .default(null),
  }),
  z.strictObject({
    outTradeNo: z.string().regex(OUT_TRADE_NO, { message: '订单号无效' }),
    state: z.literal('declined'),
    reason: z
      .string()
      .trim()
      .min(1, { message: '不予开具时须填写原因' })
      .max(200, { message: '原因不能超过 200 个字' }),
  }),
]);
export type ReceiptUpdate = z.infer<typeof receiptUpdateSchema>;

export const receiptUpdatesSchema = z.strictObject({ updates: z.array(z.unknown()).min(1).max(10_000) });

export interface ReceiptImportResult {
  rows: number;
  changed: number;
  unchanged: number;
}

const refuse = (line: number | string, message: string) =>
  new DonationError(400, 'RECEIPT_IMPORT_REFUSED', `第 ${line} 行：${message}；没有应用任何更改`, `line:${line}`);

/** The rows of an uploaded export as updates with their line numbers (rows without a status are skipped). */
export function updatesFromCsv(text: string): { line: number; update: unknown }[] {
  const [header, ...records] = parseCsv(text);
  if (!header) throw refuse(1, '文件为空');
  const col = (name: string) => header.cells.indexOf(name);
  const order = col('订单号');
  const state = col(STATUS_COLUMNS[0]);
  if (order < 0 || state < 0) throw refuse(1, `缺少「订单号」或「${STATUS_COLUMNS[0]}」列（请使用导出的票据申请表）`);
  const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
  return records.map(({ line, cells }) => {
    const word = cell(cells, state);
    const mapped = STATE_WORDS[word];
    const base = { outTradeNo: cell(cells, order), state: mapped ?? word };
    const update =
      mapped === 'issued'
        ? { ...base, receiptNo: cell(cells, col('票据号')), receiptUrl: cell(cells, col('电子票据链接')) || null }
        : mapped === 'declined'
          ? { ...base, reason: cell(cells, col('不开具原因')) }
          : base;
    return { line, update };
  });
}

export async function importReceiptStatuses(
  ctx: DonationsContext,
  charitySlug: string,
  rows: { line: number | string; update: unknown }[],
): Promise<ReceiptImportResult> {
  const updates = rows.map(({ line, update }) => {
    const parsed = receiptUpdateSchema.safeParse(update);
    if (!parsed.success) {
      const state = (update as { state?: unknown })?.state;
      const known = ['requested', 'issued', 'declined'].includes(String(state));
      throw refuse(
        line,
        known ? (parsed.error.issues[0]?.message ?? '内容无效') : '票据状态应为 已申请、已开具 或 不予开具',
      );
    }
    return { line, update: parsed.data };
  });
  const seen = new Map<string, number | string>();
  for (const { line, update } of updates) {
    const earlier = seen.get(update.outTradeNo);
    if (earlier !== undefined) throw refuse(line, `订单 ${update.outTradeNo} 与第 ${earlier} 行重复`);
    seen.set(update.outTradeNo, line);
  }
  const at = ctx.now().toISOString();
  let changed = 0;
  await afterGiftDb(ctx.ledger)
    .transaction()
    .execute(async (trx) => {
      for (const { line, update } of updates) {
        const order = await trx
          .selectFrom('orders')
          .innerJoin('receipt_requests', 'receipt_requests.order_id', 'orders.id')
          .leftJoin('gift_receipt_statuses', 'gift_receipt_statuses.order_id', 'orders.id')
          .select([
            'orders.id',
            'orders.status',
            'receipt_requests.requested',
            'gift_receipt_statuses.state',
            'gift_receipt_statuses.receipt_no',
            'gift_receipt_statuses.receipt_url',
            'gift_receipt_statuses.reason',
          ])
          .where('orders.out_trade_no', '=', update.outTradeNo)
          .where('orders.charity_slug', '=', charitySlug)
          .executeTakeFirst();
        if (!order || (order.status !== 'paid' && order.status !== 'refunded')) {
          throw refuse(line, `本组织没有已支付的订单 ${update.outTradeNo}`);
        }
        if (!order.requested) {
          if (update.state === 'requested') continue;
          throw refuse(line, '捐赠人没有申请票据（已放弃），不能填写票据状态');
        }
        const now = order.state ?? 'requested';
        if (update.state === 'requested') {
          if (now !== 'requested')
            throw refuse(line, `票据已是「${now === 'issued' ? '已开具' : '不予开具'}」，不能改回已申请`);
          continue;
        }
        const fields = {
          receipt_no: update.state === 'issued' ? update.receiptNo : null,
          receipt_url: update.state === 'issued' ? update.receiptUrl : null,
          reason: update.state === 'declined' ? update.reason : null,
        };
        if (now !== 'requested') {
          const same =
            now === update.state &&
            order.receipt_no === fields.receipt_no &&
            order.receipt_url === fields.receipt_url &&
            order.reason === fields.reason;
          if (same) continue;
          throw refuse(line, `票据状态已记录为「${now === 'issued' ? '已开具' : '不予开具'}」，不能更改`);
        }
        await trx
          .insertInto('gift_receipt_statuses')
          .values({ order_id: order.id, state: update.state, ...fields, updated_at: at })
          .execute();
        changed++;
      }
    });
  return { rows: updates.length, changed, unchanged: updates.length - changed };
}
