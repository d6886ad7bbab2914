import { expect } from 'vitest';
import { type Disclosure, parseSnapshot, type Snapshot } from '../../../content/index.ts';
import { defaultSnapshot, project } from '../fixtures/donations.ts';
import { type Harness, postJson } from './harness.ts';
import { paidNotify, postNotify } from './orders.ts';

/**
 * The default donations world with disclosures for minxian-zhuxue (one before TEST_NOW's day, one
 * on it) and `late-project`, a year-long project still raising money that has disclosed nothing:
 * its quarterly disclosures are overdue.
 */
export function afterGiftSnapshot(): Snapshot {
  const base = defaultSnapshot();
  const disclosure = (slug: string, publishedOn: string, expenses: Disclosure['expenses']) => ({
    slug,
    project: 'minxian-zhuxue',
    kind: 'fund-usage',
    title: `资金使用 ${publishedOn}`,
    publishedOn,
    period: { start: '2026-01-01', end: publishedOn },
    raisedToDateFen: 5_000_000,
    spentToDateFen: expenses.reduce((s, e) => s + e.amountFen, 0),
    body: '本期资金使用情况',
    expenses,
  });
  return parseSnapshot({
    ...base,
    projects: [...base.projects, project('late-project', { window: { start: '2025-06-01', end: '2026-06-30' } })],
    disclosures: [
      disclosure('before-gift', '2026-01-20', [
        {
          date: '2026-01-15',
          item: '学习用品采购',
          category: 'materials',
          amountFen: 120_000,
          beneficiariesReached: 30,
        },
      ]),
      disclosure('after-gift', '2026-02-15', [
        {
          date: '2026-02-10',
          item: '春季助学金发放',
          category: 'services',
          amountFen: 800_000,
          beneficiariesReached: 40,
        },
        { date: '2026-02-12', item: '项目执行交通', category: 'travel', amountFen: 30_000, beneficiariesReached: 0 },
      ]),
    ],
  });
}

/** A gift created over HTTP and paid through the sandbox: its numbers and its private token. */
export async function payGift(
  h: Harness,
  body: Record<string, unknown>,
): Promise<{ outTradeNo: string; tradeNo: string; token: string; lookupPath: string }> {
  const created = await postJson(`${h.url}/api/donations`, {
    projectSlug: 'minxian-zhuxue',
    amountFen: 10_000,
    channel: 'page',
    anonymous: true,
    ...body,
  });
  expect(created.status, created.text).toBe(201);
  const lookup = (created.json as unknown as { lookup: { token: string; path: string } }).lookup;
  await fetch((created.json.pay as { url: string }).url);
  const order = await h.ctx.ledger.db
    .selectFrom('orders')
    .select('merchant_app_id')
    .where('id', '=', created.json.donationId)
    .executeTakeFirstOrThrow();
  const trade = h.ctx.sandbox?.findTrade(order.merchant_app_id, created.json.outTradeNo);
  expect(await postNotify(h, paidNotify(h, trade as never))).toBe('success');
  const paid = await h.ctx.ledger.db
    .selectFrom('orders')
    .select('trade_no')
    .where('id', '=', created.json.donationId)
    .executeTakeFirstOrThrow();
  return {
    outTradeNo: created.json.outTradeNo,
    tradeNo: paid.trade_no as string,
    token: lookup.token,
    lookupPath: lookup.path,
  };
}
