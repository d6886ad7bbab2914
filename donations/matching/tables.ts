import type { Kysely, Transaction } from 'kysely';
import type { LedgerDatabase } from '../ledger/schema.ts';

/**
 * The 配捐 tables (issue 18), in the ledger's database with their own migration history
 * (`migrations.ts`). A match is a sponsor's pledge, never money the portal holds: its own ledger
 * table, linked to the gift by order id (no column on `orders`).
 */
export interface MatchingPoolsTable {
  slug: string;
  /** The published pool total (the snapshot's, kept in step at each allocation). */
  total_fen: number;
  /** Matched and not returned: only ever ≤ total_fen when it grows. */
  allocated_fen: number;
  updated_at: string;
}

export interface MatchesTable {
  /** One match decision per paid gift (also when nothing was matched: the result page says why). */
  order_id: string;
  pool_slug: string;
  project_slug: string;
  charity_slug: string;
  /** Keyed hash of the Alipay buyer id (buyer-identifiers.ts); null when the notify carried none. */
  buyer_ref: string | null;
  /** The paid day in China time (YYYY-MM-DD): the per-donor cap is per day. */
  paid_day: string;
  gift_fen: number;
  /** Pledged at payment; `returned_fen` of it went back to the pool with refunds. */
  amount_fen: number;
  returned_fen: number;
  /** `rule` when the rule alone decided, else the cap that cut it (content/rules/match-rule.ts). */
  limited_by: string;
  sandbox: number;
  created_at: string;
  returned_at: string | null;
}

export interface MatchingDatabase extends LedgerDatabase {
  matching_pools: MatchingPoolsTable;
  matches: MatchesTable;
}

export function matchingDb(db: Kysely<LedgerDatabase>): Kysely<MatchingDatabase> {
  return db.withTables<{ matching_pools: MatchingPoolsTable; matches: MatchesTable }>();
}

export function matchingTrx(trx: Transaction<LedgerDatabase>): Transaction<MatchingDatabase> {
  return trx.withTables<{ matching_pools: MatchingPoolsTable; matches: MatchesTable }>();
}
