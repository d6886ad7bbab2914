import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../../donations/reconcile.ts';
import { BACKENDS, type Harness, postJson, startHarness } from '../../support/donations/harness.ts';
import { orderStatus, pendingOrder, refundedFen, refundLines } from '../../support/donations/orders.ts';

/**
 * A charity refunds one of its gifts: `POST /api/charities/{slug}/refunds` with that charity's
 * token, or `donations/scripts/refund.ts`; alipay.trade.refund with its own merchant key, played
 * by the sandbox's fake of Alipay's server, which also sends the refund notify as Alipay would.
 * Between this test and that fake sits a relay that can lose the gateway's answers or refuse
 * connections (a network that fails), so reconciliation's fastpay.refund.query path runs too.
 */
const run = promisify(execFile);

describe.each(BACKENDS)('charity refunds on $name', ({ name, skip }) => {
  let h: Harness;
  let relay: Server;
  let network: 'up' | 'answers-lost' | 'down' = 'up';
  let loseNotifies = false;

  beforeAll(async () => {
    if (skip) return;
    let target = '';
    relay = createServer((req, res) => {
      if (network === 'down') {
        req.socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const upstream = await fetch(`${target}${req.url}`, {
          method: req.method,
          headers: { 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded' },
          body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
        });
        const body = Buffer.from(await upstream.arrayBuffer());
        // Alipay did the work; its answer never reaches us.
        if (network === 'answers-lost') return res.socket?.destroy();
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
    h = await startHarness(name, {
      sandboxGatewayUrl: `${relayUrl}/api/payments/sandbox/gateway`,
      deliverNotify: async (url, body) => {
        if (loseNotifies && body.includes('refund_fee')) throw new Error('通知在网络中丢失');
        return (
          await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
            body,
          })
        ).text();
      },
    });
    target = h.url;
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((resolve) => relay?.close(resolve));
  });

  const sandbox = () => h.ctx.sandbox as NonNullable<Harness['ctx']['sandbox']>;
  const token = (slug: string) => h.ctx.exportTokens.tokenFor(slug);
  const refund = (slug: string, body: Record<string, unknown>, bearer: string | null = token(slug)) =>
    postJson(`${h.url}/api/charities/${slug}/refunds`, body, bearer ? { authorization: `Bearer ${bearer}` } : {});
  const refunded = (donationId: string) => refundedFen(h, donationId);
  const lines = (donationId: string) => refundLines(h, donationId);

  async function paidGift() {
    const order = await pendingOrder(h, { projectSlug: 'minxian-zhuxue', amountFen: 10_000 });
    expect((await sandbox().pay(order.appId, order.outTradeNo)).reply).toBe('success');
    expect(await orderStatus(h, order.donationId)).toBe('paid');
    return order;
  }

  it.skipIf(skip)('a partial then the rest: recorded once each, the notify finds them recorded', async () => {
    const { donationId, outTradeNo, appId } = await paidGift();
    const first = await refund('gansu-cishan', { outTradeNo, amountFen: 3_000, reason: '捐赠人误操作' });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({
      refund: { outTradeNo, amountFen: 3_000, status: 'succeeded', refundedFen: 3_000 },
    });
    await sandbox().idle();
    expect(await refunded(donationId)).toBe(3_000);
    const rest = await refund('gansu-cishan', { outTradeNo, amountFen: 7_000, reason: '项目终止' });
    expect(rest.status, rest.text).toBe(200);
    await sandbox().idle();
    expect(await orderStatus(h, donationId)).toBe('refunded');
    expect((await lines(donationId)).map((l) => [l.from_fen, l.to_fen, l.source])).toEqual([
      [0, 3_000, expect.stringMatching(/^(refund|notify)$/)],
      [3_000, 10_000, expect.stringMatching(/^(refund|notify)$/)],
    ]);
    // Alipay's side agrees: two refunds, the trade closed.
    expect(sandbox().findTrade(appId, outTradeNo)?.status).toBe('TRADE_CLOSED');
    const outcomes = await h.ctx.ledger.db
      .selectFrom('payment_events')
      .select(['outcome', 'source'])
      .where('order_id', '=', donationId)
      .where('outcome', 'in', ['REFUNDED', 'DUPLICATE'])
      .execute();
    expect(outcomes.filter((o) => o.outcome === 'REFUNDED')).toHaveLength(2);
    expect(outcomes.filter((o) => o.outcome === 'DUPLICATE')).toHaveLength(2);
    // The charity's receipt export says what went back (a receipt is for what was kept).
    const csv = await fetch(`${h.url}/api/charities/gansu-cishan/receipt-requests.csv`, {
      headers: { authorization: `Bearer ${token('gansu-cishan')}` },
    }).then((r) => r.text());
    expect(csv).toContain('已退款（元）');
    expect(csv).toContain(`${outTradeNo},minxian-zhuxue,100.00,100.00,`);
  });

  it.skipIf(skip)('the same requestNo again is the same refund: Alipay pays once, the ledger counts once', async () => {
    const { donationId, outTradeNo, appId } = await paidGift();
    const body = { outTradeNo, amountFen: 2_500, reason: '重复提交测试', requestNo: 'CHARITY-0001' };
    const answers = await Promise.all([refund('gansu-cishan', body), refund('gansu-cishan', body)]);
    await sandbox().idle();
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200]);
    const again = await refund('gansu-cishan', body);
    expect(again.json.refund).toMatchObject({ requestNo: 'CHARITY-0001', status: 'succeeded', refundedFen: 2_500 });
    expect(await refunded(donationId)).toBe(2_500);
    expect(await lines(donationId)).toHaveLength(1);
    expect(sandbox().findRefunds(appId, outTradeNo)).toHaveLength(1);
    const other = await refund('gansu-cishan', { ...body, amountFen: 100 });
    expect(other.status).toBe(409);
  });

  it.skipIf(skip)('refuses what it must: no token, another charity’s token or gift, too much, not paid', async () => {
    const { outTradeNo } = await paidGift();
    const body = { outTradeNo, amountFen: 1_000, reason: '测试' };
    expect((await refund('gansu-cishan', body, null)).status).toBe(401);
    expect((await refund('gansu-cishan', body, token('yunnan-cishan'))).status).toBe(401);
    const foreign = await refund('yunnan-cishan', body);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.code).toBe('DONATION_NOT_FOUND');
    const tooMuch = await refund('gansu-cishan', { ...body, amountFen: 10_001 });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.json.error).toMatchObject({ code: 'REFUND_AMOUNT_TOO_LARGE', field: 'amountFen' });
    expect(tooMuch.json.error.message).toContain('100.00 元');
    const pending = await pendingOrder(h);
    const notPaid = await refund('gansu-cishan', { ...body, outTradeNo: pending.outTradeNo });
    expect(notPaid.json.error.code).toBe('DONATION_NOT_REFUNDABLE');
    for (const bad of [{ ...body, amountFen: 1.5 }, { ...body, reason: '' }, { ...body, extra: 1 }, []]) {
      const r = await refund('gansu-cishan', bad as Record<string, unknown>);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('INVALID_BODY');
    }
  });

  it.skipIf(skip)(
    'answer and notify both lost → 202, and reconciliation finds the refund (fastpay.refund.query)',
    async () => {
      const { donationId, outTradeNo } = await paidGift();
      network = 'answers-lost';
      loseNotifies = true;
      const r = await refund('gansu-cishan', { outTradeNo, amountFen: 4_000, reason: '网络中断测试' });
      network = 'up';
      await sandbox().idle();
      loseNotifies = false;
      expect(r.status, r.text).toBe(202);
      expect(r.json.refund).toMatchObject({ status: 'requested', refundedFen: 0 });
      expect(await refunded(donationId)).toBe(0);
      const report = await reconcile(h.ctx);
      expect(report.refundRequests).toMatchObject({ checked: 1, succeeded: 1, waiting: 0 });
      expect(await refunded(donationId)).toBe(4_000);
      expect((await lines(donationId))[0]).toMatchObject({ source: 'query', to_fen: 4_000 });
      expect((await reconcile(h.ctx)).refundRequests.checked).toBe(0);
    },
  );

  it.skipIf(skip)('Alipay never got it → 202, and reconciliation asks again under the same number', async () => {
    const { donationId, outTradeNo } = await paidGift();
    network = 'down';
    const r = await refund('gansu-cishan', { outTradeNo, amountFen: 1_500, reason: '网络不可达测试' });
    network = 'up';
    expect(r.status, r.text).toBe(202);
    // A second request meanwhile counts the one in flight: 100.00 − 15.00 is what is left.
    const over = await refund('gansu-cishan', { outTradeNo, amountFen: 8_501, reason: '超额' });
    expect(over.json.error?.code).toBe('REFUND_AMOUNT_TOO_LARGE');
    const report = await reconcile(h.ctx);
    await sandbox().idle();
    expect(report.refundRequests).toMatchObject({ checked: 1, succeeded: 1 });
    expect(await refunded(donationId)).toBe(1_500);
    expect(await lines(donationId)).toHaveLength(1);
  });

  it.skipIf(skip)('donations/scripts/refund.ts refunds from its own process', async () => {
    const { donationId, outTradeNo } = await paidGift();
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'donations/scripts/refund.ts',
        'gansu-cishan',
        outTradeNo,
        '12.34',
        '--reason',
        '脚本退款测试',
      ],
      { env: { ...process.env, ...h.env }, timeout: 60_000 },
    );
    expect(stdout).toContain('退款成功');
    expect(stdout).toContain('12.34 元');
    expect(await refunded(donationId)).toBe(1_234);
  });
});
