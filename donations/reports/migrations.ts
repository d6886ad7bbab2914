import { type Kysely, type MigrationProvider, sql } from 'kysely';
import { ledgerColumnTypes } from '../ledger/column-types.ts';
import { type Ledger, runMigrations } from '../ledger/open-ledger.ts';

/**
 * The reports tables live in the ledger's database but have their own migration history
 * (`reports_migration`, runMigrations), so they neither depend on nor reorder the ledger's migrations.
 */
function reportsMigrations(dialect: Ledger['dialect']): MigrationProvider {
  // The ledger's column types (ledger/column-types.ts): these tables sit in its database.
  const { id, time } = ledgerColumnTypes(dialect);
  return {
    async getMigrations() {
      return {
        '0001_reports': {
          async up(db: Kysely<unknown>) {
            await db.schema
              .createTable('reports')
              .addColumn('id', id, (c) => c.primaryKey())
              .addColumn('reference', 'varchar(32)', (c) => c.notNull().unique())
              .addColumn('target_kind', 'varchar(16)', (c) => c.notNull())
              .addColumn('target_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('target_title', 'varchar(200)', (c) => c.notNull())
              .addColumn('target_path', 'varchar(200)', (c) => c.notNull())
              .addColumn('charity_slug', 'varchar(120)')
              .addColumn('kind', 'varchar(32)', (c) => c.notNull())
              .addColumn('text', 'text', (c) => c.notNull())
              .addColumn('contact_enc', 'text')
              .addColumn('contact_given', 'integer', (c) => c.notNull())
              .addColumn('received_at', time, (c) => c.notNull())
              .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
              .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
              .addCheckConstraint('reports_contact_flag', sql`contact_given in (0, 1)`)
              .execute();
            await db.schema
              .createIndex('reports_fingerprint_received')
              .on('reports')
              .columns(['fingerprint', 'received_at'])
              .execute();
            await db.schema
              .createTable('report_deliveries')
              .addColumn('report_id', id, (c) => c.primaryKey().references('reports.id'))
              .addColumn('attempts', 'integer', (c) => c.notNull())
              .addColumn('next_attempt_at', time, (c) => c.notNull())
              .addColumn('lease_until', time)
              .addColumn('delivered_at', time)
              .addColumn('cms_document_id', 'varchar(64)')
              .addColumn('last_error', 'text')
              .execute();
            await db.schema
              .createIndex('report_deliveries_due')
              .on('report_deliveries')
              .columns(['delivered_at', 'next_attempt_at'])
              .execute();
          },
          async down(db: Kysely<unknown>) {
            await db.schema.dropTable('report_deliveries').ifExists().execute();
            await db.schema.dropTable('reports').ifExists().execute();
          },
        },
      };
    },
  };
}

export async function migrateReports(ledger: Ledger): Promise<void> {
  await runMigrations(ledger, {
    provider: reportsMigrations(ledger.dialect),
    table: 'reports_migration',
    lockTable: 'reports_migration_lock',
    label: '举报数据表迁移',
  });
}
