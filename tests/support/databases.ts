import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { pgUnavailableReason } from '../../bench/harness/pg-reachable.ts';

/**
 * The databases integration tests run against: always SQLite (a temp file), and PostgreSQL at
 * 127.0.0.1:5432 database `test` (trust auth; override with XIANJIE_TEST_PG_URL) in a fresh schema
 * per boot, dropped afterwards. When PostgreSQL is not reachable its tests are skipped with the
 * reason printed; on CI it is reachable.
 */

export type DatabaseTarget = { kind: 'sqlite' } | { kind: 'postgres'; url: string };

export const PG_URL = process.env.XIANJIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

// pg is a dependency of the CMS workspace; load it from there.
const requireFromCms = createRequire(fileURLToPath(new URL('../../cms/package.json', import.meta.url)));
const { Client } = requireFromCms('pg') as { Client: new (o: { connectionString: string }) => PgClient };

async function withClient<T>(url: string, work: (c: PgClient) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const pgReason = await pgUnavailableReason(PG_URL);
if (pgReason) console.warn(`跳过 PostgreSQL 集成测试：${pgReason}`);

/** The targets for `describe.each`, with a skip reason for those that are unavailable. */
export const DATABASES: { name: string; target: DatabaseTarget; skip: string | null }[] = [
  { name: 'sqlite', target: { kind: 'sqlite' }, skip: null },
  { name: 'postgres', target: { kind: 'postgres', url: PG_URL }, skip: pgReason },
];

export async function createPgSchema(url: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `xianjie_test_${randomBytes(6).toString('hex')}`;
  await withClient(url, (c) => c.query(`create schema "${schema}"`));
  return {
    schema,
    drop: () => withClient(url, (c) => c.query(`drop schema if exists "${schema}" cascade`)).then(() => undefined),
  };
}
