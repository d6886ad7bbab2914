import pg from 'pg';

/**
 * Why PostgreSQL at `url` can't be used (in Chinese, with the URL), or null when it answers a
 * query. No side effects at import, so benchmarks can use it too.
 */
export async function pgUnavailableReason(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL 不可用（${url}）：${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}
