/**
 * The portal's own tables for reports (举报/投诉), in the ledger's database (SQLite file or the
 * ledger's PostgreSQL schema) with their own migrations (migrations.ts). Timestamps are ISO UTC
 * strings in the program, as in the ledger (`open-ledger.ts` parses PostgreSQL's `timestamptz`).
 * Type aliases, not interfaces: Kysely's `withTables` wants types with an index signature.
 */
export type ReportsTable = {
  id: string;
  /** `JB-20261204-7K3QX9`: told to the reporter, and the idempotency key of the delivery to the CMS. */
  reference: string;
  target_kind: string;
  target_slug: string;
  target_title: string;
  target_path: string;
  /** The project's charity; null for needs and campaign pages. */
  charity_slug: string | null;
  kind: string;
  /** PII-linted before it is stored (content/schemas/report-request.ts). */
  text: string;
  /**
   * The reporter's phone or e-mail, AES-256-GCM (`secrets.ts`); personal data, never published.
   * Erased once the CMS has it (PIPL Art. 6 and 19: the portal no longer needs it).
   */
  contact_enc: string | null;
  contact_given: number;
  received_at: string;
  /** YYYY-MM-DD, China time: answer due by the end of that day. */
  deadline: string;
  /**
   * SHA-256 of the client's rate-limit key and the report's fields: the same report sent twice
   * (a reload of the answer page, a double click) is recognised without storing the address.
   */
  fingerprint: string;
};

/** The outbox: one row per report until the CMS has it. */
export type ReportDeliveriesTable = {
  report_id: string;
  attempts: number;
  next_attempt_at: string;
  /** A worker holds the row until then (several portal processes may run). */
  lease_until: string | null;
  delivered_at: string | null;
  cms_document_id: string | null;
  last_error: string | null;
};

export type ReportsDatabase = {
  reports: ReportsTable;
  report_deliveries: ReportDeliveriesTable;
};
