import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { isUniqueViolation } from './open-ledger.ts';
import type { LedgerDatabase, RefundRequestsTable } from './schema.ts';

/**
 * Refunds a charity asked for through our API, kept before Alipay is called so that an answer
 * lost on the way is settled later by reconciliation. (order, out_request_no) is unique, as at
 * Alipay; a request only moves forward (requested → succeeded | failed), by conditional update.
 */
export type RefundRequestRow = Selectable<RefundRequestsTable>;

export interface NewRefundRequest {
  orderId: string;
  charitySlug: string;
  outRequestNo: string;
  amountFen: number;
  reason: string;
  at: string;
}

/** Inserts the request, or returns the one already stored under the same number (a retry). */
export async function insertRefundRequest(
  db: Kysely<LedgerDatabase>,
  request: NewRefundRequest,
): Promise<{ row: RefundRequestRow; created: boolean }> {
  try {
    await db
      .insertInto('refund_requests')
      .values({
        id: randomUUID(),
        order_id: request.orderId,
        charity_slug: request.charitySlug,
        out_request_no: request.outRequestNo,
        amount_fen: request.amountFen,
        reason: request.reason,
        status: 'requested',
        failure: null,
        created_at: request.at,
        updated_at: request.at,
        checked_at: null,
      })
      .execute();
    return {
      row: (await findRefundRequest(db, request.orderId, request.outRequestNo)) as RefundRequestRow,
      created: true,
    };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return {
      row: (await findRefundRequest(db, request.orderId, request.outRequestNo)) as RefundRequestRow,
      created: false,
    };
  }
}

export async function findRefundRequest(
  db: Kysely<LedgerDatabase>,
  orderId: string,
  outRequestNo: string,
): Promise<RefundRequestRow | null> {
  return (
    (await db
      .selectFrom('refund_requests')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('out_request_no', '=', outRequestNo)
      .executeTakeFirst()) ?? null
  );
}

/** requested → succeeded | failed; false when it had already moved. */
export async function finishRefundRequest(
  db: Kysely<LedgerDatabase>,
  id: string,
  outcome: { status: 'succeeded' } | { status: 'failed'; failure: string },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('refund_requests')
    .set({ status: outcome.status, failure: outcome.status === 'failed' ? outcome.failure : null, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Sum of the order's requests in one state: `requested` — still waiting for Alipay (they may yet
 * move money); `succeeded` — confirmed by Alipay, a lower bound of the order's cumulative refunds.
 */
export async function refundRequestsFen(
  db: Kysely<LedgerDatabase>,
  orderId: string,
  status: 'requested' | 'succeeded',
): Promise<number> {
  const row = await db
    .selectFrom('refund_requests')
    .select(sql<number>`cast(coalesce(sum(amount_fen), 0) as bigint)`.as('n'))
    .where('order_id', '=', orderId)
    .where('status', '=', status)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Requests still waiting, least recently checked first (never-checked before all). */
export async function dueRefundRequests(db: Kysely<LedgerDatabase>, limit: number): Promise<RefundRequestRow[]> {
  return db
    .selectFrom('refund_requests')
    .selectAll()
    .where('status', '=', 'requested')
    .orderBy(sql`case when checked_at is null then 0 else 1 end`)
    .orderBy('checked_at')
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export async function markRefundRequestChecked(
  db: Kysely<LedgerDatabase>,
  id: string,
  at: string,
  failed: boolean,
): Promise<void> {
  await db
    .updateTable('refund_requests')
    .set((eb) => ({
      checked_at: at,
      check_failures: failed ? eb('check_failures', '+', 1) : 0,
    }))
    .where('id', '=', id)
    .execute();
}
