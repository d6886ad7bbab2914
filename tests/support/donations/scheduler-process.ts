import { createInterface } from 'node:readline';
import { readDonationsConfig } from '../../../donations/config.ts';
import { createDonationsContext } from '../../../donations/context.ts';
import { runSchedulerTick } from '../../../donations/monthly/scheduler.ts';
import { staticSnapshotSource } from '../../../donations/snapshot-source.ts';
import { monthlySnapshot } from './monthly.ts';

/**
 * A second portal process for the monthly scheduler tests (run with tsx): its own connection to the
 * harness's ledger (from the environment the harness gives, `Harness.env`), its own sandbox
 * objects calling the harness's gateway over HTTP. Each line on stdin is an ISO time: it ticks at
 * that clock and writes the tick's report as one JSON line.
 */
let clock = new Date();
const ctx = await createDonationsContext(readDonationsConfig(), {
  snapshots: staticSnapshotSource(monthlySnapshot()),
  now: () => clock,
  log: () => {},
  sandboxGatewayUrl: process.env.SANDBOX_GATEWAY_URL,
});
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  clock = new Date(line.trim());
  const report = await runSchedulerTick(ctx).catch((error: Error) => ({ errors: [error.message] }));
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
await ctx.sandbox?.idle();
await ctx.close();
