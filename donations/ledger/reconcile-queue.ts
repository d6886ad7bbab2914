import { type Kysely, sql } from 'kysely';
import type { OrderRow } from './orders.ts';
import type { LedgerDatabase } from './schema.ts';

/**
 * Which pending orders reconciliation asks Alipay about, and what it remembers of each try.
 * Orders are taken least recently checked first (never-checked before all, then by age), so a
 * batch limit cannot starve newer orders behind older ones that always fail; an order whose
 * queries fail `maxFailures` times in a row leaves the queue for review by a person (`review_at`),
 * still pending — a late notify can still settle it.
 */
export async function dueOrders(
  db: Kysely<LedgerDatabase>,
  options: { createdBefore: string; limit: number },
): Promise<OrderRow[]> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('status', '=', 'pending')
    .where('review_at', 'is', null)
    .where('created_at', '<', options.createdBefore)
    .orderBy(sql`case when checked_at is null then 0 else 1 end`)
    .orderBy('checked_at')
    .orderBy('created_at')
    .limit(options.limit)
    .execute();
}

/** Records one check; returns true when this failure moved the order to review. */
export async function markOrderChecked(
  db: Kysely<LedgerDatabase>,
  orderId: string,
  check: { at: string; failure: string | null; maxFailures: number },
): Promise<boolean> {
  if (check.failure === null) {
    await db.updateTable('orders').set({ checked_at: check.at, check_failures: 0 }).where('id', '=', orderId).execute();
    return false;
  }
  const row = await db
    .updateTable('orders')
    .set((eb) => ({ checked_at: check.at, check_failures: eb('check_failures', '+', 1) }))
    .where('id', '=', orderId)
    .returning(['check_failures'])
    .executeTakeFirst();
  if (!row || row.check_failures < check.maxFailures) return false;
  const moved = await db
    .updateTable('orders')
    .set({ review_at: check.at, review_reason: check.failure.slice(0, 500) })
    .where('id', '=', orderId)
    .where('status', '=', 'pending')
    .where('review_at', 'is', null)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) === 1;
}

/** Orders waiting for a person, oldest first (the reconcile script lists them). */
export async function ordersInReview(db: Kysely<LedgerDatabase>, limit = 100): Promise<OrderRow[]> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('status', '=', 'pending')
    .where('review_at', 'is not', null)
    .orderBy('review_at')
    .limit(limit)
    .execute();
}

/** Puts orders in review back into the queue (`reconcile.ts --retry-review`). */
export async function releaseReview(db: Kysely<LedgerDatabase>): Promise<number> {
  const result = await db
    .updateTable('orders')
    .set({ review_at: null, review_reason: null, check_failures: 0 })
    .where('status', '=', 'pending')
    .where('review_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
