import { type Kysely, type MigrationProvider, sql } from 'kysely';
import { ledgerColumnTypes } from '../ledger/column-types.ts';
import { type Ledger, runMigrations } from '../ledger/open-ledger.ts';

/**
 * The monthly-giving tables live in the ledger's database with their own migration history
 * (`monthly_migration`), like reports/: they neither depend on nor reorder the ledger's migrations.
 */
function monthlyMigrations(dialect: Ledger['dialect']): MigrationProvider {
  const { id, money, time } = ledgerColumnTypes(dialect);
  return {
    async getMigrations() {
      return {
        '0001_monthly_plans': {
          async up(db: Kysely<unknown>) {
            await db.schema
              .createTable('monthly_plans')
              .addColumn('id', id, (c) => c.primaryKey())
              .addColumn('external_agreement_no', 'varchar(32)', (c) => c.notNull().unique())
              .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
              .addColumn('status', 'varchar(12)', (c) => c.notNull())
              .addColumn('project_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('cause_json', 'text')
              .addColumn('charity_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('merchant_app_id', 'varchar(64)', (c) => c.notNull())
              .addColumn('sandbox', 'integer', (c) => c.notNull())
              .addColumn('amount_fen', money, (c) => c.notNull())
              .addColumn('max_amount_fen', money, (c) => c.notNull())
              .addColumn('day_of_month', 'integer', (c) => c.notNull())
              .addColumn('on_project_end', 'varchar(8)', (c) => c.notNull())
              .addColumn('channel', 'varchar(8)', (c) => c.notNull())
              .addColumn('anonymous', 'integer', (c) => c.notNull())
              .addColumn('display_name', 'varchar(40)')
              .addColumn('agreement_no', 'varchar(64)', (c) => c.unique())
              .addColumn('start_period', 'varchar(7)', (c) => c.notNull())
              .addColumn('created_at', time, (c) => c.notNull())
              .addColumn('signed_at', time)
              .addColumn('status_reason', 'text')
              .addColumn('cancelled_at', time)
              .addColumn('unsign_state', 'varchar(10)', (c) => c.notNull())
              .addCheckConstraint(
                'monthly_plans_status_known',
                sql`status in ('signing', 'active', 'paused', 'cancelled', 'ended')`,
              )
              .addCheckConstraint('monthly_plans_day', sql`day_of_month between 1 and 28`)
              .addCheckConstraint('monthly_plans_amount', sql`amount_fen > 0 and amount_fen <= max_amount_fen`)
              .addCheckConstraint('monthly_plans_end_rule', sql`on_project_end in ('continue', 'stop')`)
              .execute();
            await db.schema.createIndex('monthly_plans_status').on('monthly_plans').columns(['status']).execute();
            await db.schema
              .createIndex('monthly_plans_project')
              .on('monthly_plans')
              .columns(['project_slug', 'status'])
              .execute();
            await db.schema
              .createTable('plan_charges')
              .addColumn('plan_id', id, (c) => c.notNull().references('monthly_plans.id'))
              .addColumn('period', 'varchar(7)', (c) => c.notNull())
              // No reference to orders.id: the month is claimed (this row) before its order exists, so
              // that a crash between the two is finished by the next run (scheduler.ts, ensureOrder).
              .addColumn('order_id', id, (c) => c.notNull().unique())
              .addColumn('out_trade_no', 'varchar(64)', (c) => c.notNull().unique())
              .addColumn('project_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('amount_fen', money, (c) => c.notNull())
              .addColumn('state', 'varchar(8)', (c) => c.notNull())
              .addColumn('attempts', 'integer', (c) => c.notNull())
              .addColumn('failures', 'integer', (c) => c.notNull())
              .addColumn('next_attempt_at', time, (c) => c.notNull())
              .addColumn('lease_until', time)
              .addColumn('last_error', 'text')
              .addColumn('claimed_at', time, (c) => c.notNull())
              .addColumn('settled_at', time)
              .addPrimaryKeyConstraint('plan_charges_plan_period', ['plan_id', 'period'])
              .addCheckConstraint('plan_charges_state_known', sql`state in ('open', 'paid', 'failed', 'skipped')`)
              .execute();
            await db.schema
              .createIndex('plan_charges_open')
              .on('plan_charges')
              .columns(['state', 'next_attempt_at'])
              .execute();
            await db.schema
              .createTable('plan_events')
              .addColumn('id', id, (c) => c.primaryKey())
              .addColumn('plan_id', id, (c) => c.notNull().references('monthly_plans.id'))
              .addColumn('at', time, (c) => c.notNull())
              .addColumn('kind', 'varchar(32)', (c) => c.notNull())
              .addColumn('detail', 'text', (c) => c.notNull())
              .execute();
            await db.schema.createIndex('plan_events_plan').on('plan_events').columns(['plan_id', 'at']).execute();
          },
          async down(db: Kysely<unknown>) {
            await db.schema.dropTable('plan_events').ifExists().execute();
            await db.schema.dropTable('plan_charges').ifExists().execute();
            await db.schema.dropTable('monthly_plans').ifExists().execute();
          },
        },
      };
    },
  };
}

export async function migrateMonthly(ledger: Ledger): Promise<void> {
  await runMigrations(ledger, {
    provider: monthlyMigrations(ledger.dialect),
    table: 'monthly_migration',
    lockTable: 'monthly_migration_lock',
    label: '月捐数据表迁移',
  });
}
