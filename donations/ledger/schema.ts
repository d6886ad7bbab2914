import type { Generated } from 'kysely';
import type { Channel } from '../../content/index.ts';

/**
 * The ledger's tables as Kysely sees them. Timestamps are ISO 8601 UTC strings in the program on
 * both databases (`timestamptz` in PostgreSQL, text in SQLite; see `open-ledger.ts`); money is
 * integer fen (`bigint` in PostgreSQL, parsed back to a safe JS number); flags are 0/1.
 */
export const ORDER_STATUSES = ['pending', 'paid', 'closed', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

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
  /**
   * What Alipay has refunded of this order, cumulative, in fen: 0 ≤ refunded_fen ≤ amount_fen.
   * It only grows (`refunds.ts`); reaching amount_fen moves the order paid → refunded. Public
   * figures count `amount_fen − refunded_fen` of paid orders.
   */
  refunded_fen: Generated<number>;
  /** When the latest refund was recorded (Alipay's `gmt_refund` when given). */
  refunded_at: string | null;
  /** 1 when paid through the local sandbox (no money moved); such orders never count once real merchants are configured. */
  sandbox: number;
  /** Reconciliation: when this order was last queried, and how many queries in a row failed. */
  checked_at: string | null;
  check_failures: Generated<number>;
  /** Set when reconciliation gave up after RECONCILE_MAX_FAILURES tries: a person must look (README). */
  review_at: string | null;
  review_reason: string | null;
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

/**
 * Append-only: every verified notify and every trade query, with what we did about it. Notifies
 * whose signature was not verified are kept only as a short record in `notify_rejections`.
 */
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
  /**
   * Keyed hash (HMAC-SHA256, `DONATIONS_HASH_KEY`) of Alipay's buyer_id, so gifts of one buyer can
   * be told apart for accounting without keeping the id; `raw` never holds buyer identifiers.
   */
  buyer_ref: string | null;
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

/**
 * One line per step of an order's cumulative refunded amount (`from_fen` → `to_fen`): the refund
 * ledger. Unique per (order, to_fen), and written in the same transaction as the conditional
 * update of `orders.refunded_fen`, so each step is recorded exactly once.
 */
export interface OrderRefundsTable {
  id: string;
  order_id: string;
  from_fen: number;
  to_fen: number;
  amount_fen: number;
  /** Alipay's refund request number (`out_biz_no` in a notify, our `out_request_no`), when known. */
  out_request_no: string | null;
  /** `notify`, `query` (reconciliation) or `refund` (the answer to our own alipay.trade.refund). */
  source: string;
  event_id: string | null;
  /** Alipay's refund time, when given. */
  refunded_at: string | null;
  created_at: string;
}

export const REFUND_REQUEST_STATUSES = ['requested', 'succeeded', 'failed'] as const;
export type RefundRequestStatus = (typeof REFUND_REQUEST_STATUSES)[number];

/**
 * Refunds a charity asked for through our API (`alipay.trade.refund`). Forward-only:
 * requested → succeeded | failed. A request whose answer never came stays `requested` and is
 * settled by reconciliation (`alipay.trade.fastpay.refund.query`).
 */
export interface RefundRequestsTable {
  id: string;
  order_id: string;
  charity_slug: string;
  /** Unique per order; Alipay treats a repeat with the same number as the same refund. */
  out_request_no: string;
  amount_fen: number;
  reason: string;
  status: RefundRequestStatus;
  /** Alipay's answer when it failed (sub_code and message). */
  failure: string | null;
  created_at: string;
  updated_at: string;
  checked_at: string | null;
  check_failures: Generated<number>;
}

/**
 * A notify whose signature was not verified (malformed, unknown app, wrong sign_type, bad
 * signature, too large): only what is needed to see an attack — never the body. Pruned after
 * NOTIFY_REJECT_RETENTION_DAYS, and written at a limited rate (`notify-rejections.ts`).
 */
export interface NotifyRejectionsTable {
  id: string;
  received_at: string;
  /** SHA-256 of the body, hex. */
  body_sha256: string;
  body_bytes: number;
  reason: string;
}

export interface LedgerDatabase {
  orders: OrdersTable;
  order_transitions: OrderTransitionsTable;
  payment_events: PaymentEventsTable;
  routing_decisions: RoutingDecisionsTable;
  receipt_requests: ReceiptRequestsTable;
  order_refunds: OrderRefundsTable;
  refund_requests: RefundRequestsTable;
  notify_rejections: NotifyRejectionsTable;
}
