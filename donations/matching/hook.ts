import { addLedgerHook } from '../ledger/ledger-hooks.ts';
import type { Ledger } from '../ledger/open-ledger.ts';
import type { SnapshotSource } from '../snapshot-source.ts';
import { allocateMatch, returnMatch } from './allocate.ts';

/**
 * Registers 配捐 on a ledger: a gift moving to `paid` gets its match decision, a refund step
 * returns its share — both inside the ledger's own transaction (ledger-hooks.ts). The pools and
 * the project's campaigns are the published snapshot's (the rules the campaign page shows).
 */
export function registerMatching(ledger: Ledger, snapshots: SnapshotSource): void {
  addLedgerHook(ledger.db, async (trx, change) => {
    if (change.kind === 'refund') {
      await returnMatch(trx, change);
      return;
    }
    if (change.to !== 'paid') return;
    // Without a readable snapshot there are no published rules to apply: the payment is still
    // recorded (it must be, Alipay has the money moving), with no match decision.
    const view = await snapshots.current().catch(() => null);
    if (!view) return;
    const pools = view.snapshot.matchingPools;
    if (pools.length === 0) return;
    const order = await trx
      .selectFrom('orders')
      .select(['project_slug', 'charity_slug', 'amount_fen', 'sandbox'])
      .where('id', '=', change.orderId)
      .executeTakeFirstOrThrow();
    await allocateMatch(trx, ledger.dialect, pools, {
      orderId: change.orderId,
      projectSlug: order.project_slug,
      projectCampaigns: view.projects.get(order.project_slug)?.campaigns ?? [],
      charitySlug: order.charity_slug,
      amountFen: order.amount_fen,
      sandbox: order.sandbox === 1,
      buyerRef: change.buyerRef,
      paidAt: change.paidAt ?? change.at,
      at: change.at,
    });
  });
}
