import type { Transaction } from 'kysely';
import { decideMatch, type MatchingPool, type MatchLimit, poolsFor, todayIso } from '../../content/index.ts';
import type { LedgerDialect } from '../ledger/migrations.ts';
import type { LedgerDatabase } from '../ledger/schema.ts';
import { type MatchingDatabase, matchingTrx } from './tables.ts';

/**
 * Allocates a paid gift's match inside the transaction that marks it paid (ledger-hooks.ts).
 *
 * Never beyond a cap or the pool, with any number of API processes: the pool's row is locked
 * first (PostgreSQL `SELECT … FOR UPDATE`; SQLite runs one write transaction at a time), so the
 * donor's and the project's sums read next cannot change until this transaction ends; the pool's
 * UPDATE is conditional as well (`allocated_fen + x <= total_fen`), and a CHECK keeps the amounts
 * sane. Pools are tried and locked in slug order (no deadlocks between two gifts); the first that
 * gives anything takes the gift. A gift no pool can match (exhausted, capped) is recorded with 0
 * and the reason, so the result page can say so honestly.
 */
export interface PaidGift {
  orderId: string;
  projectSlug: string;
  projectCampaigns: readonly string[];
  charitySlug: string;
  amountFen: number;
  sandbox: boolean;
  buyerRef: string | null;
  paidAt: string;
  at: string;
}

export type MatchOutcome = { poolSlug: string; amountFen: number; limitedBy: MatchLimit | 'no-donor-id' } | null;

async function lockPool(
  trx: Transaction<MatchingDatabase>,
  dialect: LedgerDialect,
  pool: MatchingPool,
  at: string,
): Promise<number> {
  await trx
    .insertInto('matching_pools')
    .values({ slug: pool.slug, total_fen: pool.totalFen, allocated_fen: 0, updated_at: at })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  let query = trx.selectFrom('matching_pools').select(['allocated_fen', 'total_fen']).where('slug', '=', pool.slug);
  if (dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirstOrThrow();
  if (Number(row.total_fen) !== pool.totalFen) {
    // The published total changed (an editor raised or lowered it): the new one rules from now on.
    await trx
      .updateTable('matching_pools')
      .set({ total_fen: pool.totalFen, updated_at: at })
      .where('slug', '=', pool.slug)
      .execute();
  }
  return Math.max(0, pool.totalFen - Number(row.allocated_fen));
}

async function usedFen(
  trx: Transaction<MatchingDatabase>,
  poolSlug: string,
  where: { buyerRef: string; day: string } | { projectSlug: string },
): Promise<number> {
  let query = trx
    .selectFrom('matches')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(eb('amount_fen', '-', eb.ref('returned_fen'))), eb.lit(0)).as('n'))
    .where('pool_slug', '=', poolSlug);
  query =
    'buyerRef' in where
      ? query.where('buyer_ref', '=', where.buyerRef).where('paid_day', '=', where.day)
      : query.where('project_slug', '=', where.projectSlug);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function allocateMatch(
  ledgerTrx: Transaction<LedgerDatabase>,
  dialect: LedgerDialect,
  pools: readonly MatchingPool[],
  gift: PaidGift,
): Promise<MatchOutcome> {
  const day = todayIso(new Date(gift.paidAt));
  const candidates = poolsFor(pools, { slug: gift.projectSlug, campaigns: gift.projectCampaigns }, day);
  if (candidates.length === 0) return null;
  const trx = matchingTrx(ledgerTrx);
  let first: MatchOutcome = null;
  for (const pool of candidates) {
    const poolLeftFen = await lockPool(trx, dialect, pool, gift.at);
    // The per-donor cap needs to know the donor: a gift whose notify named no buyer is not matched.
    const decision = gift.buyerRef
      ? decideMatch(pool, gift.amountFen, {
          poolLeftFen,
          donorDayFen: await usedFen(trx, pool.slug, { buyerRef: gift.buyerRef, day }),
          projectFen: await usedFen(trx, pool.slug, { projectSlug: gift.projectSlug }),
        })
      : { amountFen: 0, limitedBy: 'no-donor-id' as const };
    first ??= { poolSlug: pool.slug, ...decision };
    if (decision.amountFen > 0) {
      const updated = await trx
        .updateTable('matching_pools')
        .set((eb) => ({ allocated_fen: eb('allocated_fen', '+', decision.amountFen), updated_at: gift.at }))
        .where('slug', '=', pool.slug)
        .where((eb) => eb(eb('allocated_fen', '+', decision.amountFen), '<=', eb.ref('total_fen')))
        .executeTakeFirst();
      // The lock makes this impossible; if it ever happens the payment write rolls back and is retried.
      if (Number(updated.numUpdatedRows) !== 1) throw new Error(`配捐池 ${pool.slug} 余额不足，已回滚`);
      await insertMatch(trx, pool.slug, gift, day, decision);
      return { poolSlug: pool.slug, ...decision };
    }
  }
  if (first) await insertMatch(trx, first.poolSlug, gift, day, first);
  return first;
}

async function insertMatch(
  trx: Transaction<MatchingDatabase>,
  poolSlug: string,
  gift: PaidGift,
  day: string,
  decision: { amountFen: number; limitedBy: string },
): Promise<void> {
  await trx
    .insertInto('matches')
    .values({
      order_id: gift.orderId,
      pool_slug: poolSlug,
      project_slug: gift.projectSlug,
      charity_slug: gift.charitySlug,
      buyer_ref: gift.buyerRef,
      paid_day: day,
      gift_fen: gift.amountFen,
      amount_fen: decision.amountFen,
      returned_fen: 0,
      limited_by: decision.limitedBy,
      sandbox: gift.sandbox ? 1 : 0,
      created_at: gift.at,
      returned_at: null,
    })
    .execute();
}

/**
 * A refund returns its share of the match to the pool: after the refund the gift keeps
 * `floor(match × net ÷ amount)` (a full refund returns all of it). Same transaction as the refund.
 */
export async function returnMatch(
  ledgerTrx: Transaction<LedgerDatabase>,
  change: { orderId: string; toFen: number; amountFen: number; at: string },
): Promise<number> {
  const trx = matchingTrx(ledgerTrx);
  const match = await trx
    .selectFrom('matches')
    .select(['pool_slug', 'amount_fen', 'returned_fen'])
    .where('order_id', '=', change.orderId)
    .executeTakeFirst();
  if (!match || Number(match.amount_fen) === 0) return 0;
  const amount = Number(match.amount_fen);
  const keep = Number((BigInt(amount) * BigInt(change.amountFen - change.toFen)) / BigInt(change.amountFen));
  const back = amount - keep - Number(match.returned_fen);
  if (back <= 0) return 0;
  await trx
    .updateTable('matches')
    .set({ returned_fen: amount - keep, returned_at: change.at })
    .where('order_id', '=', change.orderId)
    .execute();
  await trx
    .updateTable('matching_pools')
    .set((eb) => ({ allocated_fen: eb('allocated_fen', '-', back), updated_at: change.at }))
    .where('slug', '=', match.pool_slug)
    .execute();
  return back;
}
