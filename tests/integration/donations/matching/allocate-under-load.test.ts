import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchingDb } from '../../../../donations/matching/tables.ts';
import type { FakeTrade } from '../../../../donations/sandbox/fake-alipay-store.ts';
import { BACKENDS, type Harness, startHarness } from '../../../support/donations/harness.ts';
import { paidNotify, pendingOrder, postNotify } from '../../../support/donations/orders.ts';
import { matchingSnapshot } from '../../../support/fixtures/matching.ts';

/**
 * 配捐 under load (issue 18): 200 paid notifies at once — real RSA-signed notifies over HTTP, the
 * real ledger on SQLite and PostgreSQL — against a pool with room for 57 matches of 10 元, from 100
 * Alipay buyers giving twice each (cap 10 元 per donor per day). Exactly 57 gifts are matched, the
 * pool ends at exactly zero, no donor gets more than the cap, and a refund returns its match.
 */
const GIFTS = 200;
const DONORS = 100;

describe.each(BACKENDS)('match allocation on $name', ({ name, skip }) => {
  let h: Harness;
  beforeAll(async () => {
    if (!skip) h = await startHarness(name, { snapshot: matchingSnapshot() });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });
  const db = () => matchingDb(h.ctx.ledger.db);
  const buyer = (i: number) => `2088${String(100_000_000_000 + (i % DONORS)).padStart(12, '0')}`;

  it.skipIf(skip)(
    '200 concurrent notifies, room for 57: exactly 57 matched, pool at zero, donor caps held',
    async () => {
      const orders: { donationId: string; trade: FakeTrade }[] = [];
      for (let i = 0; i < GIFTS; i++) {
        orders.push(
          await pendingOrder(h, { projectSlug: i % 2 ? 'lanzhou-kangfu' : 'minxian-zhuxue', amountFen: 1_000 }),
        );
      }
      const replies = await Promise.all(
        orders.map((o, i) => postNotify(h, paidNotify(h, o.trade, { buyer_id: buyer(i) }))),
      );
      expect(replies.filter((r) => r === 'success')).toHaveLength(GIFTS);

      const matches = await db().selectFrom('matches').selectAll().execute();
      expect(matches).toHaveLength(GIFTS);
      const matched = matches.filter((m) => Number(m.amount_fen) > 0);
      expect(matched).toHaveLength(57);
      expect(matched.every((m) => Number(m.amount_fen) === 1_000)).toBe(true);
      expect(matches.filter((m) => Number(m.amount_fen) === 0).every((m) => m.limited_by !== 'rule')).toBe(true);
      const pool = await db().selectFrom('matching_pools').selectAll().executeTakeFirstOrThrow();
      expect(Number(pool.total_fen) - Number(pool.allocated_fen)).toBe(0);
      const perDonor = new Map<string, number>();
      for (const m of matches)
        perDonor.set(String(m.buyer_ref), (perDonor.get(String(m.buyer_ref)) ?? 0) + Number(m.amount_fen));
      expect(perDonor.size).toBe(DONORS);
      expect(Math.max(...perDonor.values())).toBeLessThanOrEqual(1_000);
      // Every paid gift has its decision, in the transaction that paid it.
      const paid = await h.ctx.ledger.db.selectFrom('orders').select('id').where('status', '=', 'paid').execute();
      expect(paid).toHaveLength(GIFTS);

      // A refund of a matched gift returns its match; the next gift (a new donor) takes it.
      const refunded = orders.find((o) => matched.some((m) => m.order_id === o.donationId)) as (typeof orders)[number];
      const refund = paidNotify(h, refunded.trade, {
        trade_status: 'TRADE_CLOSED',
        refund_fee: '10.00',
        out_biz_no: 'RF-MATCH-1',
        gmt_refund: '2026-02-15 13:00:00',
      });
      expect(await postNotify(h, refund)).toBe('success');
      const afterRefund = await db().selectFrom('matching_pools').selectAll().executeTakeFirstOrThrow();
      expect(Number(afterRefund.allocated_fen)).toBe(56_000);
      const next = await pendingOrder(h, { amountFen: 1_000 });
      expect(await postNotify(h, paidNotify(h, next.trade, { buyer_id: '2088999999999999' }))).toBe('success');
      const nextMatch = await db()
        .selectFrom('matches')
        .selectAll()
        .where('order_id', '=', next.donationId)
        .executeTakeFirstOrThrow();
      expect(Number(nextMatch.amount_fen)).toBe(1_000);
      const last = await db().selectFrom('matching_pools').selectAll().executeTakeFirstOrThrow();
      expect(Number(last.allocated_fen)).toBe(57_000);
    },
    150_000,
  );
});
