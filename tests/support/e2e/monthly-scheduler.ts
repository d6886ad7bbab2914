import { readDonationsConfig } from '../../../donations/config.ts';
import { createDonationsContext, type DonationsContext } from '../../../donations/context.ts';
import { runSchedulerTick, type TickReport } from '../../../donations/monthly/scheduler.ts';

/**
 * The e2e portal's monthly scheduler at a test's clock. The portal runs without its own croner
 * job (`MONTHLY_SCHEDULE=off`, donate-portal.ts); this is a second "portal process" in the test's
 * worker — the production context and `runSchedulerTick`, over the same SQLite ledger and sandbox
 * files, from the portal's own settings — whose clock is injected (`ctx.now`), so a test moves it
 * month by month without sleeping and without any HTTP route for time. Its deductions and the
 * fake Alipay's notifies go over HTTP to the portal, as between two production processes; its
 * sandbox desk plays what a donor does inside Alipay (unsigning there).
 */
export interface E2eScheduler {
  /** One scheduler tick with the clock at `at`. */
  tick(at: Date): Promise<TickReport>;
  /** Production context over the portal's ledger and sandbox (its clock: the last tick's). */
  readonly ctx: DonationsContext;
  close(): Promise<void>;
}

export async function e2eScheduler(portalEnv: Record<string, string>): Promise<E2eScheduler> {
  let clock = new Date();
  const ctx = await createDonationsContext(readDonationsConfig({ ...process.env, ...portalEnv }), {
    now: () => clock,
    log: () => {},
  });
  return {
    ctx,
    async tick(at) {
      clock = at;
      const report = await runSchedulerTick(ctx);
      // The fake Alipay's trade notifies from this context are in flight: let them land.
      await ctx.sandbox?.idle();
      return report;
    },
    async close() {
      await ctx.sandbox?.idle();
      await ctx.close();
    },
  };
}
