import { createHash, createSign } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../../donations/reconcile.ts';
import { signContent } from '../../../donations/sandbox/alipay-signing.ts';
import { BACKENDS, counts, type Harness, postForm, startHarness } from '../../support/donations/harness.ts';
import { orderStatus, paidNotify, pendingOrder } from '../../support/donations/orders.ts';

/**
 * Notifies nobody signed must not fill the ledger: they are kept as a short record (hash, size,
 * reason, time) — never their body — at a limited rate, and pruned after the retention; only RSA2
 * is accepted as `sign_type`. On SQLite and PostgreSQL.
 */
const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

describe.each(BACKENDS)('unverified notifies on $name', ({ name, skip }) => {
  async function harness(env: Record<string, string> = {}) {
    const h = await startHarness(name, { env });
    harnesses.push(h);
    return h;
  }
  const notifyUrl = (h: Harness) => `${h.url}/api/payments/alipay/notify`;
  const paidFields = paidNotify;
  const rawPost = (h: Harness, body: string, headers: Record<string, string> = {}) =>
    fetch(notifyUrl(h), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    }).then((r) => r.text());
  /** Every text column of every ledger table, joined: a body stored anywhere shows up here. */
  async function ledgerText(h: Harness): Promise<string> {
    const tables = ['orders', 'order_transitions', 'payment_events', 'notify_rejections', 'order_refunds'] as const;
    const parts: string[] = [];
    for (const table of tables)
      parts.push(JSON.stringify(await h.ctx.ledger.db.selectFrom(table).selectAll().execute()));
    return parts.join('\n');
  }

  it.skipIf(skip)(
    'a notify signed by Alipay’s key with SHA-1 (sign_type=RSA) is refused before verification',
    async () => {
      const h = await harness();
      const { donationId, trade } = await pendingOrder(h);
      const { sign: _s, sign_type: _t, ...fields } = paidFields(h, trade);
      const withType = { ...fields, sign_type: 'RSA' };
      const alipayKey = JSON.parse(
        (await import('node:fs')).readFileSync(`${h.dir}/donations/sandbox/alipay-keys.json`, 'utf8'),
      ).privateKey as string;
      const sha1 = createSign('RSA-SHA1')
        .update(signContent(withType, ['sign', 'sign_type']), 'utf8')
        .sign(alipayKey, 'base64');
      expect(await (await postForm(notifyUrl(h), { ...withType, sign: sha1 })).text()).toBe('failure');
      expect(await orderStatus(h, donationId)).toBe('pending');
      // Without sign_type, too.
      expect(await (await postForm(notifyUrl(h), { ...fields, sign: sha1 })).text()).toBe('failure');
      const reasons = await h.ctx.ledger.db.selectFrom('notify_rejections').select('reason').execute();
      expect(reasons.map((r) => r.reason)).toEqual(['BAD_SIGN_TYPE', 'BAD_SIGN_TYPE']);
      // The same notify signed as Alipay signs (RSA2) is accepted.
      expect(await (await postForm(notifyUrl(h), paidFields(h, trade))).text()).toBe('success');
      expect(await orderStatus(h, donationId)).toBe('paid');
    },
  );

  it.skipIf(skip)('an unverified request leaves a hash, a size, a reason and a time — never its body', async () => {
    const h = await harness();
    const { trade } = await pendingOrder(h);
    const marker = 'MARKER-7f3a9c-不应入账';
    const bodies: [string, string][] = [
      [`app_id=${marker}&a=1&a=2`, 'MALFORMED'],
      [`app_id=2021000000009999&sign_type=RSA2&sign=x&note=${marker}`, 'UNKNOWN_APP_ID'],
      [new URLSearchParams({ ...paidFields(h, trade), subject: marker }).toString(), 'BAD_SIGNATURE'],
    ];
    const before = await counts(h.ctx);
    for (const [body] of bodies) expect(await rawPost(h, body)).toBe('failure');
    const oversized = `x=${marker}${'a'.repeat(20_000)}`;
    expect(await rawPost(h, oversized)).toBe('failure');
    const after = await counts(h.ctx);
    expect(after.payment_events).toBe(before.payment_events);
    expect(after.notify_rejections).toBe(before.notify_rejections + 4);
    const records = await h.ctx.ledger.db.selectFrom('notify_rejections').selectAll().orderBy('received_at').execute();
    expect(records.map((r) => [r.reason, Number(r.body_bytes), r.body_sha256])).toEqual([
      ...bodies.map(([body, reason]) => [
        reason,
        Buffer.byteLength(body),
        createHash('sha256').update(body).digest('hex'),
      ]),
      ['BODY_TOO_LARGE', Buffer.byteLength(oversized), createHash('sha256').update('').digest('hex')],
    ]);
    expect(Object.keys(records[0] ?? {}).sort()).toEqual(['body_bytes', 'body_sha256', 'id', 'reason', 'received_at']);
    expect(await ledgerText(h)).not.toContain('MARKER-7f3a9c');
  });

  it.skipIf(skip)('records are rate-limited per client and overall; valid notifies are never limited', async () => {
    const h = await harness({
      NOTIFY_REJECT_LOG_LIMIT: '5',
      NOTIFY_REJECT_LOG_GLOBAL_LIMIT: '8',
      TRUSTED_PROXY: 'loopback',
    });
    const { donationId, trade } = await pendingOrder(h);
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    // 100 addresses of one IPv6 /64 are one client: 5 records, not 100 (nor the overall 8).
    const replies: string[] = [];
    for (let i = 1; i <= 100; i++) {
      replies.push(await rawPost(h, `junk=v6-${i}`, from(`2001:db8:5:6:${i.toString(16)}::${(i * 3).toString(16)}`)));
    }
    expect(new Set(replies)).toEqual(new Set(['failure']));
    expect((await counts(h.ctx)).notify_rejections).toBe(5);
    for (let i = 0; i < 50; i++) await rawPost(h, `junk=${i}`, from('203.0.113.5'));
    expect((await counts(h.ctx)).notify_rejections).toBe(8); // 3 more, then the overall cap
    // …and many clients together stop at the overall cap.
    for (let i = 0; i < 20; i++) await rawPost(h, `junk=other-${i}`, from(`198.51.100.${i}`));
    expect((await counts(h.ctx)).notify_rejections).toBe(8);
    expect(h.logs.some((l) => l.includes('超出记录上限'))).toBe(true);
    // Alipay's valid notify from the same flooded address still settles the order.
    expect(await (await postForm(notifyUrl(h), paidFields(h, trade))).text()).toBe('success');
    expect(await orderStatus(h, donationId)).toBe('paid');
  });

  it.skipIf(skip)('records older than the retention are pruned (on write, hourly, and by reconciliation)', async () => {
    const h = await harness({ NOTIFY_REJECT_RETENTION_DAYS: '30' });
    await rawPost(h, 'junk=old-1');
    await rawPost(h, 'junk=old-2');
    h.clock.advanceMinutes(31 * 24 * 60);
    await rawPost(h, 'junk=new-1');
    const reasons = await h.ctx.ledger.db.selectFrom('notify_rejections').select('received_at').execute();
    expect(reasons).toHaveLength(1);
    h.clock.advanceMinutes(31 * 24 * 60);
    const report = await reconcile(h.ctx);
    expect(report.prunedRejections).toBe(1);
    expect((await counts(h.ctx)).notify_rejections).toBe(0);
  });
});
