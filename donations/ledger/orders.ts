import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { LedgerDatabase, OrdersTable } from './schema.ts';

export type OrderRow = Selectable<OrdersTable>;

export interface NewOrder {
  id: string;
  outTradeNo: string;
  projectSlug: string;
  charitySlug: string;
  merchantAppId: string;
  amountFen: number;
  channel: OrdersTable['channel'];
  anonymous: boolean;
  displayName: string | null;
  message: string | null;
  routed: boolean;
  payExpiresAt: string;
  createdAt: string;
}

export interface NewReceiptRequest {
  requested: boolean;
  nameEnc: string | null;
  taxIdKind: string | null;
  taxIdEnc: string | null;
  emailEnc: string | null;
}

export interface NewRoutingDecision {
  requestJson: string;
  candidateCount: number;
  chosenProject: string;
  rankingJson: string;
  reason: string;
}

/** The order, its receipt request and (for a cause) its routing decision: all or nothing. */
export async function insertOrder(
  db: Kysely<LedgerDatabase>,
  order: NewOrder,
  receipt: NewReceiptRequest,
  routing: NewRoutingDecision | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('orders')
      .values({
        id: order.id,
        out_trade_no: order.outTradeNo,
        project_slug: order.projectSlug,
        charity_slug: order.charitySlug,
        merchant_app_id: order.merchantAppId,
        amount_fen: order.amountFen,
        channel: order.channel,
        anonymous: order.anonymous ? 1 : 0,
        display_name: order.displayName,
        message: order.message,
        status: 'pending',
        trade_no: null,
        routed: order.routed ? 1 : 0,
        pay_expires_at: order.payExpiresAt,
        created_at: order.createdAt,
        updated_at: order.createdAt,
        paid_at: null,
        closed_at: null,
      })
      .execute();
    await trx
      .insertInto('receipt_requests')
      .values({
        order_id: order.id,
        requested: receipt.requested ? 1 : 0,
        name_enc: receipt.nameEnc,
        tax_id_kind: receipt.taxIdKind,
        tax_id_enc: receipt.taxIdEnc,
        email_enc: receipt.emailEnc,
        created_at: order.createdAt,
      })
      .execute();
    if (routing) {
      await trx
        .insertInto('routing_decisions')
        .values({
          id: randomUUID(),
          order_id: order.id,
          request_json: routing.requestJson,
          candidate_count: routing.candidateCount,
          chosen_project: routing.chosenProject,
          ranking_json: routing.rankingJson,
          reason: routing.reason,
          created_at: order.createdAt,
        })
        .execute();
    }
  });
}

export async function getOrder(db: Kysely<LedgerDatabase>, id: string): Promise<OrderRow | null> {
  return (await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function getOrderByOutTradeNo(db: Kysely<LedgerDatabase>, outTradeNo: string): Promise<OrderRow | null> {
  return (await db.selectFrom('orders').selectAll().where('out_trade_no', '=', outTradeNo).executeTakeFirst()) ?? null;
}

const sumPaid = sql<number>`cast(coalesce(sum(amount_fen), 0) as bigint)`;

/** Paid totals per project (routing's "unmet share of the goal"). Missing projects have 0. */
export async function paidTotals(db: Kysely<LedgerDatabase>, slugs: string[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>(slugs.map((s) => [s, 0]));
  if (slugs.length === 0) return totals;
  for (let i = 0; i < slugs.length; i += 500) {
    const rows = await db
      .selectFrom('orders')
      .select(['project_slug', sumPaid.as('raised')])
      .where('status', '=', 'paid')
      .where('project_slug', 'in', slugs.slice(i, i + 500))
      .groupBy('project_slug')
      .execute();
    for (const row of rows) totals.set(row.project_slug, Number(row.raised));
  }
  return totals;
}

export interface ProjectStats {
  raisedFen: number;
  donationCount: number;
  /** When the total last changed (latest payment), or null before the first gift. */
  updatedAt: string | null;
}

export async function projectStats(db: Kysely<LedgerDatabase>, projectSlug: string): Promise<ProjectStats> {
  const row = await db
    .selectFrom('orders')
    .select([sumPaid.as('raised'), sql<number>`count(*)`.as('n'), sql<string | null>`max(paid_at)`.as('last')])
    .where('project_slug', '=', projectSlug)
    .where('status', '=', 'paid')
    .executeTakeFirstOrThrow();
  return {
    raisedFen: Number(row.raised),
    donationCount: Number(row.n),
    updatedAt: row.last == null ? null : new Date(row.last).toISOString(),
  };
}

export interface PublicDonation {
  amountFen: number;
  paidAt: string;
  /** Only when the donor chose to be named (Charity Law Art. 82); else null. */
  name: string | null;
}

/** The public list of paid gifts to a project, newest first. Never receipt data, never messages. */
export async function publicDonations(
  db: Kysely<LedgerDatabase>,
  projectSlug: string,
  options: { limit: number; before?: string },
): Promise<PublicDonation[]> {
  let query = db
    .selectFrom('orders')
    .select(['amount_fen', 'paid_at', 'anonymous', 'display_name'])
    .where('project_slug', '=', projectSlug)
    .where('status', '=', 'paid');
  if (options.before) query = query.where('paid_at', '<', options.before);
  const rows = await query.orderBy('paid_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map((r) => ({
    amountFen: r.amount_fen,
    paidAt: new Date(r.paid_at as string).toISOString(),
    name: r.anonymous === 0 && r.display_name ? r.display_name : null,
  }));
}

export async function pendingCreatedBefore(
  db: Kysely<LedgerDatabase>,
  before: string,
  limit = 500,
): Promise<OrderRow[]> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('status', '=', 'pending')
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export interface ReceiptExportRow {
  out_trade_no: string;
  project_slug: string;
  amount_fen: number;
  paid_at: string | null;
  status: string;
  requested: number;
  name_enc: string | null;
  tax_id_kind: string | null;
  tax_id_enc: string | null;
  email_enc: string | null;
}

/** Receipt requests of a charity's paid (or since refunded) gifts, oldest first. */
export async function receiptRequestsOf(db: Kysely<LedgerDatabase>, charitySlug: string): Promise<ReceiptExportRow[]> {
  return db
    .selectFrom('orders')
    .innerJoin('receipt_requests', 'receipt_requests.order_id', 'orders.id')
    .select([
      'orders.out_trade_no',
      'orders.project_slug',
      'orders.amount_fen',
      'orders.paid_at',
      'orders.status',
      'receipt_requests.requested',
      'receipt_requests.name_enc',
      'receipt_requests.tax_id_kind',
      'receipt_requests.tax_id_enc',
      'receipt_requests.email_enc',
    ])
    .where('orders.charity_slug', '=', charitySlug)
    .where('orders.status', 'in', ['paid', 'refunded'])
    .orderBy('orders.paid_at')
    .execute();
}
