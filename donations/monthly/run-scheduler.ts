import { Cron } from 'croner';
import type { DonationsContext } from '../context.ts';
import { runSchedulerTick, type SchedulerOptions } from './scheduler.ts';

/**
 * When the scheduler ticks in a portal process: croner (every 10 minutes by default,
 * `MONTHLY_SCHEDULE`; `off` runs none), with `protect` so a slow tick is never overlapped by the
 * next in the same process. The clock a tick reads is the context's (`ctx.now`), never croner's:
 * tests drive ticks with their own clock. Several processes may tick at once — the claims in the
 * database decide who charges (`scheduler.ts`).
 */
export function startMonthlyScheduler(
  ctx: DonationsContext,
  pattern = process.env.MONTHLY_SCHEDULE ?? '*/10 * * * *',
  options: SchedulerOptions = {},
): { stop(): void } {
  if (pattern === 'off') return { stop() {} };
  const job = new Cron(pattern, { protect: true, timezone: 'Asia/Shanghai' }, async () => {
    try {
      const report = await runSchedulerTick(ctx, options);
      for (const error of report.errors) ctx.log(`月捐扣款：${error}`);
    } catch (error) {
      ctx.log(`月捐扣款任务失败（下次再试）：${(error as Error).message}`);
    }
  });
  return { stop: () => job.stop() };
}
