import { type Kysely, type MigrationProvider, sql } from 'kysely';

/**
 * The workbench's own migration history (`referrals_migration`), apart from the ledger's. The
 * audit log refuses UPDATE and DELETE in the database itself (a trigger on each), so no code path
 * — ours or a careless script's — can rewrite who read what.
 */
export function workbenchMigrations(dialect: 'sqlite' | 'postgres'): MigrationProvider {
  return {
    async getMigrations() {
      return {
        '0001_workbench': {
          async up(db: Kysely<unknown>) {
            await db.schema
              .createTable('wb_accounts')
              .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
              .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
              .addColumn('display_name', 'varchar(80)', (c) => c.notNull())
              .addColumn('role', 'varchar(20)', (c) => c.notNull())
              .addColumn('region_code', 'varchar(6)')
              .addColumn('charity_slug', 'varchar(120)')
              .addColumn('password_hash', 'text', (c) => c.notNull())
              .addColumn('totp_secret_enc', 'text')
              .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
              .addColumn('locked_until', 'varchar(40)')
              .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
              .addCheckConstraint('wb_accounts_role', sql`role in ('civil-affairs', 'charity', 'ministry')`)
              .execute();
            await db.schema
              .createTable('wb_sessions')
              .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
              .addColumn('account_id', 'varchar(40)', (c) => c.notNull().references('wb_accounts.id'))
              .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
              .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
              .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
              .execute();
            let referrals = db.schema
              .createTable('wb_referrals')
              .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
              .addColumn('reference', 'varchar(20)', (c) => c.notNull().unique());
            for (const col of [
              'direction',
              'province_code',
              'county_code',
              'target_group',
              'urgency',
              'gov_assistance',
              'status',
              'created_by',
              'created_on',
              'created_at',
              'consent_on',
              'consent_until',
              'consent_relation',
              'consent_fields',
            ]) {
              referrals = referrals.addColumn(col, 'varchar(200)', (c) => c.notNull());
            }
            for (const col of [
              'service_type',
              'assistance_kind',
              'reporter_charity',
              'accepted_on',
              'closed_on',
              'purged_at',
            ]) {
              referrals = referrals.addColumn(col, 'varchar(120)');
            }
            referrals = referrals
              .addColumn('household_size', 'integer', (c) => c.notNull())
              .addColumn('minor', 'integer', (c) => c.notNull());
            for (const col of [
              'consent_by_enc',
              'guardian_enc',
              'name_enc',
              'id_number_enc',
              'phone_enc',
              'address_enc',
              'notes_enc',
              'gov_reason_enc',
              'outcome_note_enc',
            ]) {
              referrals = referrals.addColumn(col, 'text');
            }
            await referrals.execute();
            await db.schema
              .createIndex('wb_referrals_county')
              .on('wb_referrals')
              .columns(['county_code', 'status'])
              .execute();
            await db.schema
              .createTable('wb_offers')
              .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
              .addColumn('referral_id', 'varchar(40)', (c) => c.notNull().references('wb_referrals.id'))
              .addColumn('charity_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('project_slug', 'varchar(120)')
              .addColumn('rank', 'integer', (c) => c.notNull())
              .addColumn('state', 'varchar(12)', (c) => c.notNull())
              .addColumn('offered_on', 'varchar(10)')
              .addColumn('deadline', 'varchar(10)')
              .addColumn('decided_on', 'varchar(10)')
              .addColumn('reason_enc', 'text')
              .addUniqueConstraint('wb_offers_rank', ['referral_id', 'rank'])
              .execute();
            await db.schema
              .createIndex('wb_offers_charity')
              .on('wb_offers')
              .columns(['charity_slug', 'state'])
              .execute();
            await db.schema
              .createTable('wb_help')
              .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
              .addColumn('referral_id', 'varchar(40)', (c) => c.notNull().references('wb_referrals.id'))
              .addColumn('charity_slug', 'varchar(120)', (c) => c.notNull())
              .addColumn('kind', 'varchar(20)', (c) => c.notNull())
              .addColumn('amount_fen', 'integer')
              .addColumn('started_on', 'varchar(10)', (c) => c.notNull())
              .addColumn('ended_on', 'varchar(10)')
              .addColumn('note_enc', 'text')
              .addColumn('recorded_by', 'varchar(40)', (c) => c.notNull())
              .addColumn('recorded_at', 'varchar(40)', (c) => c.notNull())
              .addCheckConstraint('wb_help_amount', sql`amount_fen is null or amount_fen > 0`)
              .execute();
            await db.schema
              .createTable('wb_audit')
              .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
              .addColumn('at', 'varchar(40)', (c) => c.notNull())
              .addColumn('account_id', 'varchar(40)', (c) => c.notNull())
              .addColumn('role', 'varchar(20)', (c) => c.notNull())
              .addColumn('action', 'varchar(40)', (c) => c.notNull())
              .addColumn('referral_id', 'varchar(40)')
              .addColumn('fields', 'varchar(400)', (c) => c.notNull())
              .addColumn('county_code', 'varchar(6)')
              .addColumn('province_code', 'varchar(6)')
              .execute();
            await db.schema.createIndex('wb_audit_at').on('wb_audit').columns(['at']).execute();
            if (dialect === 'sqlite') {
              for (const op of ['UPDATE', 'DELETE']) {
                await sql
                  .raw(
                    `create trigger wb_audit_no_${op.toLowerCase()} before ${op} on wb_audit begin select raise(abort, 'wb_audit is append-only'); end`,
                  )
                  .execute(db);
              }
            } else {
              await sql
                .raw(
                  `create function wb_audit_append_only() returns trigger language plpgsql as $$ begin raise exception 'wb_audit is append-only'; end $$`,
                )
                .execute(db);
              await sql
                .raw(
                  'create trigger wb_audit_no_change before update or delete on wb_audit for each statement execute function wb_audit_append_only()',
                )
                .execute(db);
            }
          },
        },
      };
    },
  };
}
