import { readDonationsConfig } from './config.ts';
import { createDonationsContext, type DonationsContext } from './context.ts';

/**
 * The process-wide donations context for the API routes: created on first use from the
 * environment; if that fails (database down), the next request tries again.
 */
let current: Promise<DonationsContext> | null = null;

export function donations(): Promise<DonationsContext> {
  current ??= createDonationsContext(readDonationsConfig()).catch((error: unknown) => {
    current = null;
    throw error;
  });
  return current;
}

/** Closes the context (tests, graceful shutdown). */
export async function closeDonations(): Promise<void> {
  const ctx = current;
  current = null;
  if (ctx) await (await ctx).close();
}
