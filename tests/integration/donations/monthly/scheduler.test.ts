import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDonationsContext, type DonationsContext } from '../../../../donations/context.ts';
import { addMonths, dueDate } from '../../../../donations/monthly/periods.ts';
import { monthlyDb } from '../../../../donations/monthly/plans.ts';
import { runSchedulerTick } from '../../../../donations/monthly/scheduler.ts';
import { staticSnapshotSource } from '../../../../donations/snapshot-source.ts';
import { BACKENDS, type Harness, startHarness } from '../../../support/donations/harness.ts';
import { chinaNoon, desk, monthlySnapshot, planRow, signedPlan } from '../../../support/donations/monthly.ts';

/**
 * The monthly scheduler over a real ledger (SQLite file, PostgreSQL schema) and the sandbox's fake
 * of Alipay's server over HTTP: two schedulers on one database for twelve months, a crash between
 * claim and charge, a crash after Alipay deducted, refusals that pause a plan, a project that ends.
 */
async function ordersOf(h: Harness, planId: string) {
  const rows = await monthlyDb(h.ctx.ledger)
    .selectFrom('plan_charges')
    .select(['period', 'order_id', 'state'])
    .where('plan_id', '=', planId)
    .orderBy('period')
    .execute();
  const statuses = await Promise.all(
    rows.map(
      async (r) =>
        (await h.ctx.ledger.db.selectFrom('orders').select('status').where('id', '=', r.order_id).executeTakeFirst())
          ?.status,
    ),
  );
  return rows.map((r, i) => ({ ...r, status: statuses[i] }));
}

