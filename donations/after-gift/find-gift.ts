import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { GiftLookupRequest } from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import type { OrderRow } from '../ledger/orders.ts';
import { hashLookupToken, newLookupToken } from './lookup-token.ts';
import { afterGiftDb } from './migrations.ts';
import { afterGiftState } from './state.ts';
import type { GiftLookupsTable } from './tables.ts';

/**
 * Finding a gift again (issue 16 item 1): by the private token, or by Alipay's trade number (or
 * our order number) + the amount. A wrong guess gets ONE answer — 404 `GIFT_NOT_FOUND`, the same
 * words — whether the number is unknown, the amount wrong, the order unpaid or its lookup data
 * erased: all four are the same single query that finds no row, so neither the answer nor the work
 * behind it tells them apart, and there is no oracle for whether an order number exists.
 */
export const GIFT_NOT_FOUND_MESSAGE =
  '没有找到符合的捐赠。请核对支付宝交易号（或商户订单号）和捐赠金额；只能查到已支付的捐赠。';

export function giftNotFound(): DonationError {
  return new DonationError(404, 'GIFT_NOT_FOUND', GIFT_NOT_FOUND_MESSAGE);
}

/** The order behind a private token, or null (a token of an erased gift finds nothing). */
export async function orderByToken(ctx: DonationsContext, token: string): Promise<OrderRow | null> {
  const db = afterGiftDb(ctx.ledger);
  const found = await db
    .selectFrom('gift_lookups')
    .select('order_id')
    .where('token_hash', '=', hashLookupToken(token))
    .executeTakeFirst();
  if (!found) return null;
  const order = await ctx.ledger.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', found.order_id)
    .executeTakeFirst();
  return order ?? null;
}

/**
 * A new private token for the order and the `gift_lookups` row that keeps its hash, not yet
 * written: a new order passes the row to `insertOrder` so the order and its link are one
 * transaction (a failed token write leaves no order behind).
 */
export function lookupTokenRow(
  ctx: DonationsContext,
  orderId: string,
  source: 'create' | 'lookup',
): { token: string; row: ['gift_lookups', GiftLookupsTable] } {
  const token = newLookupToken();
  const row: GiftLookupsTable = {
    token_hash: hashLookupToken(token),
    order_id: orderId,
    source,
    created_at: ctx.now().toISOString(),
  };
  return { token, row: ['gift_lookups', row] };
}

/** Stores a new private token for an existing order (only its hash) and returns the token. */
export async function issueLookupToken(ctx: DonationsContext, orderId: string, source: 'lookup'): Promise<string> {
  const { token, row } = lookupTokenRow(ctx, orderId, source);
  await afterGiftDb(ctx.ledger).insertInto('gift_lookups').values(row[1]).execute();
  return token;
}

const numberKey = (n: string) => createHash('sha256').update(n).digest('hex').slice(0, 32);

/**
 * The lookup by numbers. The per-number limit counts every number asked about, known or not, so
 * it says nothing either; the per-client limit is the caller's (`hitClientLimit`).
 */
export async function orderByNumbers(ctx: DonationsContext, request: GiftLookupRequest): Promise<OrderRow> {
  const number = 'tradeNo' in request ? `t:${request.tradeNo}` : `o:${request.outTradeNo}`;
  const decision = await afterGiftState(ctx).numberLimiter.hit(numberKey(number));
  if (!decision.allowed) {
    throw new DonationError(
      429,
      'RATE_LIMITED',
      `这个编号的查询次数过多，请 ${decision.retryAfterSeconds} 秒后再试`,
      undefined,
      undefined,
      decision.retryAfterSeconds,
    );
  }
  let query = ctx.ledger.db
    .selectFrom('orders')
    .selectAll()
    .where('amount_fen', '=', request.amountFen)
    .where('status', 'in', ['paid', 'refunded'])
    // The erasures table is not in the ledger's type: one plain subquery.
    .where(sql<boolean>`id not in (select order_id from gift_lookup_erasures)`);
  query =
    'tradeNo' in request
      ? query.where('trade_no', '=', request.tradeNo)
      : query.where('out_trade_no', '=', request.outTradeNo);
  const order = await query.executeTakeFirst();
  if (!order) throw giftNotFound();
  return order;
}

/**
 * Erase the lookup data of a gift (PIPL Art. 47): every private token is deleted and the order is
 * marked so that no lookup by numbers finds it again. The ledger's accounting rows stay.
 */
export async function eraseLookupData(ctx: DonationsContext, orderId: string): Promise<void> {
  const db = afterGiftDb(ctx.ledger);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('gift_lookups').where('order_id', '=', orderId).execute();
    const marked = await trx
      .selectFrom('gift_lookup_erasures')
      .select('order_id')
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    if (!marked) {
      await trx
        .insertInto('gift_lookup_erasures')
        .values({ order_id: orderId, erased_at: ctx.now().toISOString() })
        .execute();
    }
  });
}
