/**
 * A charity's refund of one of its gifts, from the server (the same path as
 * `POST /api/charities/<slug>/refunds`, without the token — whoever runs this is the operator):
 *
 *   npx tsx donations/scripts/refund.ts <charity-slug> <out_trade_no> <amount-yuan> --reason <text> [--request-no <no>]
 *
 * alipay.trade.refund with the charity's own merchant; the ledger records the refund once (the
 * notify Alipay sends finds it recorded). Repeat with the same `--request-no` to retry the same
 * refund safely. On the sandbox it serves the fake Alipay gateway itself while it runs.
 * Exit code 0 refunded, 3 accepted but not yet confirmed (reconciliation settles it), 1 refused.
 */
import { readDonationsConfig } from '../config.ts';
import { createDonationsContext, type DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import { type RunningServer, serveDonations } from '../http/node-server.ts';
import { fenToYuan, yuanToFen } from '../money.ts';
import { refundGift } from '../refund.ts';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i < 0 ? undefined : argv[i + 1];
}

const argv = process.argv.slice(2);
const [slug = '', outTradeNo = '', amount = ''] = argv;
const amountFen = yuanToFen(amount);
const reason = option(argv, '--reason');
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || !outTradeNo || amountFen === null || !reason) {
  process.stderr.write(
    '用法：npx tsx donations/scripts/refund.ts <慈善组织标识> <订单号> <退款金额（元）> --reason <原因> [--request-no <退款请求号>]\n',
  );
  process.exit(2);
}

const config = readDonationsConfig();
let ctx: DonationsContext | null = null;
let server: RunningServer | null = null;
let code = 0;
try {
  if (config.merchantsFile === null) {
    server = await serveDonations(() => {
      if (!ctx) throw new Error('尚未就绪');
      return ctx;
    });
  }
  ctx = await createDonationsContext(config, {
    sandboxGatewayUrl: server ? `${server.url}/api/payments/sandbox/gateway` : undefined,
  });
  const requestNo = option(argv, '--request-no');
  const refund = await refundGift(ctx, slug, { outTradeNo, amountFen, reason, ...(requestNo ? { requestNo } : {}) });
  await ctx.sandbox?.idle();
  const state = refund.status === 'succeeded' ? '退款成功' : '退款已提交，结果待支付宝确认（对账任务会查询）';
  process.stdout.write(
    `${state}：订单 ${refund.outTradeNo}，本次 ${fenToYuan(refund.amountFen)} 元，退款请求号 ${refund.requestNo}，` +
      `累计已退 ${fenToYuan(refund.refundedFen)} 元。\n`,
  );
  if (refund.status !== 'succeeded') code = 3;
} catch (error) {
  const message = error instanceof DonationError ? `${error.code}：${error.message}` : (error as Error).message;
  process.stderr.write(`退款失败：${message}\n`);
  code = 1;
} finally {
  await server?.close();
  await ctx?.close();
}
process.exit(code);
