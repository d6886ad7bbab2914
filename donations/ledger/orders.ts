import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { LedgerDatabase, OrdersTable, ReceiptRequestsTable, RoutingDecisionsTable } from './schema.ts';
import { inNativeTransaction, nativeSqliteOf } from './sqlite-statements.ts';

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
  /** Paid through the local sandbox (its merchant is a sandbox one): no money moves. */
  sandbox: boolean;
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
  /** Side-table rows keyed on the order (e.g. `team_orders`), written in the same transaction. */
  extra: readonly [string, Record<string, unknown>][] = [],
): Promise<void> {
  const rows = [...orderRows(order, receipt, routing), ...extra] as OrderRows;
  // On SQLite, one native transaction with kept statements: the same rows, a fraction of the CPU
  // of Kysely's five awaited round trips (begin, inserts, commit) for every order (issue 14).
  const native = nativeSqliteOf(db);
  if (native) {
    await inNativeTransaction(db, native, (insert) => {
      for (const [table, row] of rows) insert(table, row);
    });
    return;
  }
  await db.transaction().execute(async (trx) => {
    for (const [table, row] of rows) await trx.insertInto(table).values(row).execute();
  });
}

type OrderRows = [
  ['orders', Insertable<OrdersTable>],
  ['receipt_requests', Insertable<ReceiptRequestsTable>],
  ...['routing_decisions', Insertable<RoutingDecisionsTable>][],
];

function orderRows(order: NewOrder, receipt: NewReceiptRequest, routing: NewRoutingDecision | null): OrderRows {
  const rows: OrderRows = [
    [
      'orders',
      {
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
        sandbox: order.sandbox ? 1 : 0,
        pay_expires_at: order.payExpiresAt,
        created_at: order.createdAt,
        updated_at: order.createdAt,
        paid_at: null,
        closed_at: null,
      },
    ],
    [
      'receipt_requests',
      {
        order_id: order.id,
        requested: receipt.requested ? 1 : 0,
        name_enc: receipt.nameEnc,
        tax_id_kind: receipt.taxIdKind,
        tax_id_enc: receipt.taxIdEnc,
        email_enc: receipt.emailEnc,
        created_at: order.createdAt,
      },
    ],
  ];
  if (routing) {
    rows.push([
      'routing_decisions',
      {
        id: randomUUID(),
        order_id: order.id,
        request_json: routing.requestJson,
        candidate_count: routing.candidateCount,
        chosen_project: routing.chosenProject,
        ranking_json: routing.rankingJson,
        reason: routing.reason,
        created_at: order.createdAt,
      },
    ]);
  }
  return rows;
}

export async function getOrder(db: Kysely<LedgerDatabase>, id: string): Promise<OrderRow | null> {
  return (await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function getOrderByOutTradeNo(db: Kysely<LedgerDatabase>, outTradeNo: string): Promise<OrderRow | null> {
  return (await db.selectFrom('orders').selectAll().where('out_trade_no', '=', outTradeNo).executeTakeFirst()) ?? null;
}

export interface ReceiptExportRow {
  out_trade_no: string;
  project_slug: string;
  amount_fen: number;
  refunded_fen: number;
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
      'orders.refunded_fen',
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
