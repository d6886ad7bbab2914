import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Campaign,
  campaignSchema,
  disclosureSchema,
  parseSnapshot,
  type Snapshot,
} from '../../../content/index.ts';
import type { DonationsContext } from '../../../donations/context.ts';
import { DonationError } from '../../../donations/errors.ts';
import { type Ledger, openLedger } from '../../../donations/ledger/open-ledger.ts';
import { campaignOfGift, inCampaign, routeAmongEligible } from '../../../donations/route-cause.ts';
import { indexSnapshot, type SnapshotView } from '../../../donations/snapshot-source.ts';
import { charity, project, REGIONS, snapshotOf } from '../../support/fixtures/donations.ts';

/**
 * route-cause.ts: which projects a cause gift may go to. A gift made on a campaign page names the
 * campaign (checked against the snapshot: unknown → 400, ended → 409) and goes only to that
 * campaign's projects, by the same rules as any cause gift. Real ledger (SQLite in memory) for the
 * portal totals routing ranks by; the clock stands at 2026-02-15.
 */
const TODAY = '2026-02-15';

const campaign = (slug: string, window: { start: string; end: string }): Campaign =>
  campaignSchema.parse({
    slug,
    title: `活动 ${slug}`,
    theme: '主题',
    window,
    description: '说明',
    organiser: '民政部',
  });

function world(): Snapshot {
  const minors = { targetGroups: ['minors'], goalFen: 1_000_000 };
  const s = snapshotOf(
    [
      // Outside the campaign, and better on the first criterion (key county): the nationwide winner.
      project('a-outside', { ...minors, regions: [REGIONS.minxian] }),
      // The campaign's projects: b has raised less of its goal than c (disclosed below).
      project('b-inside', { ...minors, regions: [REGIONS.chengguan] }),
      project('c-inside', { ...minors, regions: [REGIONS.chengguan] }),
      // The campaign's, but serving another group.
      project('d-inside-disabled', {
        regions: [REGIONS.chengguan],
        targetGroups: ['disabled'],
      }),
      // The only project of a second campaign, and it no longer accepts gifts.
      project('e-closed', {
        ...minors,
        window: { start: '2025-01-01', end: '2025-06-30' },
      }),
    ],
    [charity('gansu-cishan')],
  );
  s.disclosures.push(
    disclosureSchema.parse({
      slug: 'c-inside-1',
      project: 'c-inside',
      kind: 'progress',
      title: '项目进展',
      publishedOn: '2026-02-01',
      period: { start: '2026-01-01', end: '2026-01-31' },
      raisedToDateFen: 600_000,
      spentToDateFen: 100_000,
      body: '进展说明',
    }),
  );
  // Projects join campaigns by slug, checked against the snapshot's campaigns: added together.
  const joins: Record<string, string> = {
    'b-inside': 'live-camp',
    'c-inside': 'live-camp',
    'd-inside-disabled': 'live-camp',
    'e-closed': 'closed-camp',
  };
  return parseSnapshot({
    ...s,
    projects: s.projects.map((p) => (joins[p.slug] ? { ...p, campaigns: [joins[p.slug]] } : p)),
    campaigns: [
      campaign('live-camp', { start: '2026-02-01', end: '2026-02-28' }),
      campaign('closed-camp', { start: '2026-02-01', end: '2026-02-28' }),
      campaign('ended-camp', { start: '2025-09-01', end: '2025-09-30' }),
    ],
  });
}

let ledger: Ledger;
let ctx: DonationsContext;
let view: SnapshotView;
beforeAll(async () => {
  ledger = await openLedger({ kind: 'sqlite', path: ':memory:' });
  // Only what routing reads of the context: the ledger (portal totals) and the merchant registry.
  ctx = {
    ledger,
    merchants: { kind: 'sandbox', isConfigured: () => true },
  } as unknown as DonationsContext;
  view = indexSnapshot(world());
});
afterAll(async () => {
  await ledger?.close();
});

