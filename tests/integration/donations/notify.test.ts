import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formEncode, type Params, signNotify } from '../../../donations/sandbox/alipay-signing.ts';
import { BACKENDS, counts } from '../../support/donations/harness.ts';
import { notifySuite } from '../../support/donations/notify-suite.ts';
import { orderStatus, pendingOrder } from '../../support/donations/orders.ts';

/**
 * The notify route over HTTP, with notifies signed by real RSA keys (the sandbox's "Alipay" key,
 * or an impostor's) and verified by alipay-sdk's checkNotifySignV2 — on SQLite and PostgreSQL.
 * Refusals before the signature verified leave only a short record (`notify_rejections`);
 * refusals of verified notifies are events.
 */
const UNVERIFIED = new Set(['MALFORMED', 'BAD_SIGN_TYPE', 'UNKNOWN_APP_ID', 'BAD_SIGNATURE']);
describe.each(BACKENDS)('Alipay notify on $name', ({ name, skip }) => {
  const suite = notifySuite({ name, skip });
  const { notify, paid: signed } = suite;
  const lastEvent = async () =>
    suite.h.ctx.ledger.db
      .selectFrom('payment_events')
      .selectAll()
      .orderBy('received_at', 'desc')
      .orderBy('id')
      .executeTakeFirstOrThrow();

  const lastRejection = async () =>
    suite.h.ctx.ledger.db
      .selectFrom('notify_rejections')
      .selectAll()
      .orderBy('received_at', 'desc')
      .orderBy('id')
      .executeTakeFirstOrThrow();

  async function expectRefused(fields: Params, outcome: string) {
    const { donationId } = await pendingOrder(suite.h);
    const before = await counts(suite.h.ctx);
    expect(await notify(fields)).toBe('failure');
    const after = await counts(suite.h.ctx);
    const unverified = UNVERIFIED.has(outcome);
    expect(after.payment_events).toBe(before.payment_events + (unverified ? 0 : 1));
    expect(after.notify_rejections).toBe(before.notify_rejections + (unverified ? 1 : 0));
    expect(after.order_transitions).toBe(before.order_transitions);
    expect(await orderStatus(suite.h, donationId)).toBe('pending');
    expect(unverified ? (await lastRejection()).reason : (await lastEvent()).outcome).toBe(outcome);
    return donationId;
  }

  it.skipIf(skip)('a forged signature → failure, order unchanged, event logged', async () => {
    const { trade } = await pendingOrder(suite.h);
    const fields = signed(trade);
    const sign = fields.sign as string;
    await expectRefused(
      { ...fields, sign: `${sign.slice(0, 10)}${sign[10] === 'A' ? 'B' : 'A'}${sign.slice(11)}` },
      'BAD_SIGNATURE',
    );
    await expectRefused({ ...fields, sign: Buffer.from('not a signature').toString('base64') }, 'BAD_SIGNATURE');
    const { sign: _dropped, ...unsigned } = fields;
    await expectRefused(unsigned, 'BAD_SIGNATURE');
  });

  it.skipIf(skip)('a notify signed with the wrong key → failure', async () => {
    const { trade } = await pendingOrder(suite.h);
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const { sign: _s, sign_type: _t, ...fields } = signed(trade);
    await expectRefused(signNotify(fields, privateKey), 'BAD_SIGNATURE');
  });

  it.skipIf(skip)('a tampered amount → failure (signature no longer matches)', async () => {
    const { trade } = await pendingOrder(suite.h);
    await expectRefused({ ...signed(trade), total_amount: '0.01' }, 'BAD_SIGNATURE');
  });

  it.skipIf(skip)('a validly signed notify with another amount → failure (amount compared exactly)', async () => {
    const { trade } = await pendingOrder(suite.h);
    await expectRefused(signed(trade, { total_amount: '100.01' }), 'AMOUNT_MISMATCH');
    await expectRefused(signed(trade, { total_amount: '99.99' }), 'AMOUNT_MISMATCH');
    await expectRefused(signed(trade, { total_amount: '100.001' }), 'AMOUNT_MISMATCH');
  });

  it.skipIf(skip)('a wrong app_id or seller_id → failure', async () => {
    const { trade } = await pendingOrder(suite.h);
    const other = await suite.h.ctx.merchants.forCharity('yunnan-cishan');
    await expectRefused(signed(trade, { app_id: '2021999999999999' }), 'UNKNOWN_APP_ID');
    // Another charity's merchant (same sandbox "Alipay" key): its seller_id does not match…
    await expectRefused(signed(trade, { app_id: other?.appId as string }), 'SELLER_MISMATCH');
    // …and with its own seller_id the order still belongs to a different app.
    await expectRefused(
      signed(trade, { app_id: other?.appId as string, seller_id: other?.sellerId as string }),
      'APP_ID_MISMATCH',
    );
    await expectRefused(signed(trade, { seller_id: '2088000000000000' }), 'SELLER_MISMATCH');
  });

  it.skipIf(skip)('an unknown order, a malformed body, an unknown status → failure', async () => {
    const { trade } = await pendingOrder(suite.h);
    await expectRefused(signed(trade, { out_trade_no: 'XJ00000000000000NOSUCHORDER' }), 'UNKNOWN_ORDER');
    await expectRefused(signed(trade, { trade_status: 'TRADE_SOMETHING' }), 'UNKNOWN_STATUS');
    await expectRefused(signed(trade, { notify_type: 'other_sync' }), 'UNSUPPORTED_NOTIFY');
    const before = await counts(suite.h.ctx);
    const response = await fetch(`${suite.h.url}/api/payments/alipay/notify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1&a=2',
    });
    expect(await response.text()).toBe('failure');
    // NUL characters (encoded and raw) are logged, not fatal — PostgreSQL text cannot hold them.
    expect(await notify({ ...signed(trade), app_id: 'x\u0000y' })).toBe('failure');
    const nul = await fetch(`${suite.h.url}/api/payments/alipay/notify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'app_id=\u0000&sign=\u0000',
    });
    expect(await nul.text()).toBe('failure');
    const huge = await fetch(`${suite.h.url}/api/payments/alipay/notify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `x=${'a'.repeat(100_000)}`,
    });
    expect(await huge.text()).toBe('failure');
    const after = await counts(suite.h.ctx);
    expect(after.order_transitions).toBe(before.order_transitions);
    // Four requests nobody signed (repeated keys, two NUL app ids, an oversized body): short records only.
    expect(after.payment_events).toBe(before.payment_events);
    expect(after.notify_rejections).toBe(before.notify_rejections + 4);
    expect(suite.h.logs.filter((l) => l.includes('支付通知处理失败'))).toEqual([]);
  });

  it.skipIf(skip)('the same valid notify replayed → one transition, every reply success', async () => {
    const { donationId, trade } = await pendingOrder(suite.h);
    const before = await counts(suite.h.ctx);
    const fields = signed(trade);
    for (let i = 0; i < 5; i++) expect(await notify(fields)).toBe('success');
    expect(await orderStatus(suite.h, donationId)).toBe('paid');
    const after = await counts(suite.h.ctx);
    expect(after.order_transitions).toBe(before.order_transitions + 1);
    expect(after.payment_events).toBe(before.payment_events + 5);
    const outcomes = await suite.h.ctx.ledger.db
      .selectFrom('payment_events')
      .select('outcome')
      .where('order_id', '=', donationId)
      .execute();
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['DUPLICATE', 'DUPLICATE', 'DUPLICATE', 'DUPLICATE', 'PAID']);
  });

  it.skipIf(skip)('50 identical notifies at once → exactly one transition and one ledger line', async () => {
    const { donationId, trade } = await pendingOrder(suite.h);
    const before = await counts(suite.h.ctx);
    const body = signed(trade);
    const started = performance.now();
    const replies = await Promise.all(Array.from({ length: 50 }, () => notify(body)));
    const ms = performance.now() - started;
    process.stdout.write(`[${name}] 50 concurrent notifies answered in ${ms.toFixed(0)} ms\n`);
    expect(replies).toEqual(Array(50).fill('success'));
    expect(await orderStatus(suite.h, donationId)).toBe('paid');
    const after = await counts(suite.h.ctx);
    expect(after.order_transitions - before.order_transitions).toBe(1);
    expect(after.payment_events - before.payment_events).toBe(50);
    const lines = await suite.h.ctx.ledger.db
      .selectFrom('order_transitions')
      .selectAll()
      .where('order_id', '=', donationId)
      .execute();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ from_status: 'pending', to_status: 'paid', amount_fen: 10_000, source: 'notify' });
    const order = await suite.h.ctx.ledger.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', donationId)
      .executeTakeFirstOrThrow();
    expect(order.trade_no).toBe(trade.trade_no);
    expect(order.paid_at).toBe('2026-02-15T04:01:00.000Z');
  });

  it.skipIf(skip)('TRADE_FINISHED after TRADE_SUCCESS → success, no second transition', async () => {
    const { donationId, trade } = await pendingOrder(suite.h);
    expect(await notify(signed(trade))).toBe('success');
    const before = await counts(suite.h.ctx);
    expect(await notify(signed(trade, { trade_status: 'TRADE_FINISHED' }))).toBe('success');
    expect((await counts(suite.h.ctx)).order_transitions).toBe(before.order_transitions);
    expect(await orderStatus(suite.h, donationId)).toBe('paid');
    expect((await lastEvent()).outcome).toBe('DUPLICATE');
  });

  it.skipIf(skip)('TRADE_FINISHED alone counts as paid', async () => {
    const { donationId, trade } = await pendingOrder(suite.h);
    expect(await notify(signed(trade, { trade_status: 'TRADE_FINISHED' }))).toBe('success');
    expect(await orderStatus(suite.h, donationId)).toBe('paid');
  });

  it.skipIf(skip)(
    'TRADE_CLOSED after paid → refunded in full (a paid trade closes only by a full refund)',
    async () => {
      const { donationId, trade } = await pendingOrder(suite.h);
      expect(await notify(signed(trade))).toBe('success');
      const before = await counts(suite.h.ctx);
      expect(await notify(signed(trade, { trade_status: 'TRADE_CLOSED' }))).toBe('success');
      expect(await orderStatus(suite.h, donationId)).toBe('refunded');
      expect((await counts(suite.h.ctx)).order_transitions).toBe(before.order_transitions + 1);
      expect((await lastEvent()).outcome).toBe('REFUNDED');
    },
  );

  it.skipIf(skip)('TRADE_CLOSED closes a pending order; a later paid notify cannot reopen it', async () => {
    const { donationId, trade } = await pendingOrder(suite.h);
    expect(await notify(signed(trade, { trade_status: 'TRADE_CLOSED' }))).toBe('success');
    expect(await orderStatus(suite.h, donationId)).toBe('closed');
    const before = await counts(suite.h.ctx);
    expect(await notify(signed(trade))).toBe('success');
    expect(await orderStatus(suite.h, donationId)).toBe('closed');
    expect((await counts(suite.h.ctx)).order_transitions).toBe(before.order_transitions);
    const event = await lastEvent();
    expect(event.outcome).toBe('PAID_AFTER_CLOSE');
    expect(event.detail).toContain('人工');
  });

  it.skipIf(skip)('a trade_no already used by another order → failure, nothing changes', async () => {
    const first = await pendingOrder(suite.h);
    expect(await notify(signed(first.trade))).toBe('success');
    const second = await pendingOrder(suite.h);
    const before = await counts(suite.h.ctx);
    expect(await notify(signed(second.trade, { trade_no: first.trade.trade_no }))).toBe('failure');
    expect(await orderStatus(suite.h, second.donationId)).toBe('pending');
    expect((await counts(suite.h.ctx)).order_transitions).toBe(before.order_transitions);
    expect((await lastEvent()).outcome).toBe('TRADE_NO_CONFLICT');
  });

  it.skipIf(skip)('a verified notify is kept without the buyer’s identifiers and signature', async () => {
    const { trade } = await pendingOrder(suite.h);
    const fields = signed(trade);
    await notify(fields);
    const event = await lastEvent();
    const { buyer_id, buyer_logon_id, sign: _sign, ...kept } = fields;
    expect(event.raw).toBe(formEncode(kept));
    expect(event.raw).not.toContain(buyer_id as string);
    expect(event.raw).not.toContain(encodeURIComponent(buyer_logon_id as string));
    expect(event.verified).toBe(1);
    // The buyer survives only as a keyed hash: the same buyer, the same value; not the id itself.
    expect(event.buyer_ref).toBe(suite.h.ctx.buyerRef(buyer_id as string));
    expect(event.buyer_ref).toMatch(/^[0-9a-f]{32}$/);
  });
});
