import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buyerRefWith } from '../../../../donations/buyer-identifiers.ts';
import { type Ledger, type LedgerTarget, migrateLedger, openLedger } from '../../../../donations/ledger/open-ledger.ts';
import { BACKENDS, dropSchema } from '../../../support/donations/harness.ts';

/**
 * Migration 0002 on a ledger written by the code before it (schema 0001), on SQLite and
 * PostgreSQL: unverified notifies leave the event log for short records without their body;
 * verified ones lose buyer ids (a keyed hash stays); old sandbox orders are marked; a refunded
 * order's refunded amount is its whole amount.
 */
const PG_URL = process.env.DONATIONS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function oldLedger(backend: 'sqlite' | 'postgres'): Promise<{ ledger: Ledger; target: LedgerTarget }> {
  let target: LedgerTarget;
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'xianjie-migration-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    target = { kind: 'sqlite', path: join(dir, 'ledger.db') };
  } else {
    const schema = `donations_mig_${randomBytes(4).toString('hex')}`;
    cleanups.push(() => dropSchema(schema));
    target = { kind: 'postgres', connectionString: PG_URL, schema };
  }
  return { ledger: await openLedger(target, { upTo: '0001_ledger' }), target };
}

const AT = '2026-01-10T04:00:00.000Z';

async function insertOldOrder(db: Kysely<unknown>, o: { appId: string; status: string; amount: number }) {
  const id = randomUUID();
  const paid = o.status === 'paid' || o.status === 'refunded';
  await sql`insert into orders (id, out_trade_no, project_slug, charity_slug, merchant_app_id, amount_fen, channel,
      anonymous, display_name, message, status, trade_no, routed, pay_expires_at, created_at, updated_at, paid_at, closed_at)
    values (${id}, ${`XJOLD${id.slice(0, 8)}`}, 'p', 'c', ${o.appId}, ${o.amount}, 'page', 1, null, null, ${o.status},
      ${paid ? `T${id.slice(0, 12)}` : null}, 0, ${AT}, ${AT}, ${AT}, ${paid ? AT : null}, null)`.execute(db);
  return id;
}

async function insertOldEvent(
  db: Kysely<unknown>,
  e: { source: string; raw: string; verified: number; outcome: string },
): Promise<string> {
  const id = randomUUID();
  await sql`insert into payment_events (id, received_at, source, app_id, out_trade_no, trade_no, trade_status,
      notify_id, raw, verified, outcome, detail, order_id)
    values (${id}, ${AT}, ${e.source}, null, null, null, null, null, ${e.raw}, ${e.verified}, ${e.outcome}, 'x', null)`.execute(
    db,
  );
  return id;
}

describe.each(BACKENDS)('ledger migration 0002 on $name', ({ name, skip }) => {
  it.skipIf(skip)('moves, strips and marks the rows written before it', async () => {
    const { ledger } = await oldLedger(name);
    cleanups.unshift(() => ledger.close());
    const db = ledger.db as unknown as Kysely<unknown>;
    const sandboxOrder = await insertOldOrder(db, { appId: '9021000123456789', status: 'paid', amount: 500 });
    const realOrder = await insertOldOrder(db, { appId: '2021000000000001', status: 'paid', amount: 700 });
    const refundedOrder = await insertOldOrder(db, { appId: '2021000000000001', status: 'refunded', amount: 900 });
    const junk = 'app_id=attacker&note=SECRET-BODY-1234';
    const junkEvent = await insertOldEvent(db, { source: 'notify', raw: junk, verified: 0, outcome: 'UNKNOWN_APP_ID' });
    const signedBody =
      'notify_id=n1&buyer_id=2088102177846880&buyer_logon_id=san***%40x.example&trade_status=TRADE_SUCCESS&sign=abc';
    const verifiedEvent = await insertOldEvent(db, { source: 'notify', raw: signedBody, verified: 1, outcome: 'PAID' });
    const queryEvent = await insertOldEvent(db, {
      source: 'query',
      raw: JSON.stringify({
        code: '10000',
        tradeStatus: 'TRADE_SUCCESS',
        buyerLogonId: 'san***@x.example',
        buyerUserId: '2088102177846880',
      }),
      verified: 1,
      outcome: 'PAID',
    });
    const failedQuery = await insertOldEvent(db, {
      source: 'query',
      raw: '{"error":"timeout"}',
      verified: 0,
      outcome: 'QUERY_FAILED',
    });

    const key = randomBytes(32);
    await migrateLedger(ledger, { buyerRef: buyerRefWith(key) });

    const events = await ledger.db.selectFrom('payment_events').selectAll().execute();
    const byId = new Map(events.map((e) => [e.id, e]));
    expect(byId.has(junkEvent)).toBe(false);
    expect(byId.get(failedQuery)?.raw).toBe('{"error":"timeout"}'); // our own failed query stays
    expect(byId.get(verifiedEvent)?.raw).toBe('notify_id=n1&trade_status=TRADE_SUCCESS');
    expect(byId.get(verifiedEvent)?.buyer_ref).toBe(buyerRefWith(key)('2088102177846880'));
    expect(JSON.parse(byId.get(queryEvent)?.raw ?? '{}')).toEqual({ code: '10000', tradeStatus: 'TRADE_SUCCESS' });
    expect(byId.get(queryEvent)?.buyer_ref).toBe(buyerRefWith(key)('2088102177846880'));
    expect(JSON.stringify(events)).not.toContain('2088102177846880');

    const rejections = await ledger.db.selectFrom('notify_rejections').selectAll().execute();
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({
      id: junkEvent,
      reason: 'UNKNOWN_APP_ID',
      body_bytes: Buffer.byteLength(junk),
      body_sha256: createHash('sha256').update(junk).digest('hex'),
      received_at: AT,
    });
    expect(JSON.stringify(rejections)).not.toContain('SECRET-BODY');

    const orders = await ledger.db
      .selectFrom('orders')
      .select(['id', 'sandbox', 'refunded_fen', 'check_failures'])
      .execute();
    const order = (id: string) => orders.find((o) => o.id === id);
    expect(order(sandboxOrder)).toMatchObject({ sandbox: 1, refunded_fen: 0, check_failures: 0 });
    expect(order(realOrder)).toMatchObject({ sandbox: 0, refunded_fen: 0 });
    expect(order(refundedOrder)).toMatchObject({ sandbox: 0, refunded_fen: 900 });

    // Migrating again is a no-op.
    await migrateLedger(ledger, { buyerRef: buyerRefWith(key) });
    expect(await ledger.db.selectFrom('notify_rejections').selectAll().execute()).toHaveLength(1);
  });
});
