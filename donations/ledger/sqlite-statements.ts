import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';

/**
 * better-sqlite3 for Kysely's SqliteDialect, with its prepared statements kept. Kysely's SQLite
 * driver calls `prepare(sql)` for every query it runs — begin, each insert, commit — and SQLite
 * then parses and plans the same few statements for every order (issue 14: a tenth of a
 * millisecond per donation). The ledger's queries are a small fixed set of SQL texts (values are
 * always bound parameters), so the statements are cached by their text, at most `max` of them,
 * least recently used out first. SQLite re-prepares a cached statement by itself after a schema
 * change (migrations), and a statement still being iterated (`busy`: a streamed query) is never
 * handed out twice — that query gets a fresh one.
 */
export function cachedStatements(
  database: Database.Database,
  max = 256,
): { close(): void; prepare(sql: string): Database.Statement } {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string): Database.Statement {
      const known = statements.get(sql);
      if (known && !known.busy) {
        statements.delete(sql);
        statements.set(sql, known);
        return known;
      }
      const statement = database.prepare(sql);
      if (!known) {
        statements.set(sql, statement);
        if (statements.size > max) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
  };
}

/**
 * The SQLite connection under a ledger's Kysely instance, for the one hot write that runs as a
 * native better-sqlite3 transaction (`insertOrder`). Only ledgers opened by `openLedger` on SQLite
 * are registered; PostgreSQL ledgers (and Kysely transactions) are not, and keep the Kysely path.
 */
export interface NativeSqlite {
  database: Database.Database;
  prepare(sql: string): Database.Statement;
}

const natives = new WeakMap<object, NativeSqlite>();

export function registerNativeSqlite<DB>(db: Kysely<DB>, native: NativeSqlite): void {
  natives.set(db, native);
}

export function nativeSqliteOf(db: object): NativeSqlite | undefined {
  return natives.get(db);
}

/**
 * Runs `write` as one native SQLite transaction while holding Kysely's connection: the SQLite
 * driver serialises every query and transaction through that one connection, so a Kysely
 * transaction paused at an `await` elsewhere can never interleave with this one. `write` is
 * synchronous (better-sqlite3), so the transaction is atomic within the event loop too.
 */
export async function inNativeTransaction<DB>(
  db: Kysely<DB>,
  native: NativeSqlite,
  write: (run: (table: string, row: Record<string, unknown>) => void) => void,
): Promise<void> {
  await db.connection().execute(async () => {
    native.database.transaction(() =>
      write((table, row) => {
        const columns = Object.keys(row);
        const sql = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
        native.prepare(sql).run(Object.values(row));
      }),
    )();
  });
}
