import { type Kysely, type MigrationProvider, sql } from 'kysely';
import { ledgerColumnTypes } from '../ledger/column-types.ts';
import { type Ledger, runMigrations } from '../ledger/open-ledger.ts';

/** The 一起捐 tables' own migration history (`teams_migration`). */
function teamsMigrations(dialect: Ledger['dialect']): MigrationProvider {
  // The ledger's column types (ledger/column-types.ts): these tables sit in its database.
  const { id, time, money } = ledgerColumnTypes(dialect);
  return {
    async getMigrations() {
      return {
        '0001_teams': {
          async up(db: Kysely<unknown>) {
            await db.schema
              .createTable('teams')
              .addColumn('id', 'varchar(12)', (c) => c.primaryKey())
              .addColumn('project_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('charity_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('name', 'varchar(40)', (c) => c.notNull())
              .addColumn('goal_fen', money, (c) => c.notNull())
              .addColumn('message', 'varchar(400)')
              .addColumn('leader_name', 'varchar(40)')
              .addColumn('leader_key_hash', 'varchar(64)', (c) => c.notNull())
              .addColumn('status', 'varchar(8)', (c) => c.notNull())
              .addColumn('sandbox', 'integer', (c) => c.notNull())
              .addColumn('created_at', time, (c) => c.notNull())
              .addColumn('closed_at', time)
              .addColumn('hidden_at', time)
              .addColumn('hidden_reason', 'varchar(200)')
              .addCheckConstraint('teams_status', sql`status in ('open', 'closed', 'hidden')`)
              .execute();
            await db.schema.createIndex('teams_project').on('teams').columns(['project_slug', 'status']).execute();
            await db.schema
              .createTable('team_orders')
              .addColumn('order_id', id, (c) => c.primaryKey().references('orders.id'))
              .addColumn('team_id', 'varchar(12)', (c) => c.notNull().references('teams.id'))
              .execute();
            await db.schema.createIndex('team_orders_team').on('team_orders').column('team_id').execute();
          },
          async down(db: Kysely<unknown>) {
            await db.schema.dropTable('team_orders').ifExists().execute();
            await db.schema.dropTable('teams').ifExists().execute();
          },
        },
        // 团队处理 (CMS): one row per CMS entry that hides a team; deleting the entry deletes the row.
        '0002_team_moderations': {
          async up(db: Kysely<unknown>) {
            await db.schema
              .createTable('team_moderations')
              .addColumn('entry_id', 'varchar(64)', (c) => c.primaryKey())
              .addColumn('team_id', 'varchar(12)', (c) => c.notNull().references('teams.id'))
              .addColumn('charity_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('reason', 'varchar(40)', (c) => c.notNull())
              .addColumn('created_at', time, (c) => c.notNull())
              .execute();
            await db.schema.createIndex('team_moderations_team').on('team_moderations').column('team_id').execute();
          },
          async down(db: Kysely<unknown>) {
            await db.schema.dropTable('team_moderations').ifExists().execute();
          },
        },
      };
    },
  };
}

export async function migrateTeams(ledger: Ledger): Promise<void> {
  await runMigrations(ledger, {
    provider: teamsMigrations(ledger.dialect),
    table: 'teams_migration',
    lockTable: 'teams_migration_lock',
    label: '一起捐数据表迁移',
  });
}
