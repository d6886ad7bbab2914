import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { NewOrder, NewReceiptRequest } from '../../../donations/ledger/orders.ts';
import type { Params } from '../../../donations/sandbox/alipay-signing.ts';
import type { FakeTrade } from '../../../donations/sandbox/fake-alipay-store.ts';
import { type Harness, postForm, postJson } from './harness.ts';

/** Creates a donation over HTTP and opens its sandbox checkout, so "Alipay" knows the trade. */
export async function pendingOrder(
  h: Harness,
  body: Record<string, unknown> = {},
): Promise<{ donationId: string; outTradeNo: string; appId: string; trade: FakeTrade }> {
  const created = await postJson(`${h.url}/api/donations`, {
    projectSlug: 'minxian-zhuxue',
    amountFen: 10_000,
    channel: 'page',
    anonymous: true,
    ...body,
  });
  expect(created.status, created.text).toBe(201);
  const json = created.json;
  if (json.pay.kind === 'redirect') {
    const checkout = await fetch(json.pay.url as string);
    expect(checkout.status).toBe(200);
  }
  const merchant = await h.ctx.merchants.byAppId(
    (
      await h.ctx.ledger.db
        .selectFrom('orders')
        .select('merchant_app_id')
        .where('id', '=', json.donationId)
        .executeTakeFirstOrThrow()
    ).merchant_app_id,
  );
  const appId = merchant?.appId as string;
  const trade = h.ctx.sandbox?.findTrade(appId, json.outTradeNo);
  expect(trade).toBeTruthy();
  return { donationId: json.donationId, outTradeNo: json.outTradeNo, appId, trade: trade as FakeTrade };
}

export async function orderStatus(h: Harness, donationId: string): Promise<string> {
  const row = await h.ctx.ledger.db
    .selectFrom('orders')
    .select('status')
    .where('id', '=', donationId)
    .executeTakeFirstOrThrow();
  return row.status;
}

/** POSTs a notify form to the harness; resolves to the reply text. */
export async function postNotify(h: Harness, fields: Params): Promise<string> {
  return (await postForm(`${h.url}/api/payments/alipay/notify`, fields)).text();
}

/** The sandbox's signed notify that the trade was paid (at 2026-02-15 12:01 Beijing), with overrides. */
export function paidNotify(h: Harness, trade: FakeTrade, overrides: Params = {}): Params {
  const sandbox = h.ctx.sandbox as NonNullable<Harness['ctx']['sandbox']>;
  return sandbox.buildNotify({ ...trade, status: 'TRADE_SUCCESS', gmt_payment: '2026-02-15 12:01:00' }, overrides);
}

export async function refundedFen(h: Harness, donationId: string): Promise<number> {
  const row = await h.ctx.ledger.db
    .selectFrom('orders')
    .select('refunded_fen')
    .where('id', '=', donationId)
    .executeTakeFirstOrThrow();
  return Number(row.refunded_fen);
}

/** The order's refund ledger lines, in order of the refunded total. */
export function refundLines(h: Harness, donationId: string) {
  return h.ctx.ledger.db
    .selectFrom('order_refunds')
    .selectAll()
    .where('order_id', '=', donationId)
    .orderBy('to_fen')
    .execute();
}

export const WAIVED_RECEIPT: NewReceiptRequest = {
  requested: false,
  nameEnc: null,
  taxIdKind: null,
  taxIdEnc: null,
  emailEnc: null,
};

/** An order to insert straight into the ledger (tests of the ledger itself), with overrides. */
export function newOrder(overrides: Partial<NewOrder> = {}): NewOrder {
  const id = randomUUID();
  return {
    id,
    outTradeNo: `XJTEST${id.replaceAll('-', '').slice(0, 20)}`,
    projectSlug: 'minxian-zhuxue',
    charitySlug: 'gansu-cishan',
    merchantAppId: '9021000000000001',
    amountFen: 10_000,
    channel: 'page',
    anonymous: true,
    displayName: null,
    message: null,
    routed: false,
    sandbox: false,
    payExpiresAt: '2026-02-15T04:30:00.000Z',
    createdAt: '2026-02-15T04:00:00.000Z',
    ...overrides,
  };
}
