import { createHmac } from 'node:crypto';

/**
 * Alipay tells us who paid (`buyer_id`, the 2088… user id; `buyer_logon_id`, a masked login; in
 * newer APIs `buyer_open_id` / `buyer_user_id`). The portal needs none of it to account for a gift
 * — the order, amount and trade number do that — so the ledger never keeps them in plain text.
 * What may be useful (telling one buyer's gifts apart) is kept as a keyed hash: HMAC-SHA256 with
 * `DONATIONS_HASH_KEY`, so the value cannot be reversed or matched against a list of ids without
 * the key. Everything else about the buyer is dropped before a notify or a query answer is stored.
 */
const BUYER_KEYS = new Set([
  'buyer_id',
  'buyer_logon_id',
  'buyer_open_id',
  'buyer_user_id',
  'buyer_user_name',
  'buyerId',
  'buyerLogonId',
  'buyerOpenId',
  'buyerUserId',
  'buyerUserName',
]);

/** The field that identifies the buyer, in order of preference. */
const ID_KEYS = ['buyer_id', 'buyer_user_id', 'buyer_open_id', 'buyerId', 'buyerUserId', 'buyerOpenId'];

export type BuyerRef = (buyerId: string) => string;

export function buyerRefWith(key: Buffer): BuyerRef {
  if (key.length < 32) throw new Error('买家标识的哈希密钥应至少 32 字节');
  return (buyerId) => createHmac('sha256', key).update(`alipay-buyer:${buyerId}`).digest('hex').slice(0, 32);
}

export interface Redacted<T> {
  value: T;
  /** Keyed hash of the buyer's id, or null when there was none (or no hash function). */
  buyerRef: string | null;
}

/** Drops every buyer identifier from a flat record (a notify's fields, a query's answer). */
export function redactBuyer<T extends Record<string, unknown>>(record: T, ref: BuyerRef | null): Redacted<T> {
  const id = ID_KEYS.map((k) => record[k]).find((v): v is string => typeof v === 'string' && v !== '');
  const value = Object.fromEntries(Object.entries(record).filter(([k]) => !BUYER_KEYS.has(k))) as T;
  return { value, buyerRef: id && ref ? ref(id) : null };
}

/**
 * A notify's form body without buyer identifiers and without its `sign`, form-encoded again
 * (field order kept). The signature goes too: it was checked on arrival, the stored body no longer
 * matches it, and kept it would let anyone with the ledger test guesses of the dropped buyer_id.
 */
export function redactNotifyBody(fields: Record<string, string>, ref: BuyerRef | null): Redacted<string> {
  const { sign: _sign, ...rest } = fields;
  const { value, buyerRef } = redactBuyer(rest, ref);
  return { value: new URLSearchParams(value).toString(), buyerRef };
}

/** A stored JSON answer without buyer identifiers; text that is not a JSON object is kept as it is. */
export function redactJsonText(text: string, ref: BuyerRef | null): Redacted<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { value: text, buyerRef: null };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { value: text, buyerRef: null };
  const { value, buyerRef } = redactBuyer(parsed as Record<string, unknown>, ref);
  return { value: JSON.stringify(value), buyerRef };
}