/** A second portal process running the scheduler (tests/support/donations/scheduler-process.ts). */
async function schedulerProcess(h: Harness) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/donations/scheduler-process.ts'], {
    env: { ...process.env, ...h.env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value ?? '');
  expect(await next()).toBe('ready');
  return {
    async tick(at: Date): Promise<{ errors: string[] }> {
      child.stdin.write(`${at.toISOString()}\n`);
      return JSON.parse(await next()) as { errors: string[] };
    },
    async close() {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

describe.each(BACKENDS)('monthly scheduler on $name', ({ name, skip }) => {
  let h: Harness;
  let second: DonationsContext;
  let lose = false;
  beforeAll(async () => {
    if (skip) return;
    h = await startHarness(name, {
      snapshot: monthlySnapshot(),
      deliverNotify: async (url, body) => {
        if (lose) throw new Error('通知在网络中丢失');
        const r = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          body,
        });
        return r.text();
      },
    });
    // A second portal process: its own context (pool, sandbox objects) over the same database.
    second = await createDonationsContext(h.config, {
      snapshots: staticSnapshotSource(monthlySnapshot()),
      now: h.clock.now,
      log: () => {},
    });
  }, 60_000);
  afterAll(async () => {
    await h?.ctx.sandbox?.idle();
    await second?.close();
    await h?.close();
  });

  it.skipIf(skip)(
    'two scheduler processes over one database for 12 months: exactly 12 paid orders per plan',
    async () => {
      h.clock.current = chinaNoon('2026-02-15');
      const plans = [
        await signedPlan(h, {}, { dayOfMonth: 16 }),
        await signedPlan(h, { amountFen: 1_000 }, { dayOfMonth: 1 }),
        await signedPlan(h, { amountFen: 5_000 }, { dayOfMonth: 28 }),
      ];
      const other = await schedulerProcess(h);
      try {
        // Every day for a year, both processes tick at once (twice on some days).
        for (
          let day = Date.parse('2026-02-15T04:00:00Z');
          day < Date.parse('2027-02-14T04:00:00Z');
          day += 86_400_000
        ) {
          h.clock.current = new Date(day);
          const [a, b] = await Promise.all([runSchedulerTick(h.ctx), other.tick(new Date(day))]);
          expect([...a.errors, ...b.errors]).toEqual([]);
          if (new Date(day).getUTCDate() % 7 === 0)
            expect((await other.tick(new Date(day + 3_600_000))).errors).toEqual([]);
        }
      } finally {
        await other.close();
      }
      await h.ctx.sandbox?.idle();
      for (const [i, plan] of plans.entries()) {
        const rows = await ordersOf(h, plan.planId);
        // Day 1: signed on 15 February, its first month is March.
        expect(rows.map((r) => r.period)).toEqual(
          Array.from({ length: 12 }, (_, m) => addMonths('2026-02', m + (i === 1 ? 1 : 0))),
        );
        expect(rows.every((r) => r.state === 'paid' && r.status === 'paid')).toBe(true);
        // Alipay's side agrees: one successful trade per month, no more.
        for (const r of rows) {
          const order = await h.ctx.ledger.db
            .selectFrom('orders')
            .selectAll()
            .where('id', '=', r.order_id)
            .executeTakeFirstOrThrow();
          expect(h.ctx.sandbox?.findTrade(plan.appId, order.out_trade_no)?.status).toBe('TRADE_SUCCESS');
        }
      }
      const all = await h.ctx.ledger.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(all.n)).toBe(36);
    },
    120_000,
  );

  it.skipIf(skip)('a crash after the claim, before the order and the charge: charged once after restart', async () => {
    h.clock.current = chinaNoon('2027-03-01');
    const plan = await signedPlan(h, {}, { dayOfMonth: 10 });
    h.clock.current = chinaNoon('2027-03-09');
    const crashed = await runSchedulerTick(h.ctx, {
      faults: {
        afterClaim: (id) => {
          if (id === plan.planId) throw new Error('进程在认领之后崩溃');
        },
      },
    });
    expect(crashed.errors).toEqual(['进程在认领之后崩溃']);
    expect(await ordersOf(h, plan.planId)).toEqual([
      expect.objectContaining({ period: '2027-03', state: 'open', status: undefined }),
    ]);
    // Another process ticks at once: the month is held by the lease, nothing is charged twice.
    expect((await runSchedulerTick(second)).outcomes.paid).toBe(0);
    h.clock.advanceMinutes(6);
    const restarted = await runSchedulerTick(second);
    expect(restarted).toMatchObject({ resumed: 1, errors: [] });
    expect(restarted.outcomes.paid).toBe(1);
    expect(await ordersOf(h, plan.planId)).toEqual([
      expect.objectContaining({ period: '2027-03', state: 'paid', status: 'paid' }),
    ]);
    h.clock.current = chinaNoon('2027-03-10');
    await runSchedulerTick(h.ctx);
    expect(await ordersOf(h, plan.planId)).toHaveLength(1);
  });

  it.skipIf(skip)(
    'a crash after Alipay deducted, its notify lost: trade.query settles it, no second deduction',
    async () => {
      h.clock.current = chinaNoon('2027-04-01');
      const plan = await signedPlan(h, {}, { dayOfMonth: 12 });
      h.clock.current = chinaNoon('2027-04-11');
      lose = true;
      const crashed = await runSchedulerTick(h.ctx, {
        faults: {
          afterDeduct: (id) => {
            if (id === plan.planId) throw new Error('进程在扣款之后崩溃');
          },
        },
      });
      await h.ctx.sandbox?.idle();
      lose = false;
      expect(crashed.errors).toEqual(['进程在扣款之后崩溃']);
      const [open] = await ordersOf(h, plan.planId);
      expect(open).toMatchObject({ state: 'open', status: 'pending' });
      h.clock.advanceMinutes(6);
      const restarted = await runSchedulerTick(second);
      expect(restarted.outcomes.paid).toBe(1);
      const [paid] = await ordersOf(h, plan.planId);
      expect(paid).toMatchObject({ state: 'paid', status: 'paid' });
      const events = await h.ctx.ledger.db
        .selectFrom('order_transitions')
        .select('source')
        .where('order_id', '=', paid?.order_id as string)
        .execute();
      expect(events).toEqual([{ source: 'query' }]);
    },
  );

  it.skipIf(skip)('refused deductions are retried over days, then the plan pauses with the reason', async () => {
    h.clock.current = chinaNoon('2027-05-01');
    const plan = await signedPlan(h, {}, { dayOfMonth: 20 });
    desk(h).failNext(plan.appId, plan.agreementNo, 5);
    for (const date of ['2027-05-18', '2027-05-19', '2027-05-20', '2027-05-21', '2027-05-22']) {
      h.clock.current = chinaNoon(date);
      await runSchedulerTick(h.ctx);
    }
    const [month] = await ordersOf(h, plan.planId);
    expect(month).toMatchObject({ state: 'failed', status: 'closed' });
    const row = await planRow(h, plan.planId);
    expect(row.status).toBe('paused');
    expect(row.status_reason).toContain('支付宝账户余额不足');
    h.clock.current = chinaNoon('2027-06-19');
    await runSchedulerTick(h.ctx);
    expect(await ordersOf(h, plan.planId)).toHaveLength(1);
  });

  it.skipIf(skip)(
    'a project that ends: "continue" moves to the same charity’s project, "stop" ends and unsigns',
    async () => {
      h.clock.current = chinaNoon('2026-02-01');
      const moving = await signedPlan(
        h,
        { projectSlug: 'yuejuan-duanqi' },
        { dayOfMonth: 5, onProjectEnd: 'continue' },
      );
      const stopping = await signedPlan(h, { projectSlug: 'yuejuan-duanqi' }, { dayOfMonth: 5, onProjectEnd: 'stop' });
      h.clock.current = chinaNoon('2026-02-04');
      await runSchedulerTick(h.ctx);
      h.clock.current = chinaNoon('2026-03-04');
      await runSchedulerTick(h.ctx);
      const moved = await ordersOf(h, moving.planId);
      expect(moved.map((r) => r.status)).toEqual(['paid', 'paid']);
      const movedPlan = await planRow(h, moving.planId);
      expect(movedPlan.project_slug).not.toBe('yuejuan-duanqi');
      expect(['yuejuan-zhuxue', 'yuejuan-jiexu']).toContain(movedPlan.project_slug);
      const april = await h.ctx.ledger.db
        .selectFrom('orders')
        .select('project_slug')
        .where('id', '=', moved[1]?.order_id as string)
        .executeTakeFirstOrThrow();
      expect(april.project_slug).toBe(movedPlan.project_slug);
      const stopped = await planRow(h, stopping.planId);
      expect(stopped).toMatchObject({ status: 'ended', unsign_state: 'confirmed' });
      expect((await ordersOf(h, stopping.planId)).map((r) => r.status)).toEqual(['paid']);
      expect(desk(h).agreement(stopping.appId, stopping.externalNo)?.status).toBe('STOP');
    },
  );

  it.skipIf(skip)('the first month falls on the agreed day of the signing month or the next', () => {
    expect(dueDate('2026-02', 16)).toBe('2026-02-16');
  });
});
