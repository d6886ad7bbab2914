import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, type MigrationProvider, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DonationsConfig } from '../config.ts';
import { type LedgerDialect, type LedgerMigrationOptions, ledgerMigrations } from './migrations.ts';
import type { LedgerDatabase } from './schema.ts';
import { cachedStatements, registerNativeSqlite } from './sqlite-statements.ts';

export interface Ledger {
  db: Kysely<LedgerDatabase>;
  dialect: LedgerDialect;
  /** PostgreSQL schema of the ledger (null on SQLite). */
  schema?: string | null;
  close(): Promise<void>;
}

const MIGRATION_TABLE = 'donations_migration';
const MIGRATION_LOCK_TABLE = 'donations_migration_lock';

const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;

/**
 * PostgreSQL answers `bigint` as a string and `timestamptz` as a Date; the ledger's program uses
 * safe integers and ISO strings on both databases, so this pool parses them that way. A sum that
 * would not fit a safe integer is an error, never a silently rounded number.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) {
      return (value: string) => {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} 超出安全整数范围`);
        return n;
      };
    }
    if (oid === TIMESTAMPTZ_OID) {
      const parseDate = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (v: string) => Date;
      return (value: string) => parseDate(value).toISOString();
    }
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloads are keyed by format literal.
    return pg.types.getTypeParser(oid, format as any);
  },
};

export type LedgerTarget = DonationsConfig['ledger'];

export interface OpenLedgerOptions extends Partial<LedgerMigrationOptions> {
  /** Migrate only up to this migration (tests of a migration start from the schema before it). */
  upTo?: string;
}

/**
 * Opens (and migrates) the ledger: SQLite in WAL mode by default, PostgreSQL when configured.
 * `buyerRef` hashes the buyer ids of existing events when 0002 runs (else they are dropped).
 */
export async function openLedger(target: LedgerTarget, options: OpenLedgerOptions = {}): Promise<Ledger> {
  let ledger: Ledger;
  if (target.kind === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const sqlite = new Database(target.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const statements = cachedStatements(sqlite);
    const db = new Kysely<LedgerDatabase>({ dialect: new SqliteDialect({ database: statements }) });
    registerNativeSqlite(db, { database: sqlite, prepare: (sql) => statements.prepare(sql) });
    ledger = { db, dialect: 'sqlite', close: () => db.destroy() };
  } else {
    const schema = target.schema;
    const pool = new pg.Pool({
      connectionString: target.connectionString,
      max: 10,
      options: `-c search_path=${schema}`,
      types: pgTypes,
    });
    const client = await pool.connect();
    try {
      await client.query(`create schema if not exists "${schema}"`);
    } finally {
      client.release();
    }
    const db = new Kysely<LedgerDatabase>({ dialect: new PostgresDialect({ pool }) });
    ledger = { db, dialect: 'postgres', schema, close: () => db.destroy() };
  }
  try {
    await migrateLedgerTo(ledger, options.upTo ?? null, { buyerRef: options.buyerRef ?? null });
  } catch (error) {
    await ledger.close();
    throw error;
  }
  return ledger;
}

export async function migrateLedger(ledger: Ledger, options?: LedgerMigrationOptions): Promise<void> {
  await migrateLedgerTo(ledger, null, options);
}

/** Migrates to `target` (a migration name), or to the latest when null (tests start from an older schema). */
export async function migrateLedgerTo(
  ledger: Ledger,
  target: string | null,
  options?: LedgerMigrationOptions,
): Promise<void> {
  await runMigrations(
    ledger,
    {
      provider: ledgerMigrations(ledger.dialect, options),
      table: MIGRATION_TABLE,
      lockTable: MIGRATION_LOCK_TABLE,
      label: '捐赠账本迁移',
    },
    target,
  );
}

/**
 * Runs a migration set to `target` (latest when null) on the ledger's database. Each set keeps its
 * own history table, so a module with tables of its own (reports/) never reorders the ledger's.
 */
export async function runMigrations(
  ledger: Ledger,
  set: { provider: MigrationProvider; table: string; lockTable: string; label: string },
  target: string | null = null,
): Promise<void> {
  const migrator = new Migrator({
    db: ledger.db,
    provider: set.provider,
    migrationTableName: set.table,
    migrationLockTableName: set.lockTable,
    // Named, or Kysely takes a history table of the same name in ANY schema of the database for
    // ours (it matches table names only), and then fails to find it on our search_path.
    ...(ledger.schema ? { migrationTableSchema: ledger.schema } : {}),
  });
  const { error, results } = target === null ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`${set.label} ${failed} 失败：${(error as Error).message ?? String(error)}`, { cause: error });
  }
}

/** True for a unique-constraint violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