function refusal(run: () => unknown): DonationError {
  try {
    run();
  } catch (error) {
    if (error instanceof DonationError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the campaign a cause gift names', () => {
  it('is none for a gift made elsewhere', () => {
    expect(campaignOfGift(view, undefined, TODAY)).toBeUndefined();
  });

  it('is the published campaign while it runs', () => {
    expect(campaignOfGift(view, 'live-camp', TODAY)?.title).toBe('活动 live-camp');
  });

  it('refuses a campaign the snapshot does not have with 400, a code and a Chinese message', () => {
    const error = refusal(() => campaignOfGift(view, 'no-such-camp', TODAY));
    expect(error.status).toBe(400);
    expect(error.code).toBe('CAMPAIGN_NOT_FOUND');
    expect(error.field).toBe('pool.campaign');
    expect(error.message).toContain('找不到这个专题活动');
    // Not a slug at all: the same answer, never a crash.
    expect(refusal(() => campaignOfGift(view, '<script>', TODAY)).status).toBe(400);
  });

  it('refuses an ended campaign with 409 CAMPAIGN_ENDED', () => {
    const error = refusal(() => campaignOfGift(view, 'ended-camp', TODAY));
    expect(error.status).toBe(409);
    expect(error.code).toBe('CAMPAIGN_ENDED');
    expect(error.message).toContain('已于2025年9月30日结束');
  });

  it('sees the campaigns of the snapshot it is given (a new release, new campaigns)', () => {
    const now = world();
    const next = {
      ...now,
      campaigns: [...now.campaigns, campaign('new-camp', { start: '2026-02-10', end: '2026-03-10' })],
    };
    expect(campaignOfGift(indexSnapshot(next), 'new-camp', TODAY)?.slug).toBe('new-camp');
    expect(refusal(() => campaignOfGift(view, 'new-camp', TODAY)).status).toBe(400);
  });
});

describe('routing a cause gift within a campaign', () => {
  const cause = { targetGroup: 'minors' as const };
  const live = () => view.campaigns.get('live-camp') as Campaign;

  it('without a campaign, ranks every project of the cause nationwide', async () => {
    const choice = await routeAmongEligible(ctx, view, cause, '困境未成年人', TODAY);
    expect(choice?.chosen.slug).toBe('a-outside');
    expect(choice?.candidateCount).toBe(3);
    expect(choice?.decidedBy).toBe('key-county');
    expect(choice?.reason).not.toContain('您在专题活动');
  });

  it("on a campaign page, only the campaign's projects are candidates, ranked by the same rules", async () => {
    const choice = await routeAmongEligible(ctx, view, cause, '困境未成年人', TODAY, live());
    expect(choice?.chosen.slug).toBe('b-inside');
    expect(choice?.ranking.map((c) => c.slug)).toEqual(['b-inside', 'c-inside']);
    expect(choice?.candidateCount).toBe(2);
    expect(choice?.decidedBy).toBe('unmet-share');
    expect(choice?.campaignTitle).toBe('活动 live-camp');
    expect(choice?.reason).toContain('您在专题活动「活动 live-camp」的页面捐赠，只在该活动的参与项目中分配。');
    expect(choice?.reason).toContain('正在接受捐赠且信息公开没有逾期的参与项目共 2 个');
  });

  it('the cause still applies inside the campaign', async () => {
    const choice = await routeAmongEligible(ctx, view, { targetGroup: 'disabled' }, '残疾人', TODAY, live());
    expect(choice?.chosen.slug).toBe('d-inside-disabled');
    expect(choice?.candidateCount).toBe(1);
  });

  it('finds nothing when no project of the campaign may receive the gift', async () => {
    const closed = view.campaigns.get('closed-camp') as Campaign;
    expect(await routeAmongEligible(ctx, view, cause, '困境未成年人', TODAY, closed)).toBeNull();
    // The campaign has a project serving the cause, but it does not accept gifts; outside, others do.
    expect(await routeAmongEligible(ctx, view, cause, '困境未成年人', TODAY)).not.toBeNull();
  });

  it('inCampaign: any project without a campaign, only its own projects with one', () => {
    const p = view.projects.get('b-inside');
    const outside = view.projects.get('a-outside');
    if (!p || !outside) throw new Error('fixture');
    expect(inCampaign(outside, undefined)).toBe(true);
    expect(inCampaign(p, live())).toBe(true);
    expect(inCampaign(outside, live())).toBe(false);
  });
});
