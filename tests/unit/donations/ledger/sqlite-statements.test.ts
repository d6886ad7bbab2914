import Database from 'better-sqlite3';
import { type Generated, Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cachedStatements,
  inNativeTransaction,
  nativeSqliteOf,
  registerNativeSqlite,
} from '../../../../donations/ledger/sqlite-statements.ts';

interface Db {
  t: { id: Generated<number>; v: string };
}

const open: Kysely<Db>[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.destroy();
});

function ledgerLike() {
  const sqlite = new Database(':memory:');
  sqlite.exec('create table t (id integer primary key, v text not null)');
  const statements = cachedStatements(sqlite, 2);
  const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: statements }) });
  registerNativeSqlite(db, { database: sqlite, prepare: (sql) => statements.prepare(sql) });
  open.push(db);
  return { sqlite, statements, db };
}

describe('cachedStatements', () => {
  it('hands out the same prepared statement for the same SQL, and keeps at most `max`', () => {
    const { statements } = ledgerLike();
    const a = statements.prepare('select 1');
    expect(statements.prepare('select 1')).toBe(a);
    statements.prepare('select 2');
    statements.prepare('select 3'); // evicts `select 1`, the least recently used
    expect(statements.prepare('select 1')).not.toBe(a);
  });

  it('never hands out a statement that is still being iterated', () => {
    const { sqlite, statements } = ledgerLike();
    sqlite.exec("insert into t (v) values ('a'), ('b')");
    const first = statements.prepare('select v from t');
    const iterator = first.iterate();
    iterator.next();
    const second = statements.prepare('select v from t');
    expect(second).not.toBe(first);
    expect(second.all()).toHaveLength(2);
    iterator.return?.();
  });

  it('serves Kysely queries unchanged', async () => {
    const { db } = ledgerLike();
    await db.insertInto('t').values({ v: 'x' }).execute();
    await db.insertInto('t').values({ v: 'y' }).execute();
    expect(await db.selectFrom('t').select('v').orderBy('id').execute()).toEqual([{ v: 'x' }, { v: 'y' }]);
  });
});

describe('inNativeTransaction', () => {
  it('writes all rows or none', async () => {
    const { db } = ledgerLike();
    const native = nativeSqliteOf(db);
    if (!native) throw new Error('not registered');
    await inNativeTransaction(db, native, (insert) => {
      insert('t', { v: 'a' });
      insert('t', { v: 'b' });
    });
    await expect(
      inNativeTransaction(db, native, (insert) => {
        insert('t', { v: 'c' });
        insert('t', { v: null });
      }),
    ).rejects.toThrow(/NOT NULL/);
    expect((await db.selectFrom('t').select('v').execute()).map((r) => r.v)).toEqual(['a', 'b']);
  });

  it('waits for a Kysely transaction paused at an await instead of joining it', async () => {
    const { db } = ledgerLike();
    const native = nativeSqliteOf(db);
    if (!native) throw new Error('not registered');
    let release = () => {};
    const paused = new Promise<void>((resolve) => {
      release = resolve;
    });
    const kysely = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ v: 'in trx' }).execute();
      await paused;
      throw new Error('rolled back');
    });
    const nativeWrite = inNativeTransaction(db, native, (insert) => insert('t', { v: 'native' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await expect(kysely).rejects.toThrow('rolled back');
    await nativeWrite;
    expect((await db.selectFrom('t').select('v').execute()).map((r) => r.v)).toEqual(['native']);
  });

  it('is not offered for a database it was not registered for', () => {
    expect(nativeSqliteOf({})).toBeUndefined();
  });
});
