import { type Kysely, type MigrationProvider, sql } from 'kysely';
import { ledgerColumnTypes } from '../ledger/column-types.ts';
import { type Ledger, runMigrations } from '../ledger/open-ledger.ts';
import type { LedgerDatabase } from '../ledger/schema.ts';
import type { AfterGiftDatabase } from './tables.ts';

/**
 * The after-gift tables (tables.ts) live in the ledger's database with their own migration
 * history (`after_gift_migration`), like reports/, so they never reorder the ledger's migrations.
 */
function afterGiftMigrations(dialect: Ledger['dialect']): MigrationProvider {
  // The ledger's column types (ledger/column-types.ts): these tables sit in its database.
  const { id, time } = ledgerColumnTypes(dialect);
  return {
    async getMigrations() {
      return {
        '0001_after_gift': {
          async up(db: Kysely<unknown>) {
            await db.schema
              .createTable('gift_lookups')
              .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
              .addColumn('order_id', id, (c) => c.notNull().references('orders.id'))
              .addColumn('source', 'varchar(16)', (c) => c.notNull())
              .addColumn('created_at', time, (c) => c.notNull())
              .execute();
            await db.schema.createIndex('gift_lookups_order').on('gift_lookups').column('order_id').execute();
            await db.schema
              .createTable('gift_lookup_erasures')
              .addColumn('order_id', id, (c) => c.primaryKey().references('orders.id'))
              .addColumn('erased_at', time, (c) => c.notNull())
              .execute();
            await db.schema
              .createTable('gift_receipt_statuses')
              .addColumn('order_id', id, (c) => c.primaryKey().references('orders.id'))
              .addColumn('state', 'varchar(16)', (c) => c.notNull())
              .addColumn('receipt_no', 'varchar(64)')
              .addColumn('receipt_url', 'varchar(500)')
              .addColumn('reason', 'varchar(200)')
              .addColumn('updated_at', time, (c) => c.notNull())
              .addCheckConstraint('gift_receipt_statuses_state', sql`state in ('issued', 'declined')`)
              .execute();
          },
          async down(db: Kysely<unknown>) {
            await db.schema.dropTable('gift_receipt_statuses').ifExists().execute();
            await db.schema.dropTable('gift_lookup_erasures').ifExists().execute();
            await db.schema.dropTable('gift_lookups').ifExists().execute();
          },
        },
      };
    },
  };
}

export async function migrateAfterGift(ledger: Ledger): Promise<void> {
  await runMigrations(ledger, {
    provider: afterGiftMigrations(ledger.dialect),
    table: 'after_gift_migration',
    lockTable: 'after_gift_migration_lock',
    label: '捐赠查询数据表迁移',
  });
}

/** The ledger's tables and these together (orders are joined to their side rows). */
export type AfterGiftDb = Kysely<LedgerDatabase & AfterGiftDatabase>;

/** The after-gift tables through the ledger's connection (they are not part of the ledger's type). */
export function afterGiftDb(ledger: Ledger): AfterGiftDb {
  return ledger.db.withTables<AfterGiftDatabase>();
}
