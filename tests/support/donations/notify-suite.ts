import { afterAll, beforeAll } from 'vitest';
import type { Params } from '../../../donations/sandbox/alipay-signing.ts';
import type { FakeTrade } from '../../../donations/sandbox/fake-alipay-store.ts';
import { type Backend, type Harness, startHarness } from './harness.ts';
import { paidNotify, postNotify } from './orders.ts';

/**
 * What the notify tests share (notify.test.ts, refund-notify.test.ts): inside one
 * `describe.each(BACKENDS)` block, one harness — ledger, sandbox keys, the API on a port — started
 * before the block's tests (not at all on a skipped backend) and closed after them, and notifies as
 * Alipay sends them, posted to its notify route.
 */
export interface NotifySuite {
  /** The block's harness: read it inside tests and hooks (it starts in `beforeAll`). */
  readonly h: Harness;
  /** Posts a notify form; the route's answer (`success` or `failure`). */
  notify(fields: Params): Promise<string>;
  /** A TRADE_SUCCESS notify for `trade`, signed by the sandbox's "Alipay" key, with `overrides`. */
  paid(trade: FakeTrade, overrides?: Params): Params;
}

export function notifySuite({ name, skip }: Backend): NotifySuite {
  let harness: Harness | undefined;
  beforeAll(async () => {
    if (!skip) harness = await startHarness(name);
  });
  afterAll(async () => {
    await harness?.close();
  });
  const suite: NotifySuite = {
    get h() {
      if (!harness) throw new Error(`the ${name} harness starts in beforeAll, and not on a skipped backend`);
      return harness;
    },
    notify: (fields) => postNotify(suite.h, fields),
    paid: (trade, overrides = {}) => paidNotify(suite.h, trade, overrides),
  };
  return suite;
}
