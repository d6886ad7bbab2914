import { sql } from 'kysely';

/**
 * Column types of the ledger's migrations: they differ only where the databases do (`bigint`,
 * `uuid`, `timestamptz` in PostgreSQL).
 */
export type LedgerDialect = 'sqlite' | 'postgres';

export function ledgerColumnTypes(dialect: LedgerDialect) {
  const pg = dialect === 'postgres';
  return {
    id: pg ? ('uuid' as const) : ('text' as const),
    money: pg ? ('bigint' as const) : ('integer' as const),
    time: pg ? sql`timestamptz` : sql`text`,
  };
}
