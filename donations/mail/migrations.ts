import { type Kysely, type MigrationProvider, sql } from 'kysely';
import { ledgerColumnTypes } from '../ledger/column-types.ts';
import { type Ledger, runMigrations } from '../ledger/open-ledger.ts';

/**
 * The mail tables live in the ledger's database but have their own migration history
 * (`mail_migration`), so they neither depend on nor reorder the ledger's or the reports' migrations.
 */
function mailMigrations(dialect: Ledger['dialect']): MigrationProvider {
  // The ledger's column types (ledger/column-types.ts): these tables sit in its database.
  const { id, time } = ledgerColumnTypes(dialect);
  return {
    async getMigrations() {
      return {
        '0001_mail': {
          async up(db: Kysely<unknown>) {
            await db.schema
              .createTable('mail_subscriptions')
              .addColumn('id', id, (c) => c.primaryKey())
              .addColumn('project_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('email_enc', 'text', (c) => c.notNull())
              .addColumn('email_hash', 'varchar(64)', (c) => c.notNull())
              .addColumn('state', 'varchar(16)', (c) => c.notNull())
              .addColumn('created_at', time, (c) => c.notNull())
              .addColumn('confirm_sent_at', time, (c) => c.notNull())
              .addColumn('confirmed_at', time)
              .addColumn('unsubscribed_at', time)
              .addUniqueConstraint('mail_subscriptions_project_email', ['project_slug', 'email_hash'])
              .addCheckConstraint('mail_subscriptions_state', sql`state in ('pending', 'confirmed', 'unsubscribed')`)
              .execute();
            await db.schema
              .createTable('mail_releases')
              .addColumn('release_id', 'varchar(64)', (c) => c.primaryKey())
              .addColumn('handled_at', time, (c) => c.notNull())
              .addColumn('queued', 'integer', (c) => c.notNull())
              .execute();
            await db.schema
              .createTable('mail_queue')
              .addColumn('id', id, (c) => c.primaryKey())
              .addColumn('idempotency_key', 'varchar(200)', (c) => c.notNull().unique())
              .addColumn('kind', 'varchar(16)', (c) => c.notNull())
              .addColumn('subscription_id', id, (c) => c.notNull().references('mail_subscriptions.id'))
              .addColumn('project_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('release_id', 'varchar(64)')
              .addColumn('payload', 'text', (c) => c.notNull())
              .addColumn('created_at', time, (c) => c.notNull())
              .addColumn('attempts', 'integer', (c) => c.notNull())
              .addColumn('next_attempt_at', time, (c) => c.notNull())
              .addColumn('lease_until', time)
              .addColumn('sent_at', time)
              .addColumn('dropped_at', time)
              .addColumn('message_id', 'varchar(200)', (c) => c.notNull())
              .addColumn('last_error', 'text')
              .addCheckConstraint('mail_queue_kind', sql`kind in ('confirm', 'update')`)
              .execute();
            await db.schema
              .createIndex('mail_queue_due')
              .on('mail_queue')
              .columns(['sent_at', 'dropped_at', 'next_attempt_at'])
              .execute();
            await db.schema
              .createTable('mail_attempts')
              .addColumn('queue_id', id, (c) => c.notNull().references('mail_queue.id'))
              .addColumn('attempt', 'integer', (c) => c.notNull())
              .addColumn('at', time, (c) => c.notNull())
              .addColumn('ok', 'integer', (c) => c.notNull())
              .addColumn('error', 'text')
              .addPrimaryKeyConstraint('mail_attempts_pk', ['queue_id', 'attempt'])
              .execute();
          },
          async down(db: Kysely<unknown>) {
            for (const table of ['mail_attempts', 'mail_queue', 'mail_releases', 'mail_subscriptions']) {
              await db.schema.dropTable(table).ifExists().execute();
            }
          },
        },
      };
    },
  };
}

export async function migrateMail(ledger: Ledger): Promise<void> {
  await runMigrations(ledger, {
    provider: mailMigrations(ledger.dialect),
    table: 'mail_migration',
    lockTable: 'mail_migration_lock',
    label: '邮件数据表迁移',
  });
}
