import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { ReferralsConfig } from '../config.ts';
import { workbenchMigrations } from './migrations.ts';
import type { WorkbenchDatabase } from './schema.ts';

export interface WorkbenchDb {
  db: Kysely<WorkbenchDatabase>;
  dialect: 'sqlite' | 'postgres';
  schema: string | null;
  close(): Promise<void>;
}

/**
 * Opens and migrates the workbench's database: its own SQLite file (WAL) by default, or its own
 * schema in PostgreSQL. Its history table is `referrals_migration`, so it never reorders another
 * room's migrations even when they share a database.
 */
export async function openWorkbenchDb(target: ReferralsConfig['database']): Promise<WorkbenchDb> {
  let handle: WorkbenchDb;
  if (target.kind === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true, mode: 0o700 });
    const sqlite = new Database(target.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<WorkbenchDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
    handle = { db, dialect: 'sqlite', schema: null, close: () => db.destroy() };
  } else {
    const pool = new pg.Pool({
      connectionString: target.connectionString,
      max: 5,
      options: `-c search_path=${target.schema}`,
    });
    const client = await pool.connect();
    try {
      await client.query(`create schema if not exists "${target.schema}"`);
    } finally {
      client.release();
    }
    const db = new Kysely<WorkbenchDatabase>({ dialect: new PostgresDialect({ pool }) });
    handle = { db, dialect: 'postgres', schema: target.schema, close: () => db.destroy() };
  }
  const migrator = new Migrator({
    db: handle.db,
    provider: workbenchMigrations(handle.dialect),
    migrationTableName: 'referrals_migration',
    migrationLockTableName: 'referrals_migration_lock',
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await handle.close();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`衔接工作台数据表迁移 ${failed} 失败：${(error as Error).message ?? String(error)}`, {
      cause: error,
    });
  }
  return handle;
}
