/**
 * The ledger's tables as Kysely sees them. Timestamps are ISO 8601 UTC strings in the program on
 * both databases (`timestamptz` in PostgreSQL, text in SQLite; see `open-ledger.ts`); money is
 * integer fen (`bigint` in PostgreSQL, parsed back to a safe JS number); flags are 0/1.
 */
export const ORDER_STATUSES = ['pending', 'paid', 'closed', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const CHANNELS = ['page', 'wap', 'qr'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface OrdersTable {
  id: string;
  out_trade_no: string;
  project_slug: string;
  charity_slug: string;
  merchant_app_id: string;
  amount_fen: number;
  channel: Channel;
  anonymous: number;
  display_name: string | null;
  message: string | null;
  status: OrderStatus;
  trade_no: string | null;
  /** How the project was chosen: `project` (named by the donor) or `pool` (routed). */
  routed: number;
  pay_expires_at: string;
  created_at: string;
  updated_at: string;
  paid_at: string | null;
  closed_at: string | null;
}

/** One line per state change of an order: the ledger proper. Unique on (order, to_status). */
export interface OrderTransitionsTable {
  id: string;
  order_id: string;
  from_status: OrderStatus;
  to_status: OrderStatus;
  amount_fen: number;
  /** `notify`, `query` (reconciliation) or `system` (payment step failed, stale order). */
  source: string;
  event_id: string | null;
  created_at: string;
}

/** Append-only: every notify and every trade query, valid or not, with what we did about it. */
export interface PaymentEventsTable {
  id: string;
  received_at: string;
  source: string;
  app_id: string | null;
  out_trade_no: string | null;
  trade_no: string | null;
  trade_status: string | null;
  notify_id: string | null;
  /** The raw form body of a notify, or the JSON answer of a query. */
  raw: string;
  /** 1 when the signature verified. */
  verified: number;
  outcome: string;
  detail: string;
  order_id: string | null;
}

export interface RoutingDecisionsTable {
  id: string;
  order_id: string;
  /** The cause as asked: `{"targetGroup":…,"region":…}`. */
  request_json: string;
  candidate_count: number;
  chosen_project: string;
  /** The top of the ranking with the keys it was ranked by. */
  ranking_json: string;
  /** Why, in Chinese. */
  reason: string;
  created_at: string;
}

export interface ReceiptRequestsTable {
  order_id: string;
  requested: number;
  /** AES-256-GCM ciphertexts (`secrets.ts`); null when waived or not given. */
  name_enc: string | null;
  tax_id_kind: string | null;
  tax_id_enc: string | null;
  email_enc: string | null;
  created_at: string;
}

export interface LedgerDatabase {
  orders: OrdersTable;
  order_transitions: OrderTransitionsTable;
  payment_events: PaymentEventsTable;
  routing_decisions: RoutingDecisionsTable;
  receipt_requests: ReceiptRequestsTable;
}
