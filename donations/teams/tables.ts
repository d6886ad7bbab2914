import type { Kysely, Transaction } from 'kysely';
import type { LedgerDatabase } from '../ledger/schema.ts';

/**
 * 一起捐 teams (issue 18), in the ledger's database with their own migration history. A gift made
 * through a team's link is linked by a side table keyed on the order (`team_orders`), written in
 * the order's own insert transaction (ledger/orders.ts `extra` rows).
 */
export type TeamStatus = 'open' | 'closed' | 'hidden';

export interface TeamsTable {
  id: string;
  project_slug: string;
  charity_slug: string;
  name: string;
  goal_fen: number;
  message: string | null;
  leader_name: string | null;
  /** SHA-256 of the leader's key (given once, at creation): closing the team needs it. */
  leader_key_hash: string;
  status: TeamStatus;
  sandbox: number;
  created_at: string;
  closed_at: string | null;
  hidden_at: string | null;
  hidden_reason: string | null;
}

export interface TeamOrdersTable {
  order_id: string;
  team_id: string;
}

/** A team hidden from the CMS (团队处理): one row per CMS entry, gone when the entry is deleted. */
export interface TeamModerationsTable {
  entry_id: string;
  team_id: string;
  charity_slug: string;
  reason: string;
  created_at: string;
}

type TeamTables = { teams: TeamsTable; team_orders: TeamOrdersTable; team_moderations: TeamModerationsTable };
export type TeamsDatabase = LedgerDatabase & TeamTables;

export function teamsDb(db: Kysely<LedgerDatabase>): Kysely<TeamsDatabase> {
  return db.withTables<TeamTables>();
}

export function teamsTrx(trx: Transaction<LedgerDatabase>): Transaction<TeamsDatabase> {
  return trx.withTables<TeamTables>();
}
