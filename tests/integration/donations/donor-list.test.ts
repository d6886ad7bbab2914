import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DonorListPage } from '../../../content/index.ts';
import { insertOrder, type NewOrder } from '../../../donations/ledger/orders.ts';
import { transitionOrder } from '../../../donations/ledger/transitions.ts';
import { BACKENDS, type Harness, postJson, startHarness } from '../../support/donations/harness.ts';
import { newOrder, WAIVED_RECEIPT } from '../../support/donations/orders.ts';

/**
 * The public donor list (`GET /api/projects/{slug}/donations`) on SQLite and PostgreSQL: only paid
 * gifts with a public name, net of partial refunds, fully refunded ones gone, the day in China
 * time, newest first, paged by a cursor that new gifts do not disturb; everything else only counted.
 */
const SLUG = 'minxian-zhuxue';

describe.each(BACKENDS)('the donor list on $name', ({ name, skip }) => {
  let h: Harness;
  let trade = 0;
  beforeAll(async () => {
    if (!skip) h = await startHarness(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function gift(paidAt: string | null, o: Partial<NewOrder> = {}): Promise<string> {
    const order = newOrder({ projectSlug: SLUG, anonymous: false, ...o });
    await insertOrder(h.ctx.ledger.db, order, WAIVED_RECEIPT, null);
    if (paidAt) {
      trade += 1;
      await transitionOrder(h.ctx.ledger.db, {
        orderId: order.id,
        from: 'pending',
        to: 'paid',
        at: paidAt,
        source: 'notify',
        tradeNo: `T-${name}-${trade}`,
      });
    }
    return order.id;
  }

  const list = async (query = ''): Promise<{ status: number; text: string; body: DonorListPage }> => {
    const res = await fetch(`${h.url}/api/projects/${SLUG}/donations${query}`);
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) };
  };

  it.skipIf(skip)('lists named paid gifts only, newest first, by day in China time, and counts the rest', async () => {
    await gift('2026-02-14T15:59:59.000Z', { displayName: '晚上十一点', amountFen: 1_000 });
    await gift('2026-02-14T16:00:00.000Z', { displayName: '午夜', amountFen: 2_000 });
    await gift('2026-02-13T01:00:00.000Z', { anonymous: true, displayName: null, amountFen: 3_000 });
    // Chose anonymity: the name the browser may have sent is never shown.
    await gift('2026-02-13T02:00:00.000Z', { anonymous: true, displayName: '不该出现', amountFen: 4_000 });
    await gift(null, { displayName: '未付款', amountFen: 5_000 });
    const partly = await gift('2026-02-12T03:00:00.000Z', { displayName: '部分退款', amountFen: 10_000 });
    await h.ctx.ledger.db.updateTable('orders').set({ refunded_fen: 2_500 }).where('id', '=', partly).execute();
    const fully = await gift('2026-02-12T04:00:00.000Z', { displayName: '全额退款', amountFen: 6_000 });
    await h.ctx.ledger.db.updateTable('orders').set({ refunded_fen: 6_000 }).where('id', '=', fully).execute();
    await transitionOrder(h.ctx.ledger.db, {
      orderId: fully,
      from: 'paid',
      to: 'refunded',
      at: '2026-02-13T00:00:00.000Z',
      source: 'refund',
    });

    const { status, text, body } = await list();
    expect(status).toBe(200);
    expect(body).toEqual({
      donations: [
        { name: '午夜', amountFen: 2_000, paidOn: '2026-02-15' },
        { name: '晚上十一点', amountFen: 1_000, paidOn: '2026-02-14' },
        { name: '部分退款', amountFen: 7_500, paidOn: '2026-02-12' },
      ],
      anonymousCount: 2,
      nextCursor: null,
    });
    for (const hidden of ['不该出现', '未付款', '全额退款', 'XJTEST', 'T-', ':00']) expect(text).not.toContain(hidden);
  });

  it.skipIf(skip)('pages with an opaque cursor; gifts paid meanwhile wait for the next first page', async () => {
    // Alipay's payment times have whole seconds: within one, the later order comes first.
    await gift('2026-02-11T05:00:00.000Z', { displayName: '同秒先下单', createdAt: '2026-02-11T04:59:00.000Z' });
    await gift('2026-02-11T05:00:00.000Z', { displayName: '同秒后下单', createdAt: '2026-02-11T04:59:30.000Z' });
    const all = (await list('?limit=50')).body.donations.map((d) => d.name);
    expect(all).toEqual(['午夜', '晚上十一点', '部分退款', '同秒后下单', '同秒先下单']);

    const seen: string[] = [];
    let page = await list('?limit=2');
    seen.push(...page.body.donations.map((d) => d.name));
    // Paid after the first page was read: not on the pages after it.
    await gift(new Date(h.clock.current.getTime() + 1_000).toISOString(), { displayName: '后来者' });
    h.clock.advanceMinutes(1);
    while (page.body.nextCursor) {
      expect(page.body.nextCursor).toMatch(/^\d{13}-\d+$/);
      page = await list(`?limit=2&cursor=${page.body.nextCursor}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.donations.map((d) => d.name));
    }
    expect(seen).toEqual(all);
    expect((await list('?limit=2')).body.donations[0]?.name).toBe('后来者');
  });

  it.skipIf(skip)('a public name with personal information is refused before any order exists', async () => {
    const refused = await postJson(`${h.url}/api/donations`, {
      projectSlug: SLUG,
      amountFen: 1_000,
      channel: 'page',
      anonymous: false,
      displayName: '小林13800138000',
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 'PERSONAL_INFO_IN_TEXT', field: 'displayName' });
    expect((await list('?limit=50')).text).not.toContain('13800138000');
  });

  it.skipIf(skip)('refuses a bad limit or cursor, and an unknown project', async () => {
    for (const query of ['?limit=0', '?limit=51', '?limit=1.5', '?cursor=x', '?cursor=1771128000000-99999']) {
      const { status, body } = await list(query);
      expect(status, query).toBe(400);
      expect((body as unknown as { error: { code: string } }).error.code, query).toBe('INVALID_BODY');
    }
    expect((await fetch(`${h.url}/api/projects/no-such-project/donations`)).status).toBe(404);
  });
});
