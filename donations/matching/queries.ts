import { type Kysely, sql } from 'kysely';
import type { FigureScope } from '../ledger/public-figures.ts';
import type { LedgerDatabase } from '../ledger/schema.ts';
import { matchingDb } from './tables.ts';

/**
 * Public 配捐 figures — sums only, never a buyer or an order. A match counts what the sponsor still
 * pledges (`amount_fen − returned_fen`); sandbox matches only while the portal runs on the sandbox.
 */
const pledged = sql<number>`cast(coalesce(sum(amount_fen - returned_fen), 0) as bigint)`;

/** Matched for each of `projects` (all pools), as a map (projects with none are absent). */
export async function matchedByProject(
  db: Kysely<LedgerDatabase>,
  projects: readonly string[],
  scope: FigureScope,
): Promise<Map<string, number>> {
  if (projects.length === 0) return new Map();
  let query = matchingDb(db)
    .selectFrom('matches')
    .select(['project_slug', pledged.as('n')])
    .where('project_slug', 'in', [...projects])
    .groupBy('project_slug');
  if (!scope.includeSandbox) query = query.where('sandbox', '=', 0);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.project_slug, Number(r.n)]));
}

export async function projectMatchedFen(db: Kysely<LedgerDatabase>, slug: string, scope: FigureScope): Promise<number> {
  return (await matchedByProject(db, [slug], scope)).get(slug) ?? 0;
}

/** What is pledged of each pool (the pool's own row: what the allocation reads and locks). */
export async function allocatedByPool(
  db: Kysely<LedgerDatabase>,
  pools: readonly string[],
): Promise<Map<string, number>> {
  if (pools.length === 0) return new Map();
  const rows = await matchingDb(db)
    .selectFrom('matching_pools')
    .select(['slug', 'allocated_fen', 'updated_at'])
    .where('slug', 'in', [...pools])
    .execute();
  return new Map(rows.map((r) => [r.slug, Number(r.allocated_fen)]));
}

/** Gifts and donors counted by a pool's matches (for open data: counts, no one named). */
export async function matchCounts(
  db: Kysely<LedgerDatabase>,
  pool: string,
): Promise<{ matchedGifts: number; unmatchedGifts: number }> {
  const row = await matchingDb(db)
    .selectFrom('matches')
    .select([
      sql<number>`sum(case when amount_fen - returned_fen > 0 then 1 else 0 end)`.as('m'),
      sql<number>`sum(case when amount_fen = 0 then 1 else 0 end)`.as('u'),
    ])
    .where('pool_slug', '=', pool)
    .executeTakeFirstOrThrow();
  return { matchedGifts: Number(row.m ?? 0), unmatchedGifts: Number(row.u ?? 0) };
}

/** The match decision of one gift (the result page: 配捐 X 元, or why none). */
export async function matchOfOrder(db: Kysely<LedgerDatabase>, orderId: string) {
  return matchingDb(db)
    .selectFrom('matches')
    .select(['pool_slug', 'amount_fen', 'returned_fen', 'limited_by'])
    .where('order_id', '=', orderId)
    .executeTakeFirst();
}

/** A pool's matches for the settlement statement, by charity when given. */
export async function settlementRows(
  db: Kysely<LedgerDatabase>,
  pool: string,
  charity: string | null,
  scope: FigureScope,
) {
  let query = matchingDb(db)
    .selectFrom('matches')
    .innerJoin('orders', 'orders.id', 'matches.order_id')
    .select([
      'matches.charity_slug',
      'matches.project_slug',
      'orders.out_trade_no',
      'matches.paid_day',
      'matches.gift_fen',
      'orders.refunded_fen',
      'matches.amount_fen',
      'matches.returned_fen',
      'matches.limited_by',
    ])
    .where('matches.pool_slug', '=', pool)
    .where('matches.amount_fen', '>', 0)
    .orderBy('matches.charity_slug')
    .orderBy('matches.paid_day')
    .orderBy('orders.out_trade_no');
  if (charity) query = query.where('matches.charity_slug', '=', charity);
  if (!scope.includeSandbox) query = query.where('matches.sandbox', '=', 0);
  return query.execute();
}
