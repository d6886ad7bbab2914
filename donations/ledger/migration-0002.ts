import { createHash } from 'node:crypto';
import { type Kysely, type Migration, sql } from 'kysely';
import { type BuyerRef, redactJsonText, redactNotifyBody } from '../buyer-identifiers.ts';
import { type LedgerDialect, ledgerColumnTypes } from './column-types.ts';

/**
 * Issue 13: refunds, abuse and sandbox marking — for new ledgers and for existing rows.
 *
 * - orders: `refunded_fen` (0 ≤ refunded_fen ≤ amount_fen), `refunded_at`; `sandbox` (existing
 *   orders of a 9021000… app — the app ids of our sandbox and of Alipay's own sandbox — are
 *   marked); reconciliation's `checked_at`, `check_failures`, `review_at`, `review_reason`.
 * - `order_refunds` (each step of the refunded amount, unique per order and new total),
 *   `refund_requests` (refunds a charity asked for), `notify_rejections` (unverified notifies as a
 *   short record).
 * - payment_events: unverified notifies move to `notify_rejections` (hash, size, reason, time) and
 *   leave no body behind; verified notifies and query answers lose buyer identifiers and `sign`,
 *   keeping a keyed hash of the buyer id in `buyer_ref` when a hash function is given.
 */
export interface Migration0002Options {
  buyerRef: BuyerRef | null;
}

const BATCH = 500;

type Row = { id: string; raw: string; source: string };

async function redactEvents(db: Kysely<unknown>, ref: BuyerRef | null): Promise<void> {
  let after: string | null = null;
  for (;;) {
    // Keyset pagination by id (a uuid in PostgreSQL: no '' sentinel, hence two statements).
    const { rows } = await (after === null
      ? sql<Row>`select id, raw, source from payment_events where verified = 1 order by id limit ${BATCH}`
      : sql<Row>`select id, raw, source from payment_events where verified = 1 and id > ${after}
          order by id limit ${BATCH}`
    ).execute(db);
    if (rows.length === 0) return;
    for (const row of rows) {
      const fields =
        row.source === 'notify'
          ? Object.fromEntries(new URLSearchParams(row.raw))
          : (null as Record<string, string> | null);
      const redacted = fields ? redactNotifyBody(fields, ref) : redactJsonText(row.raw, ref);
      if (redacted.value !== row.raw || redacted.buyerRef) {
        await sql`update payment_events set raw = ${redacted.value}, buyer_ref = ${redacted.buyerRef}
          where id = ${row.id}`.execute(db);
      }
    }
    after = String(rows[rows.length - 1]?.id);
  }
}

async function moveUnverifiedNotifies(db: Kysely<unknown>): Promise<void> {
  for (;;) {
    const { rows } = await sql<{ id: string; raw: string; outcome: string; received_at: string }>`
      select id, raw, outcome, received_at from payment_events
      where source = 'notify' and verified = 0 order by id limit ${BATCH}`.execute(db);
    if (rows.length === 0) return;
    for (const row of rows) {
      const body = Buffer.from(row.raw, 'utf8');
      await sql`insert into notify_rejections (id, received_at, body_sha256, body_bytes, reason)
        values (${row.id}, ${row.received_at}, ${createHash('sha256').update(body).digest('hex')},
          ${body.length}, ${row.outcome.slice(0, 32)})`.execute(db);
    }
    await sql`delete from payment_events where id in (${sql.join(rows.map((r) => r.id))})`.execute(db);
  }
}

export function migration0002(dialect: LedgerDialect, options: Migration0002Options): Migration {
  const t = ledgerColumnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('orders')
        .addColumn('refunded_fen', t.money, (c) =>
          c.notNull().defaultTo(0).check(sql`refunded_fen >= 0 and refunded_fen <= amount_fen`),
        )
        .execute();
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema.alterTable('orders').addColumn('refunded_at', t.time).execute();
      await db.schema
        .alterTable('orders')
        .addColumn('sandbox', 'integer', (c) => c.notNull().defaultTo(0).check(sql`sandbox in (0, 1)`))
        .execute();
      await db.schema.alterTable('orders').addColumn('checked_at', t.time).execute();
      await db.schema
        .alterTable('orders')
        .addColumn('check_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('orders').addColumn('review_at', t.time).execute();
      await db.schema.alterTable('orders').addColumn('review_reason', 'text').execute();
      await sql`update orders set sandbox = 1 where merchant_app_id like '9021000%'`.execute(db);
      // Refunded orders from before this migration were never partly refunded: their whole amount went back.
      await sql`update orders set refunded_fen = amount_fen, refunded_at = updated_at where status = 'refunded'`.execute(
        db,
      );
      await db.schema
        .createIndex('orders_reconcile_due')
        .on('orders')
        .columns(['status', 'review_at', 'checked_at'])
        .execute();

      await db.schema
        .createTable('order_refunds')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('order_id', t.id, (c) => c.notNull().references('orders.id'))
        .addColumn('from_fen', t.money, (c) => c.notNull())
        .addColumn('to_fen', t.money, (c) => c.notNull())
        .addColumn('amount_fen', t.money, (c) => c.notNull())
        .addColumn('out_request_no', 'varchar(64)')
        .addColumn('source', 'varchar(16)', (c) => c.notNull())
        .addColumn('event_id', t.id)
        .addColumn('refunded_at', t.time)
        .addColumn('created_at', t.time, (c) => c.notNull())
        .addUniqueConstraint('order_refunds_once', ['order_id', 'to_fen'])
        .addCheckConstraint(
          'order_refunds_forward',
          sql`from_fen >= 0 and to_fen > from_fen and amount_fen = to_fen - from_fen`,
        )
        .execute();

      await db.schema
        .createTable('refund_requests')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('order_id', t.id, (c) => c.notNull().references('orders.id'))
        .addColumn('charity_slug', 'varchar(120)', (c) => c.notNull())
        .addColumn('out_request_no', 'varchar(64)', (c) => c.notNull())
        .addColumn('amount_fen', t.money, (c) => c.notNull())
        .addColumn('reason', 'varchar(512)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('failure', 'text')
        .addColumn('created_at', t.time, (c) => c.notNull())
        .addColumn('updated_at', t.time, (c) => c.notNull())
        .addColumn('checked_at', t.time)
        .addColumn('check_failures', 'integer', (c) => c.notNull().defaultTo(0))
        // Alipay keys a refund by (trade, out_request_no): so do we.
        .addUniqueConstraint('refund_requests_once', ['order_id', 'out_request_no'])
        .addCheckConstraint('refund_requests_amount_positive', sql`amount_fen > 0`)
        .addCheckConstraint('refund_requests_status_known', sql`status in ('requested', 'succeeded', 'failed')`)
        .execute();
      await db.schema
        .createIndex('refund_requests_status_checked')
        .on('refund_requests')
        .columns(['status', 'checked_at'])
        .execute();

      await db.schema
        .createTable('notify_rejections')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('received_at', t.time, (c) => c.notNull())
        .addColumn('body_sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('body_bytes', 'integer', (c) => c.notNull())
        .addColumn('reason', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notify_rejections_received').on('notify_rejections').column('received_at').execute();

      await db.schema.alterTable('payment_events').addColumn('buyer_ref', 'varchar(64)').execute();
      await moveUnverifiedNotifies(db);
      await redactEvents(db, options.buyerRef);
    },
    async down() {
      // Forward only: the dropped bodies and buyer ids cannot be brought back.
      throw new Error('账本迁移 0002 不可回退');
    },
  };
}
