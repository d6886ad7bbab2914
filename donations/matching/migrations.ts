import { type Kysely, type MigrationProvider, sql } from 'kysely';
import { ledgerColumnTypes } from '../ledger/column-types.ts';
import { type Ledger, runMigrations } from '../ledger/open-ledger.ts';

/** The 配捐 tables' own migration history (`matching_migration`): they never reorder the ledger's. */
function matchingMigrations(dialect: Ledger['dialect']): MigrationProvider {
  // The ledger's column types (ledger/column-types.ts): these tables sit in its database.
  const { id, time, money } = ledgerColumnTypes(dialect);
  return {
    async getMigrations() {
      return {
        '0001_matching': {
          async up(db: Kysely<unknown>) {
            await db.schema
              .createTable('matching_pools')
              .addColumn('slug', 'varchar(120)', (c) => c.primaryKey())
              .addColumn('total_fen', money, (c) => c.notNull())
              .addColumn('allocated_fen', money, (c) => c.notNull())
              .addColumn('updated_at', time, (c) => c.notNull())
              .addCheckConstraint('matching_pools_allocated', sql`allocated_fen >= 0`)
              .execute();
            await db.schema
              .createTable('matches')
              .addColumn('order_id', id, (c) => c.primaryKey().references('orders.id'))
              .addColumn('pool_slug', 'varchar(120)', (c) => c.notNull().references('matching_pools.slug'))
              .addColumn('project_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('charity_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('buyer_ref', 'varchar(64)')
              .addColumn('paid_day', 'varchar(10)', (c) => c.notNull())
              .addColumn('gift_fen', money, (c) => c.notNull())
              .addColumn('amount_fen', money, (c) => c.notNull())
              .addColumn('returned_fen', money, (c) => c.notNull())
              .addColumn('limited_by', 'varchar(16)', (c) => c.notNull())
              .addColumn('sandbox', 'integer', (c) => c.notNull())
              .addColumn('created_at', time, (c) => c.notNull())
              .addColumn('returned_at', time)
              .addCheckConstraint(
                'matches_amounts',
                sql`amount_fen >= 0 and returned_fen >= 0 and returned_fen <= amount_fen`,
              )
              .execute();
            await db.schema
              .createIndex('matches_pool_donor_day')
              .on('matches')
              .columns(['pool_slug', 'buyer_ref', 'paid_day'])
              .execute();
            await db.schema
              .createIndex('matches_pool_project')
              .on('matches')
              .columns(['pool_slug', 'project_slug'])
              .execute();
            await db.schema.createIndex('matches_project').on('matches').columns(['project_slug']).execute();
          },
          async down(db: Kysely<unknown>) {
            await db.schema.dropTable('matches').ifExists().execute();
            await db.schema.dropTable('matching_pools').ifExists().execute();
          },
        },
      };
    },
  };
}

export async function migrateMatching(ledger: Ledger): Promise<void> {
  await runMigrations(ledger, {
    provider: matchingMigrations(ledger.dialect),
    table: 'matching_migration',
    lockTable: 'matching_migration_lock',
    label: '配捐数据表迁移',
  });
}
