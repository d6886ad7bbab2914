import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrder } from '../../../donations/ledger/orders.ts';
import { reconcile } from '../../../donations/reconcile.ts';
import { BACKENDS, counts, type Harness, startHarness } from '../../support/donations/harness.ts';
import { newOrder, orderStatus, pendingOrder, WAIVED_RECEIPT } from '../../support/donations/orders.ts';

/**
 * Reconciliation with alipay.trade.query / alipay.trade.close, answered by the sandbox's fake of
 * Alipay's server over HTTP (signed answers, checked by alipay-sdk's validateSign).
 */
const run = promisify(execFile);

describe.each(BACKENDS)('reconciliation on $name', ({ name, skip }) => {
  let h: Harness;
  let lose = false;
  beforeAll(async () => {
    if (skip) return;
    h = await startHarness(name, {
      deliverNotify: async (url, body) => {
        if (lose) throw new Error('通知在网络中丢失');
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          body,
        });
        return response.text();
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const sandbox = () => h.ctx.sandbox as NonNullable<Harness['ctx']['sandbox']>;

  it.skipIf(skip)('a lost notify is repaired by trade.query (fake of Alipay’s server)', async () => {
    const { donationId, appId, outTradeNo } = await pendingOrder(h);
    lose = true;
    const { reply } = await sandbox().pay(appId, outTradeNo);
    lose = false;
    expect(reply).toContain('投递失败');
    expect(sandbox().findTrade(appId, outTradeNo)?.status).toBe('TRADE_SUCCESS');
    expect(await orderStatus(h, donationId)).toBe('pending');

    // Too young to be queried.
    expect((await reconcile(h.ctx, { olderThanMinutes: 15 })).checked).toBe(0);
    h.clock.advanceMinutes(16);
    const report = await reconcile(h.ctx, { olderThanMinutes: 15 });
    expect(report).toMatchObject({ checked: 1, paid: 1, closed: 0, stillPending: 0, errors: [] });
    expect(await orderStatus(h, donationId)).toBe('paid');
    const line = await h.ctx.ledger.db
      .selectFrom('order_transitions')
      .selectAll()
      .where('order_id', '=', donationId)
      .executeTakeFirstOrThrow();
    expect(line).toMatchObject({ to_status: 'paid', source: 'query' });
    const event = await h.ctx.ledger.db
      .selectFrom('payment_events')
      .selectAll()
      .where('id', '=', line.event_id as string)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ source: 'query', outcome: 'PAID', verified: 1, trade_status: 'TRADE_SUCCESS' });

    // The late notify, when Alipay retries it, is a replay.
    const before = await counts(h.ctx);
    expect((await sandbox().pay(appId, outTradeNo)).reply).toBe('success');
    expect((await counts(h.ctx)).order_transitions).toBe(before.order_transitions);
    // And a second reconciliation has nothing left to do.
    expect((await reconcile(h.ctx, { olderThanMinutes: 15 })).checked).toBe(0);
  });

  it.skipIf(skip)('an abandoned checkout is closed at Alipay (trade.close) and then in the ledger', async () => {
    const { donationId, appId, outTradeNo } = await pendingOrder(h);
    h.clock.advanceMinutes(20);
    expect(await reconcile(h.ctx, { olderThanMinutes: 15 })).toMatchObject({ checked: 1, stillPending: 1 });
    expect(await orderStatus(h, donationId)).toBe('pending');
    h.clock.advanceMinutes(25); // past time_expire (30 min) + grace (10 min)
    expect(await reconcile(h.ctx, { olderThanMinutes: 15 })).toMatchObject({ checked: 1, closed: 1 });
    expect(await orderStatus(h, donationId)).toBe('closed');
    expect(sandbox().findTrade(appId, outTradeNo)?.status).toBe('TRADE_CLOSED');
  });

  it.skipIf(skip)('an order whose cashier was never opened (TRADE_NOT_EXIST) is closed once stale', async () => {
    const created = await fetch(`${h.url}/api/donations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ projectSlug: 'minxian-zhuxue', amountFen: 2_000, channel: 'wap', anonymous: true }),
    }).then((r) => r.json());
    h.clock.advanceMinutes(20);
    expect(await reconcile(h.ctx, { olderThanMinutes: 15 })).toMatchObject({ checked: 1, stillPending: 1 });
    h.clock.advanceMinutes(25);
    expect(await reconcile(h.ctx, { olderThanMinutes: 15 })).toMatchObject({ checked: 1, closed: 1 });
    expect(await orderStatus(h, created.donationId)).toBe('closed');
  });

  it.skipIf(skip)('the script donations/scripts/reconcile.ts repairs a lost notify from its own process', async () => {
    const { donationId, appId, outTradeNo } = await pendingOrder(h);
    lose = true;
    await sandbox().pay(appId, outTradeNo);
    lose = false;
    // The script's clock is the real one, months after the test clock: the order is old enough.
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'donations/scripts/reconcile.ts', '--older-than', '1'],
      {
        env: { ...process.env, ...h.env },
        timeout: 60_000,
      },
    );
    expect(stdout).toContain('对账完成（沙箱）');
    expect(stdout).toMatch(/补记已支付 1 笔/);
    expect(await orderStatus(h, donationId)).toBe('paid');
  });
});

describe.each(BACKENDS)('reconciliation does not starve on $name', ({ name, skip }) => {
  let h: Harness;
  beforeAll(async () => {
    if (skip) return;
    h = await startHarness(name, {
      env: { RECONCILE_MAX_FAILURES: '3' },
      deliverNotify: async () => {
        throw new Error('通知在网络中丢失');
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A pending order whose merchant is gone from the registry: every query of it fails. */
  async function brokenOrder(minutesAgo: number): Promise<string> {
    const created = new Date(h.clock.current.getTime() - minutesAgo * 60_000);
    const order = newOrder({
      merchantAppId: '2021999999999999',
      amountFen: 1_000,
      sandbox: true,
      payExpiresAt: new Date(created.getTime() + 30 * 60_000).toISOString(),
      createdAt: created.toISOString(),
    });
    await insertOrder(h.ctx.ledger.db, order, WAIVED_RECEIPT, null);
    return order.id;
  }

  it.skipIf(skip)('least recently checked first; three failures in a row → review, out of the queue', async () => {
    const broken = [await brokenOrder(300), await brokenOrder(290), await brokenOrder(280)];
    const { donationId, appId, outTradeNo } = await pendingOrder(h);
    await (h.ctx.sandbox as NonNullable<Harness['ctx']['sandbox']>).pay(appId, outTradeNo); // its notify is lost
    h.clock.advanceMinutes(16);

    // Two orders per run: the oldest two first, then the third broken one and the paid one.
    const first = await reconcile(h.ctx, { olderThanMinutes: 15, limit: 2 });
    expect(first).toMatchObject({ checked: 2, paid: 0 });
    const second = await reconcile(h.ctx, { olderThanMinutes: 15, limit: 2 });
    expect(second).toMatchObject({ checked: 2, paid: 1 });
    expect(await orderStatus(h, donationId)).toBe('paid');

    let movedToReview = 0;
    for (let run = 0; run < 6; run++)
      movedToReview += (await reconcile(h.ctx, { olderThanMinutes: 15, limit: 2 })).movedToReview;
    expect(movedToReview).toBe(3);
    const rows = await h.ctx.ledger.db
      .selectFrom('orders')
      .select(['id', 'status', 'check_failures', 'review_at', 'review_reason'])
      .where('id', 'in', broken)
      .execute();
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'pending', check_failures: 3 });
      expect(row.review_at).not.toBeNull();
      expect(row.review_reason).toContain('已不在配置中');
    }
    // Out of the queue: nothing left to check.
    expect((await reconcile(h.ctx, { olderThanMinutes: 15, limit: 2 })).checked).toBe(0);
  });
});
