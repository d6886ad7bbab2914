/**
 * Reconciliation job: `npx tsx donations/scripts/reconcile.ts [--older-than <minutes>] [--retry-review]`.
 * Queries alipay.trade.query for orders pending longer than the threshold (default
 * RECONCILE_AFTER_MINUTES), least recently checked first, RECONCILE_BATCH per run, and applies the
 * forward-only transitions; closes stale orders; settles refunds whose answer never came
 * (fastpay.refund.query); prunes old records of unverified notifies. Orders whose queries failed
 * RECONCILE_MAX_FAILURES times in a row are listed for review; `--retry-review` puts them back in
 * the queue (after the cause — e.g. a merchant missing from the registry — is fixed).
 * On the sandbox it serves the fake Alipay gateway itself on a loopback port while it runs, so it
 * works whether or not the site is up. Exit code 1 when some orders could not be checked.
 */
import { readDonationsConfig } from '../config.ts';
import { createDonationsContext, type DonationsContext } from '../context.ts';
import { type RunningServer, serveDonations } from '../http/node-server.ts';
import { ordersInReview, releaseReview } from '../ledger/reconcile-queue.ts';
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
  if (process.argv.includes('--retry-review')) {
    process.stdout.write(`已将 ${await releaseReview(ctx.ledger.db)} 笔待人工核对的订单放回对账队列。\n`);
  }
  const report = await reconcile(ctx, { olderThanMinutes: olderThan(process.argv.slice(2)) });
  const r = report.refundRequests;
  process.stdout.write(
    `对账完成${sandbox ? '（沙箱）' : ''}：检查 ${report.checked} 笔，补记已支付 ${report.paid} 笔，` +
      `关闭 ${report.closed} 笔，发现全额退款 ${report.refunded} 笔，仍待支付 ${report.stillPending} 笔，` +
      `转人工核对 ${report.movedToReview} 笔，失败 ${report.errors.length} 笔；` +
      `退款请求检查 ${r.checked} 笔（成功 ${r.succeeded}，失败 ${r.failed}，待定 ${r.waiting}）；` +
      `清理过期的未验签通知记录 ${report.prunedRejections} 条。\n`,
  );
  for (const e of report.errors) process.stdout.write(`  - ${e.outTradeNo}：${e.message}\n`);
  const review = await ordersInReview(ctx.ledger.db);
  if (review.length > 0) {
    process.stdout.write(`待人工核对的订单（${review.length} 笔，核对后可用 --retry-review 放回队列）：\n`);
    for (const o of review) process.stdout.write(`  - ${o.out_trade_no}（${o.review_at}）：${o.review_reason ?? ''}\n`);
  }
  if (report.errors.length > 0) code = 1;
} catch (error) {
  process.stderr.write(`对账失败：${(error as Error).message}\n`);
  code = 1;
} finally {
  await server?.close();
  await ctx?.close();
}
process.exit(code);
