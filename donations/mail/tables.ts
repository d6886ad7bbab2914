/**
 * The tables of mail to donors (issue 16 item 5), in the ledger's database with their own
 * migration history (migrations.ts). Timestamps are ISO UTC strings in the program, as in the
 * ledger. Type aliases, not interfaces: Kysely's `withTables` wants types with an index signature.
 */
export type MailSubscriptionsTable = {
  id: string;
  project_slug: string;
  /** The address, AES-256-GCM under the receipt key with its key id (receipt-cipher.ts). */
  email_enc: string;
  /** HMAC-SHA256 of the normalised address under DONATIONS_HASH_KEY: one row per address and project. */
  email_hash: string;
  state: 'pending' | 'confirmed' | 'unsubscribed';
  created_at: string;
  /** When the last confirmation mail was queued: the link works for MAIL_CONFIRM_HOURS after it. */
  confirm_sent_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
};

/** One row per release whose new disclosures were turned into queued mail: a release is handled once. */
export type MailReleasesTable = {
  release_id: string;
  handled_at: string;
  /** Messages queued for it. */
  queued: number;
};

/**
 * The queue. `idempotency_key` is unique: `update:<subscription>:<project>:<release>` for news
 * (one per subscriber × project × release), `confirm:<subscription>:<confirm_sent_at>` for a
 * confirmation; queuing the same key twice keeps the first row.
 */
export type MailQueueTable = {
  id: string;
  idempotency_key: string;
  kind: 'confirm' | 'update';
  subscription_id: string;
  project_slug: string;
  release_id: string | null;
  /** What the message says, no address (payload.ts): JSON. */
  payload: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  /** A worker holds the row until then (several portal processes may run). */
  lease_until: string | null;
  sent_at: string | null;
  /** Set when the message is not to be sent any more (the subscriber left before it went). */
  dropped_at: string | null;
  message_id: string;
  last_error: string | null;
};

/** Every attempt to send a queued message, with its outcome. */
export type MailAttemptsTable = {
  queue_id: string;
  attempt: number;
  at: string;
  ok: number;
  error: string | null;
};

export type MailDatabase = {
  mail_subscriptions: MailSubscriptionsTable;
  mail_releases: MailReleasesTable;
  mail_queue: MailQueueTable;
  mail_attempts: MailAttemptsTable;
};
