import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { insertOrder, type NewOrder } from '../../../donations/ledger/orders.ts';
import { paidTotals } from '../../../donations/ledger/public-figures.ts';
import { transitionOrder } from '../../../donations/ledger/transitions.ts';
import { figureScope } from '../../../donations/public-queries.ts';
import { type Harness, postJson, startHarness } from '../../support/donations/harness.ts';
import { writeMerchantsFile } from '../../support/donations/merchants-file.ts';
import { newOrder, WAIVED_RECEIPT } from '../../support/donations/orders.ts';
import { defaultSnapshot } from '../../support/fixtures/donations.ts';

/**
 * Sandbox orders (no money moved) are marked in the ledger, never count in public figures once a
 * real merchant registry is configured, and the sandbox refuses to run when the live content is
 * real (not the demo dataset).
 */
const harnesses: Harness[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
async function harness(...args: Parameters<typeof startHarness>) {
  const h = await startHarness(...args);
  harnesses.push(h);
  return h;
}
const valid = { projectSlug: 'minxian-zhuxue', amountFen: 1_000, channel: 'page', anonymous: false, displayName: '甲' };
const productionKeys = {
  RECEIPT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  DONATIONS_HASH_KEY: randomBytes(32).toString('base64'),
};

function merchantsFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xianjie-merchants-'));
  dirs.push(dir);
  return writeMerchantsFile(dir, { 'gansu-cishan': { appId: '2021000000000001', sellerId: '2088000000000001' } });
}

describe('sandbox orders', () => {
  it('are marked in the ledger when the sandbox takes them', async () => {
    const h = await harness('sqlite');
    const created = await postJson(`${h.url}/api/donations`, valid);
    expect(created.status).toBe(201);
    const row = await h.ctx.ledger.db
      .selectFrom('orders')
      .select('sandbox')
      .where('id', '=', created.json.donationId)
      .executeTakeFirstOrThrow();
    expect(row.sandbox).toBe(1);
  });

  it('never count in stats, donor lists or routing once real merchants are configured', async () => {
    const h = await harness('sqlite', { env: { ALIPAY_MERCHANTS_FILE: merchantsFile(), ...productionKeys } });
    expect(h.ctx.merchants.kind).toBe('alipay');
    const paidOrder = async (o: Partial<NewOrder>) => {
      const order = newOrder({
        merchantAppId: '2021000000000001',
        amountFen: 1_000,
        anonymous: false,
        displayName: '乙',
        ...o,
      });
      await insertOrder(h.ctx.ledger.db, order, WAIVED_RECEIPT, null);
      await transitionOrder(h.ctx.ledger.db, {
        orderId: order.id,
        from: 'pending',
        to: 'paid',
        at: '2026-02-15T04:01:00.000Z',
        source: 'notify',
        tradeNo: `T${order.id}`,
      });
    };
    // A test gift from the days of the sandbox, then a real one.
    await paidOrder({ sandbox: true, merchantAppId: '9021000000000001', amountFen: 99_900 });
    await paidOrder({});
    const stats = await (await fetch(`${h.url}/api/projects/minxian-zhuxue/stats`)).json();
    expect(stats).toMatchObject({ raisedFen: 1_000, donationCount: 1 });
    const list = await (await fetch(`${h.url}/api/projects/minxian-zhuxue/donations`)).json();
    expect(list.donations.map((d: { amountFen: number }) => d.amountFen)).toEqual([1_000]);
    const totals = await paidTotals(h.ctx.ledger.db, ['minxian-zhuxue'], figureScope(h.ctx));
    expect(totals.get('minxian-zhuxue')).toBe(1_000);
  });

  it('a real merchant registry needs the receipt and hash keys from the environment', async () => {
    await expect(harness('sqlite', { env: { ALIPAY_MERCHANTS_FILE: merchantsFile() } })).rejects.toThrow(
      /RECEIPT_ENCRYPTION_KEY/,
    );
    await expect(
      harness('sqlite', {
        env: { ALIPAY_MERCHANTS_FILE: merchantsFile(), RECEIPT_ENCRYPTION_KEY: productionKeys.RECEIPT_ENCRYPTION_KEY },
      }),
    ).rejects.toThrow(/DONATIONS_HASH_KEY/);
  });

  it('the sandbox refuses to run when the live content is not demo content', async () => {
    const h = await harness('sqlite', { snapshot: { ...defaultSnapshot(), demo: false, source: 'strapi' } });
    const refused = await postJson(`${h.url}/api/donations`, valid);
    expect(refused.status).toBe(503);
    expect(refused.json.error.code).toBe('SANDBOX_REFUSED');
    expect(refused.json.error.message).toContain('收款商户');
    expect((await h.ctx.ledger.db.selectFrom('orders').selectAll().execute()).length).toBe(0);
    const gateway = await fetch(`${h.url}/api/payments/sandbox/gateway?method=alipay.trade.query`);
    expect(gateway.status).toBe(503);
    expect((await fetch(`${h.url}/api/payments/sandbox/checkout?app_id=1&out_trade_no=2`)).status).toBe(503);
  });
});
