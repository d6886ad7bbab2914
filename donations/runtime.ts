import { readDonationsConfig } from './config.ts';
import { createDonationsContext, type DonationsContext } from './context.ts';
import { startMonthlyScheduler } from './monthly/run-scheduler.ts';

/**
 * The process-wide donations context for the API routes: created on first use from the
 * environment; if that fails (database down), the next request tries again.
 */
let current: Promise<DonationsContext> | null = null;
/** The monthly scheduler of this process (monthly/run-scheduler.ts), started with the context. */
let scheduler: { stop(): void } | null = null;

export function donations(): Promise<DonationsContext> {
  current ??= createDonationsContext(readDonationsConfig())
    .then((ctx) => {
      scheduler = startMonthlyScheduler(ctx);
      return ctx;
    })
    .catch((error: unknown) => {
      current = null;
      throw error;
    });
  return current;
}

/** Closes the context (tests, graceful shutdown). */
export async function closeDonations(): Promise<void> {
  const ctx = current;
  current = null;
  scheduler?.stop();
  scheduler = null;
  if (ctx) await (await ctx).close();
}
