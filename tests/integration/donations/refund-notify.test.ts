import { describe, expect, it } from 'vitest';
import type { FakeTrade } from '../../../donations/sandbox/fake-alipay-store.ts';
import { BACKENDS, type Harness } from '../../support/donations/harness.ts';
import { notifySuite } from '../../support/donations/notify-suite.ts';
import { orderStatus, pendingOrder, refundedFen, refundLines } from '../../support/donations/orders.ts';

/**
 * Refunds reported by Alipay's notify, on SQLite and PostgreSQL: a TRADE_SUCCESS carrying
 * `refund_fee` (a partial refund; `refund_fee` is the trade's cumulative refunded total) and a
 * TRADE_CLOSED on a paid order (a full refund) move the ledger forward exactly once, and every
 * public figure (stats, the donor list, routing) subtracts them. Notifies are signed by the
 * sandbox's "Alipay" key and verified by alipay-sdk.
 */
describe.each(BACKENDS)('refund notifies on $name', ({ name, skip }) => {
  const suite = notifySuite({ name, skip });
  const { notify, paid } = suite;
  const sandbox = () => suite.h.ctx.sandbox as NonNullable<Harness['ctx']['sandbox']>;
  const refundNotify = (trade: FakeTrade, cumulativeYuan: string, requestNo: string, status = 'TRADE_SUCCESS') =>
    paid(trade, {
      trade_status: status,
      refund_fee: cumulativeYuan,
      out_biz_no: requestNo,
      gmt_refund: '2026-02-15 13:00:00.123',
    });
  const stats = async (slug: string) =>
    (await (await fetch(`${suite.h.url}/api/projects/${slug}/stats`)).json()) as {
      raisedFen: number;
      donationCount: number;
    };
  const donorList = async (slug: string) =>
    (
      (await (await fetch(`${suite.h.url}/api/projects/${slug}/donations?limit=50`)).json()) as {
        donations: { name: string; amountFen: number }[];
      }
    ).donations;
  const refunded = (donationId: string) => refundedFen(suite.h, donationId);
  const lines = (donationId: string) => refundLines(suite.h, donationId);

  /**
   * A paid 100.00 元 gift to `slug` (lanzhou-kangfu is used by no other file's assertions), under a
   * public name of its own, so the donor list can be watched for it.
   */
  let gifts = 0;
  async function paidGift(slug = 'lanzhou-kangfu') {
    gifts += 1;
    const displayName = `退款测试${gifts}`;
    const order = await pendingOrder(suite.h, { projectSlug: slug, anonymous: false, displayName });
    expect(await notify(paid(order.trade))).toBe('success');
    expect(await orderStatus(suite.h, order.donationId)).toBe('paid');
    return { ...order, displayName };
  }

  it.skipIf(skip)('a partial refund lowers the public figures; replays change nothing', async () => {
    const slug = 'lanzhou-kangfu';
    const before = await stats(slug);
    const { donationId, trade, displayName } = await paidGift(slug);
    expect((await stats(slug)).raisedFen).toBe(before.raisedFen + 10_000);
    expect(await donorList(slug)).toContainEqual({ name: displayName, amountFen: 10_000, paidOn: expect.any(String) });

    const partial = refundNotify(trade, '30.00', 'RF-A1');
    for (let i = 0; i < 4; i++) expect(await notify(partial)).toBe('success');
    const after = await stats(slug);
    expect(after.raisedFen).toBe(before.raisedFen + 7_000);
    expect(after.donationCount).toBe(before.donationCount + 1);
    expect(await donorList(slug)).toContainEqual({ name: displayName, amountFen: 7_000, paidOn: expect.any(String) });
    expect(await orderStatus(suite.h, donationId)).toBe('paid');
    expect(await refunded(donationId)).toBe(3_000);
    const steps = await lines(donationId);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ from_fen: 0, to_fen: 3_000, amount_fen: 3_000, out_request_no: 'RF-A1' });
    const outcomes = await suite.h.ctx.ledger.db
      .selectFrom('payment_events')
      .select('outcome')
      .where('order_id', '=', donationId)
      .execute();
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['DUPLICATE', 'DUPLICATE', 'DUPLICATE', 'PAID', 'REFUNDED']);
  });

  it.skipIf(skip)(
    'refund_fee is cumulative: a second partial adds the difference; a late older one is a no-op',
    async () => {
      const { donationId, trade } = await paidGift();
      expect(await notify(refundNotify(trade, '10.00', 'RF-B1'))).toBe('success');
      expect(await notify(refundNotify(trade, '25.50', 'RF-B2'))).toBe('success');
      expect(await refunded(donationId)).toBe(2_550);
      // RF-B1 again, after RF-B2: it reports a smaller total, so it is a replay.
      expect(await notify(refundNotify(trade, '10.00', 'RF-B1'))).toBe('success');
      expect(await refunded(donationId)).toBe(2_550);
      expect((await lines(donationId)).map((l) => [l.from_fen, l.to_fen, l.amount_fen])).toEqual([
        [0, 1_000, 1_000],
        [1_000, 2_550, 1_550],
      ]);
    },
  );

  it.skipIf(skip)('partial refunds that reach the paid amount make the order refunded', async () => {
    const { donationId, trade } = await paidGift();
    expect(await notify(refundNotify(trade, '40.00', 'RF-C1'))).toBe('success');
    expect(await notify(refundNotify(trade, '100.00', 'RF-C2', 'TRADE_CLOSED'))).toBe('success');
    expect(await orderStatus(suite.h, donationId)).toBe('refunded');
    expect(await refunded(donationId)).toBe(10_000);
    const transitions = await suite.h.ctx.ledger.db
      .selectFrom('order_transitions')
      .select(['from_status', 'to_status'])
      .where('order_id', '=', donationId)
      .orderBy('created_at')
      .execute();
    expect(transitions).toEqual([
      { from_status: 'pending', to_status: 'paid' },
      { from_status: 'paid', to_status: 'refunded' },
    ]);
  });

  it.skipIf(skip)('TRADE_CLOSED on a paid order is a full refund: out of stats, donor list and routing', async () => {
    const slug = 'lanzhou-kangfu';
    const before = await stats(slug);
    const { donationId, trade, displayName } = await paidGift(slug);
    expect((await donorList(slug)).map((d) => d.name)).toContain(displayName);
    const closed = paid(trade, { trade_status: 'TRADE_CLOSED', gmt_close: '2026-02-15 13:10:00' });
    for (let i = 0; i < 3; i++) expect(await notify(closed)).toBe('success');
    expect(await orderStatus(suite.h, donationId)).toBe('refunded');
    expect(await refunded(donationId)).toBe(10_000);
    expect(await stats(slug)).toMatchObject({ raisedFen: before.raisedFen, donationCount: before.donationCount });
    expect((await donorList(slug)).map((d) => d.name)).not.toContain(displayName);
    const status = (await (await fetch(`${suite.h.url}/api/donations/${donationId}`)).json()) as { status: string };
    expect(status.status).toBe('refunded');
    const { paidTotals } = await import('../../../donations/ledger/public-figures.ts');
    expect((await paidTotals(suite.h.ctx.ledger.db, [slug], { includeSandbox: true })).get(slug)).toBe(
      before.raisedFen,
    );
    expect(await lines(donationId)).toHaveLength(1);
  });

  it.skipIf(skip)('30 identical refund notifies at once → one refund line, the right amount', async () => {
    const { donationId, trade } = await paidGift();
    const body = refundNotify(trade, '12.34', 'RF-D1');
    const replies = await Promise.all(Array.from({ length: 30 }, () => notify(body)));
    expect(replies).toEqual(Array(30).fill('success'));
    expect(await refunded(donationId)).toBe(1_234);
    expect(await lines(donationId)).toHaveLength(1);
  });

  it.skipIf(skip)('two different refunds racing → both land, in one order, never above the paid amount', async () => {
    const { donationId, trade } = await paidGift();
    const replies = await Promise.all([
      notify(refundNotify(trade, '20.00', 'RF-E1')),
      notify(refundNotify(trade, '50.00', 'RF-E2')),
      notify(refundNotify(trade, '20.00', 'RF-E1')),
      notify(refundNotify(trade, '50.00', 'RF-E2')),
    ]);
    expect(replies).toEqual(['success', 'success', 'success', 'success']);
    expect(await refunded(donationId)).toBe(5_000);
    const steps = await lines(donationId);
    expect(steps.reduce((sum, l) => sum + Number(l.amount_fen), 0)).toBe(5_000);
    expect(steps.at(-1)?.to_fen).toBe(5_000);
  });

  it.skipIf(skip)('a refund_fee above the paid amount, or malformed, is refused and changes nothing', async () => {
    const { donationId, trade } = await paidGift();
    expect(await notify(refundNotify(trade, '100.01', 'RF-F1'))).toBe('failure');
    expect(await notify(refundNotify(trade, '-1', 'RF-F2'))).toBe('failure');
    expect(await notify(refundNotify(trade, '1e3', 'RF-F3'))).toBe('failure');
    expect(await refunded(donationId)).toBe(0);
    expect(await orderStatus(suite.h, donationId)).toBe('paid');
  });

  it.skipIf(skip)('a refund notify for an order whose payment notify was lost records both, in order', async () => {
    const { donationId, trade } = await pendingOrder(suite.h, { projectSlug: 'lanzhou-kangfu' });
    expect(await notify(refundNotify(trade, '5.00', 'RF-G1'))).toBe('success');
    expect(await orderStatus(suite.h, donationId)).toBe('paid');
    expect(await refunded(donationId)).toBe(500);
  });

  it.skipIf(skip)('a TRADE_CLOSED without payment still closes a pending order (no refund)', async () => {
    const { donationId, trade } = await pendingOrder(suite.h, { projectSlug: 'lanzhou-kangfu' });
    const closed = sandbox().buildNotify({ ...trade, status: 'TRADE_CLOSED' });
    expect(await notify(closed)).toBe('success');
    expect(await orderStatus(suite.h, donationId)).toBe('closed');
    expect(await refunded(donationId)).toBe(0);
  });

  it.skipIf(skip)(`[${name}] the ledger refuses a refunded amount above the paid amount`, async () => {
    const { donationId } = await paidGift();
    // The column takes any amount up to the paid one…
    await suite.h.ctx.ledger.db
      .updateTable('orders')
      .set({ refunded_fen: 10_000 })
      .where('id', '=', donationId)
      .execute();
    expect(await refunded(donationId)).toBe(10_000);
    // …and nothing outside it.
    await expect(
      suite.h.ctx.ledger.db.updateTable('orders').set({ refunded_fen: 10_001 }).where('id', '=', donationId).execute(),
    ).rejects.toThrow();
    await expect(
      suite.h.ctx.ledger.db.updateTable('orders').set({ refunded_fen: -1 }).where('id', '=', donationId).execute(),
    ).rejects.toThrow();
  });
});
