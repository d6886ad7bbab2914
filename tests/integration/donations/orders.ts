import { expect } from 'vitest';
import type { FakeTrade } from '../../../donations/sandbox/fake-alipay-store.ts';
import { type Harness, postJson } from './harness.ts';

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
