import type { Kysely, Transaction } from 'kysely';
import type { LedgerDatabase, OrderStatus } from './schema.ts';

/**
 * What other modules do **in the same transaction** as an order's change (DESIGN.md "Give": the
 * ledger moves the order forward once, and in that transaction allocates a campaign match). A hook
 * that throws rolls the change back, so a gift is never paid without its match decision, and a
 * match never outlives a failed payment write. Hooks belong to one ledger (its Kysely instance);
 * modules register theirs when the donations context is built (matching/).
 */
export type LedgerChange =
  | {
      kind: 'transition';
      orderId: string;
      from: OrderStatus;
      to: OrderStatus;
      at: string;
      /** Alipay's payment time (→ paid), else `at`. */
      paidAt: string | null;
      /** Keyed hash of the buyer from the verified notify or query (null when none came). */
      buyerRef: string | null;
    }
  /** The order's cumulative refunded amount moved from `fromFen` to `toFen`. */
  | { kind: 'refund'; orderId: string; fromFen: number; toFen: number; amountFen: number; at: string };

export type LedgerHook = (trx: Transaction<LedgerDatabase>, change: LedgerChange) => Promise<void>;

const hooks = new WeakMap<object, LedgerHook[]>();

export function addLedgerHook(db: Kysely<LedgerDatabase>, hook: LedgerHook): void {
  const list = hooks.get(db);
  if (list) list.push(hook);
  else hooks.set(db, [hook]);
}

export async function runLedgerHooks(
  db: Kysely<LedgerDatabase>,
  trx: Transaction<LedgerDatabase>,
  change: LedgerChange,
): Promise<void> {
  for (const hook of hooks.get(db) ?? []) await hook(trx, change);
}
