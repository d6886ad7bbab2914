import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadEnv } from './env.ts';

/** PostgreSQL when DATABASE_URL is set (optionally in DATABASE_SCHEMA), SQLite under `.data/cms/` otherwise. */
export default () => {
  const { database } = loadEnv();
  if (database.client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: { connectionString: database.url, ...(database.schema ? { schema: database.schema } : {}) },
        pool: { min: 0, max: 10 },
      },
    };
  }
  mkdirSync(dirname(database.filename), { recursive: true });
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: database.filename },
      useNullAsDefault: true,
      pool: {
        // WAL: readers don't block the writer, and a commit is one append instead of a journal
        // rewrite; synchronous=NORMAL is crash-safe in WAL mode (a power cut may lose the last
        // commits, never corrupt the file). Makes the seed import and editors' saves cheaper.
        afterCreate(conn: { pragma(sql: string): unknown }, done: (error: Error | null, conn: unknown) => void) {
          try {
            conn.pragma('journal_mode = WAL');
            conn.pragma('synchronous = NORMAL');
            done(null, conn);
          } catch (error) {
            done(error as Error, conn);
          }
        },
      },
    },
  };
};
