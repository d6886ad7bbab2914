import { campaignState, type MatchingPool, sponsorLabel, todayIso } from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import { projectStats } from '../ledger/public-figures.ts';
import { figureScope } from '../public-queries.ts';
import { leaderboard } from '../teams/store.ts';
import { allocatedByPool, matchCounts, matchedByProject } from './queries.ts';

/**
 * The live figures of a campaign page (issue 18): each pool's total, pledged and remaining, each
 * project's raised and matched, and the teams' leaderboard. Sums and counts only, never a donor.
 */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface PoolFigures {
  slug: string;
  title: string;
  sponsor: string;
  campaign: string;
  window: { start: string; end: string };
  totalFen: number;
  allocatedFen: number;
  remainingFen: number;
  /** Nothing left: a gift paid now is recorded unmatched (the page and the donate step say so). */
  exhausted: boolean;
  /** Today is inside the pool's days. */
  active: boolean;
}

export async function poolFigures(ctx: DonationsContext, pools: readonly MatchingPool[]): Promise<PoolFigures[]> {
  const allocated = await allocatedByPool(
    ctx.ledger.db,
    pools.map((p) => p.slug),
  );
  const today = todayIso(ctx.now());
  return pools.map((p) => {
    const used = allocated.get(p.slug) ?? 0;
    const remainingFen = Math.max(0, p.totalFen - used);
    return {
      slug: p.slug,
      title: p.title,
      sponsor: sponsorLabel(p),
      campaign: p.campaign,
      window: p.window,
      totalFen: p.totalFen,
      allocatedFen: used,
      remainingFen,
      exhausted: remainingFen === 0,
      active: p.window.start <= today && today <= p.window.end,
    };
  });
}

export async function campaignStats(ctx: DonationsContext, slug: string) {
  const view = await ctx.snapshots.current();
  const campaign = SLUG.test(slug) ? view.campaigns.get(slug) : undefined;
  if (!campaign) throw new DonationError(404, 'CAMPAIGN_NOT_FOUND', '找不到这个专题活动');
  const projects = view.snapshot.projects.filter((p) => p.campaigns.includes(slug));
  const scope = figureScope(ctx);
  const matched = await matchedByProject(
    ctx.ledger.db,
    projects.map((p) => p.slug),
    scope,
  );
  const rows = [];
  for (const p of projects) {
    const stats = await projectStats(ctx.ledger.db, p.slug, scope);
    rows.push({
      slug: p.slug,
      title: p.title,
      raisedFen: stats.raisedFen,
      donationCount: stats.donationCount,
      matchedFen: matched.get(p.slug) ?? 0,
    });
  }
  rows.sort((a, b) => b.raisedFen + b.matchedFen - (a.raisedFen + a.matchedFen) || (a.slug < b.slug ? -1 : 1));
  return {
    campaign: {
      slug,
      title: campaign.title,
      window: campaign.window,
      state: campaignState(campaign, todayIso(ctx.now())),
    },
    pools: await poolFigures(
      ctx,
      view.snapshot.matchingPools.filter((p) => p.campaign === slug),
    ),
    projects: rows,
    teams: await leaderboard(
      ctx,
      projects.map((p) => p.slug),
    ),
    updatedAt: ctx.now().toISOString(),
  };
}

/** Open data (issue 18): every pool's rules and figures, matches per project, teams' totals. */
export async function matchingOpenData(ctx: DonationsContext) {
  const view = await ctx.snapshots.current();
  const pools = view.snapshot.matchingPools;
  const figures = await poolFigures(ctx, pools);
  const withCounts = [];
  for (const [i, f] of figures.entries()) {
    const pool = pools[i] as MatchingPool;
    withCounts.push({
      ...f,
      eligible: pool.eligible,
      projects: pool.projects,
      tiers: pool.tiers,
      capPerGiftFen: pool.capPerGiftFen,
      capPerDonorDayFen: pool.capPerDonorDayFen,
      capPerProjectFen: pool.capPerProjectFen,
      ...(await matchCounts(ctx.ledger.db, pool.slug)),
    });
  }
  const campaignProjects = view.snapshot.projects.filter((p) =>
    pools.some((pool) => p.campaigns.includes(pool.campaign)),
  );
  const matched = await matchedByProject(
    ctx.ledger.db,
    campaignProjects.map((p) => p.slug),
    figureScope(ctx),
  );
  const teams = await leaderboard(
    ctx,
    view.snapshot.projects.map((p) => p.slug),
    1000,
  );
  return {
    generatedAt: ctx.now().toISOString(),
    pools: withCounts,
    projects: [...matched].map(([slug, matchedFen]) => ({ slug, matchedFen })),
    teams,
  };
}
