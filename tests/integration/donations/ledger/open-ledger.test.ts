import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateLedger } from '../../../../donations/ledger/open-ledger.ts';
import { insertOrder } from '../../../../donations/ledger/orders.ts';
import { paidTotals, projectStats } from '../../../../donations/ledger/public-figures.ts';
import { transitionOrder } from '../../../../donations/ledger/transitions.ts';
import { BACKENDS, counts, type Harness, startHarness } from '../../../support/donations/harness.ts';
import { newOrder, WAIVED_RECEIPT } from '../../../support/donations/orders.ts';

/** The ledger itself: same migrations on both databases, all-or-nothing writes, forward-only states. */
describe.each(BACKENDS)('the ledger on $name', ({ name, skip }) => {
  let h: Harness;
  beforeAll(async () => {
    if (!skip) h = await startHarness(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  const order = newOrder;
  const waived = WAIVED_RECEIPT;

  it.skipIf(skip)('migrating again is a no-op', async () => {
    await migrateLedger(h.ctx.ledger);
    await migrateLedger(h.ctx.ledger);
    expect((await counts(h.ctx)).orders).toBeGreaterThanOrEqual(0);
  });

  it.skipIf(skip)('a failure half-way through writing an order leaves no order behind', async () => {
    const before = await counts(h.ctx);
    const bad = {
      requestJson: '{}',
      candidateCount: 1,
      chosenProject: null as unknown as string,
      rankingJson: '[]',
      reason: 'x',
    };
    await expect(insertOrder(h.ctx.ledger.db, order(), waived, bad)).rejects.toThrow();
    // A receipt that breaks its own check constraint (waived but with a name) also rolls the order back.
    await expect(insertOrder(h.ctx.ledger.db, order(), { ...waived, nameEnc: 'v1.x.y.z' }, null)).rejects.toThrow();
    expect(await counts(h.ctx)).toEqual(before);
  });

  it.skipIf(skip)('the database refuses what the program must never write', async () => {
    await expect(insertOrder(h.ctx.ledger.db, order({ amountFen: 0 }), waived, null)).rejects.toThrow();
    await expect(insertOrder(h.ctx.ledger.db, order({ amountFen: -5 }), waived, null)).rejects.toThrow();
    const o = order();
    await insertOrder(h.ctx.ledger.db, o, waived, null);
    await expect(insertOrder(h.ctx.ledger.db, order({ outTradeNo: o.outTradeNo }), waived, null)).rejects.toThrow();
    await expect(
      h.ctx.ledger.db.updateTable('orders').set({ status: 'paid' }).where('id', '=', o.id).execute(),
    ).rejects.toThrow(); // paid without a trade_no
  });

  it.skipIf(skip)('a transition whose ledger line cannot be written does not happen', async () => {
    const o = order();
    await insertOrder(h.ctx.ledger.db, o, waived, null);
    const before = await counts(h.ctx);
    await expect(
      transitionOrder(h.ctx.ledger.db, {
        orderId: o.id,
        from: 'pending',
        to: 'paid',
        at: '2026-02-15T04:05:00.000Z',
        source: 'notify',
        tradeNo: 'T1',
        event: {
          input: { source: 'notify', raw: null as unknown as string, verified: true },
          outcome: { outcome: 'PAID', detail: 'x' },
        },
      }),
    ).rejects.toThrow();
    expect(await counts(h.ctx)).toEqual(before);
    const row = await h.ctx.ledger.db.selectFrom('orders').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', trade_no: null, paid_at: null });
  });

  it.skipIf(skip)('states only move forward', async () => {
    const o = order({ amountFen: 4_999_999 });
    await insertOrder(h.ctx.ledger.db, o, waived, null);
    const at = '2026-02-15T04:05:00.000Z';
    await expect(
      transitionOrder(h.ctx.ledger.db, { orderId: o.id, from: 'paid', to: 'pending', at, source: 'system' }),
    ).rejects.toThrow(/只能前进/);
    expect(
      await transitionOrder(h.ctx.ledger.db, {
        orderId: o.id,
        from: 'pending',
        to: 'paid',
        at,
        source: 'notify',
        tradeNo: `T-${o.id}`,
      }),
    ).toBe(true);
    expect(
      await transitionOrder(h.ctx.ledger.db, { orderId: o.id, from: 'pending', to: 'closed', at, source: 'system' }),
    ).toBe(false);
    expect(
      await transitionOrder(h.ctx.ledger.db, { orderId: o.id, from: 'paid', to: 'refunded', at, source: 'system' }),
    ).toBe(true);
    expect(
      await transitionOrder(h.ctx.ledger.db, { orderId: o.id, from: 'paid', to: 'refunded', at, source: 'system' }),
    ).toBe(false);
  });

  it.skipIf(skip)('money comes back as exact safe integers (bigint in PostgreSQL)', async () => {
    const slug = `big-${name}`;
    const at = '2026-02-15T04:05:00.000Z';
    for (let i = 0; i < 3; i++) {
      const o = order({ projectSlug: slug, amountFen: 3_333_333_333 });
      await insertOrder(h.ctx.ledger.db, o, waived, null);
      await transitionOrder(h.ctx.ledger.db, {
        orderId: o.id,
        from: 'pending',
        to: 'paid',
        at,
        source: 'notify',
        tradeNo: `T-${o.id}`,
      });
    }
    const all = { includeSandbox: true };
    const stats = await projectStats(h.ctx.ledger.db, slug, all);
    expect(stats).toEqual({ raisedFen: 9_999_999_999, donationCount: 3, updatedAt: at });
    expect(typeof stats.raisedFen).toBe('number');
    expect((await paidTotals(h.ctx.ledger.db, [slug, 'nothing-here'], all)).get(slug)).toBe(9_999_999_999);
    expect((await paidTotals(h.ctx.ledger.db, [slug, 'nothing-here'], all)).get('nothing-here')).toBe(0);
  });
});
