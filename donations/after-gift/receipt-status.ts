import type { GiftView, ReceiptState } from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { afterGiftDb } from './migrations.ts';

/**
 * The donor's view of their 捐赠票据: none (waived), requested (no word from the charity yet),
 * issued (票据号, maybe an e-receipt link), declined (with the charity's reason).
 */
export async function receiptOf(ctx: DonationsContext, orderId: string): Promise<GiftView['receipt']> {
  const request = await ctx.ledger.db
    .selectFrom('receipt_requests')
    .select('requested')
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  if (!request?.requested) return { state: 'none', number: null, url: null, reason: null };
  const status = await afterGiftDb(ctx.ledger)
    .selectFrom('gift_receipt_statuses')
    .selectAll()
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  if (!status) return { state: 'requested', number: null, url: null, reason: null };
  return {
    state: status.state as ReceiptState,
    number: status.receipt_no,
    url: status.receipt_url,
    reason: status.reason,
  };
}
