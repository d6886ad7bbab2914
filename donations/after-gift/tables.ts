/**
 * After the gift (issue 16): side tables keyed on the order id, in the ledger's database with
 * their own migration history (`after_gift_migration`, migrations.ts). The ledger keeps what
 * accounting needs; these hold what the donor's lookup needs, and can be erased (PIPL Art. 47).
 * Type aliases, not interfaces: Kysely's `withTables` wants types with an index signature.
 */
export type GiftLookupsTable = {
  /** SHA-256 (hex) of the private token; the token itself is never stored. */
  token_hash: string;
  order_id: string;
  /** `create` (shown with the order) or `lookup` (issued to a device that found the gift). */
  source: string;
  created_at: string;
};

/** Orders whose donor asked us to erase the lookup data: no lookup finds them any more. */
export type GiftLookupErasuresTable = {
  order_id: string;
  erased_at: string;
};

/**
 * 捐赠票据 status as the charity reports it: requested → issued | declined, once. No row while
 * the request waits (the ledger's receipt_requests says whether one was asked for).
 */
export type GiftReceiptStatusesTable = {
  order_id: string;
  state: string;
  receipt_no: string | null;
  receipt_url: string | null;
  reason: string | null;
  updated_at: string;
};

export type AfterGiftDatabase = {
  gift_lookups: GiftLookupsTable;
  gift_lookup_erasures: GiftLookupErasuresTable;
  gift_receipt_statuses: GiftReceiptStatusesTable;
};
