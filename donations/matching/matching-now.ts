import { matchRulesText, poolsFor, todayIso } from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { poolFigures } from './campaign-stats.ts';

/**
 * The 配捐 a gift to `projectSlug` would meet if paid now: the first pool that covers it today
 * (the allocation's own order), with what is left — so the donate step can say "used up" before
 * anyone pays. Null when no pool covers the project today.
 */
export async function matchingNow(ctx: DonationsContext, projectSlug: string) {
  const view = await ctx.snapshots.current();
  const project = view.projects.get(projectSlug);
  if (!project) return null;
  const pools = poolsFor(view.snapshot.matchingPools, project, todayIso(ctx.now()));
  const figures = await poolFigures(ctx, pools);
  const open = figures.find((f) => !f.exhausted) ?? figures[0];
  if (!open) return null;
  const pool = pools.find((p) => p.slug === open.slug);
  return {
    pool: open.title,
    sponsor: open.sponsor,
    remainingFen: open.remainingFen,
    exhausted: open.exhausted,
    rules: pool ? matchRulesText(pool, view.campaigns.get(pool.campaign) ?? null) : [],
  };
}
