import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../../donations/reconcile.ts';
import { BACKENDS, counts, type Harness, startHarness } from './harness.ts';
import { orderStatus, pendingOrder } from './orders.ts';

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
