/**
 * Reconciliation job: `npx tsx donations/scripts/reconcile.ts [--older-than <minutes>]`.
 * Queries alipay.trade.query for orders pending longer than the threshold (default
 * RECONCILE_AFTER_MINUTES) and applies the forward-only transitions; closes stale orders.
 * On the sandbox it serves the fake Alipay gateway itself on a loopback port while it runs, so it
 * works whether or not the site is up. Exit code 1 when some orders could not be checked.
 */
import { readDonationsConfig } from '../config.ts';
import { createDonationsContext, type DonationsContext } from '../context.ts';
import { type RunningServer, serveDonations } from '../http/node-server.ts';
import { reconcile } from '../reconcile.ts';

function olderThan(argv: string[]): number | undefined {
  const i = argv.indexOf('--older-than');
  if (i < 0) return undefined;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error('--older-than 应为分钟数（非负整数）');
  return n;
}

const config = readDonationsConfig();
let ctx: DonationsContext | null = null;
let server: RunningServer | null = null;
let code = 0;
try {
  const sandbox = config.merchantsFile === null;
  if (sandbox) {
    server = await serveDonations(() => {
      if (!ctx) throw new Error('尚未就绪');
      return ctx;
    });
  }
  ctx = await createDonationsContext(config, {
    sandboxGatewayUrl: server ? `${server.url}/api/payments/sandbox/gateway` : undefined,
  });
  const report = await reconcile(ctx, { olderThanMinutes: olderThan(process.argv.slice(2)) });
  process.stdout.write(
    `对账完成${sandbox ? '（沙箱）' : ''}：检查 ${report.checked} 笔，补记已支付 ${report.paid} 笔，` +
      `关闭 ${report.closed} 笔，仍待支付 ${report.stillPending} 笔，失败 ${report.errors.length} 笔。\n`,
  );
  for (const e of report.errors) process.stdout.write(`  - ${e.outTradeNo}：${e.message}\n`);
  if (report.errors.length > 0) code = 1;
} catch (error) {
  process.stderr.write(`对账失败：${(error as Error).message}\n`);
  code = 1;
} finally {
  await server?.close();
  await ctx?.close();
}
process.exit(code);
