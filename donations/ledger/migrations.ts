import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import { type LedgerDialect, ledgerColumnTypes } from './column-types.ts';
import { type Migration0002Options, migration0002 } from './migration-0002.ts';

/**
 * The ledger's migrations, in code, the same for SQLite and PostgreSQL. Column types differ only
 * where the databases do (`column-types.ts`); the program sees the same values on both
 * (`open-ledger.ts`).
 */
export type { LedgerDialect } from './column-types.ts';

function init(dialect: LedgerDialect): Migration {
  const t = ledgerColumnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('orders')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('out_trade_no', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('project_slug', 'varchar(120)', (c) => c.notNull())
        .addColumn('charity_slug', 'varchar(120)', (c) => c.notNull())
        .addColumn('merchant_app_id', 'varchar(32)', (c) => c.notNull())
        .addColumn('amount_fen', t.money, (c) => c.notNull())
        .addColumn('channel', 'varchar(8)', (c) => c.notNull())
        .addColumn('anonymous', 'integer', (c) => c.notNull())
        .addColumn('display_name', 'varchar(40)')
        .addColumn('message', 'varchar(400)')
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('trade_no', 'varchar(64)', (c) => c.unique())
        .addColumn('routed', 'integer', (c) => c.notNull())
        .addColumn('pay_expires_at', t.time, (c) => c.notNull())
        .addColumn('created_at', t.time, (c) => c.notNull())
        .addColumn('updated_at', t.time, (c) => c.notNull())
        .addColumn('paid_at', t.time)
        .addColumn('closed_at', t.time)
        .addCheckConstraint('orders_amount_positive', sql`amount_fen > 0`)
        .addCheckConstraint('orders_status_known', sql`status in ('pending', 'paid', 'closed', 'refunded')`)
        .addCheckConstraint('orders_channel_known', sql`channel in ('page', 'wap', 'qr')`)
        .addCheckConstraint('orders_flags', sql`anonymous in (0, 1) and routed in (0, 1)`)
        .addCheckConstraint('orders_paid_has_trade', sql`status not in ('paid', 'refunded') or trade_no is not null`)
        .execute();
      await db.schema.createIndex('orders_project_status').on('orders').columns(['project_slug', 'status']).execute();
      await db.schema.createIndex('orders_status_created').on('orders').columns(['status', 'created_at']).execute();
      await db.schema.createIndex('orders_charity_status').on('orders').columns(['charity_slug', 'status']).execute();

      await db.schema
        .createTable('order_transitions')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('order_id', t.id, (c) => c.notNull().references('orders.id'))
        .addColumn('from_status', 'varchar(16)', (c) => c.notNull())
        .addColumn('to_status', 'varchar(16)', (c) => c.notNull())
        .addColumn('amount_fen', t.money, (c) => c.notNull())
        .addColumn('source', 'varchar(16)', (c) => c.notNull())
        .addColumn('event_id', t.id)
        .addColumn('created_at', t.time, (c) => c.notNull())
        .addUniqueConstraint('order_transitions_once', ['order_id', 'to_status'])
        .execute();

      await db.schema
        .createTable('payment_events')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('received_at', t.time, (c) => c.notNull())
        .addColumn('source', 'varchar(16)', (c) => c.notNull())
        .addColumn('app_id', 'varchar(64)')
        .addColumn('out_trade_no', 'varchar(128)')
        .addColumn('trade_no', 'varchar(128)')
        .addColumn('trade_status', 'varchar(64)')
        .addColumn('notify_id', 'varchar(128)')
        .addColumn('raw', 'text', (c) => c.notNull())
        .addColumn('verified', 'integer', (c) => c.notNull())
        .addColumn('outcome', 'varchar(32)', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('order_id', t.id)
        .execute();
      await db.schema.createIndex('payment_events_out_trade_no').on('payment_events').column('out_trade_no').execute();

      await db.schema
        .createTable('routing_decisions')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('order_id', t.id, (c) => c.notNull().unique().references('orders.id'))
        .addColumn('request_json', 'text', (c) => c.notNull())
        .addColumn('candidate_count', 'integer', (c) => c.notNull())
        .addColumn('chosen_project', 'varchar(120)', (c) => c.notNull())
        .addColumn('ranking_json', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_at', t.time, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('receipt_requests')
        .addColumn('order_id', t.id, (c) => c.primaryKey().references('orders.id'))
        .addColumn('requested', 'integer', (c) => c.notNull())
        .addColumn('name_enc', 'text')
        .addColumn('tax_id_kind', 'varchar(16)')
        .addColumn('tax_id_enc', 'text')
        .addColumn('email_enc', 'text')
        .addColumn('created_at', t.time, (c) => c.notNull())
        .addCheckConstraint('receipt_waiver_is_empty', sql`requested = 1 or (name_enc is null and tax_id_enc is null)`)
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['receipt_requests', 'routing_decisions', 'payment_events', 'order_transitions', 'orders']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}

export type LedgerMigrationOptions = Migration0002Options;

export function ledgerMigrations(
  dialect: LedgerDialect,
  options: LedgerMigrationOptions = { buyerRef: null },
): MigrationProvider {
  return {
    async getMigrations() {
      return {
        '0001_ledger': init(dialect),
        '0002_refunds_abuse_sandbox': migration0002(dialect, options),
      };
    },
  };
}
