import { createHmac, timingSafeEqual } from 'node:crypto';
import type { GiftVerification } from '../../content/index.ts';
import { paths } from '../../content/paths.ts';
import type { DonationsContext } from '../context.ts';
import type { OrderRow } from '../ledger/orders.ts';
import { chinaDay } from '../public-queries.ts';
import { afterGiftState } from './state.ts';

/**
 * The code behind `/verify/<code>` on a 捐赠凭证: the order's id (16 bytes) and an HMAC-SHA256 of
 * it under the voucher key (state.ts), cut to 16 bytes, base64url — 43 characters. Without the key
 * no valid code can be made, and a code names one order only; it carries no amount or name, so a
 * code read off a photo of a 凭证 tells nothing the 凭证 does not.
 */
const CODE = /^[A-Za-z0-9_-]{43}$/;

function mac(key: Buffer, id: Buffer): Buffer {
  return createHmac('sha256', key).update('xianjie-voucher-v1\0').update(id).digest().subarray(0, 16);
}

const uuidBytes = (id: string) => Buffer.from(id.replaceAll('-', ''), 'hex');
const uuidOf = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export function signVoucherCode(ctx: DonationsContext, order: Pick<OrderRow, 'id'>): string {
  const id = uuidBytes(order.id);
  return Buffer.concat([id, mac(afterGiftState(ctx).voucherKey, id)]).toString('base64url');
}

/** The order id a code names, or null when the code is not one we signed. */
export function orderIdOfVoucherCode(ctx: DonationsContext, code: string): string | null {
  if (!CODE.test(code)) return null;
  const raw = Buffer.from(code, 'base64url');
  // Canonical only: the last character's spare bits would otherwise give each code a few twins.
  if (raw.length !== 32 || raw.toString('base64url') !== code) return null;
  const id = raw.subarray(0, 16);
  const expected = mac(afterGiftState(ctx).voucherKey, id);
  return timingSafeEqual(expected, raw.subarray(16)) ? uuidOf(id) : null;
}

/** 张三 → 张**, 欧阳小明 → 欧** (not even the name's length); an anonymous gift → 匿名捐赠者. */
export function anonymisedDonor(order: Pick<OrderRow, 'anonymous' | 'display_name'>): string {
  if (order.anonymous || !order.display_name) return '匿名捐赠者';
  return `${[...order.display_name.trim()][0] ?? ''}**`;
}

/** What `/verify/<code>` shows: the gift, as public as a line of the donor list, or `valid: false`. */
export async function verifyVoucherCode(ctx: DonationsContext, code: string): Promise<GiftVerification> {
  const id = orderIdOfVoucherCode(ctx, code);
  if (!id) return { valid: false };
  const order = await ctx.ledger.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!order?.paid_at || (order.status !== 'paid' && order.status !== 'refunded')) return { valid: false };
  const view = await ctx.snapshots.current().catch(() => null);
  return {
    valid: true,
    project: {
      title: view?.projects.get(order.project_slug)?.title ?? order.project_slug,
      path: paths.project(order.project_slug),
    },
    charity: view?.charities.get(order.charity_slug)?.name ?? order.charity_slug,
    amountFen: order.amount_fen,
    paidOn: chinaDay(order.paid_at),
    donor: anonymisedDonor(order),
    status: order.status === 'refunded' ? 'refunded' : order.refunded_fen > 0 ? 'partly-refunded' : 'paid',
  };
}
