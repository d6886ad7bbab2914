import type { SortKey } from './facets.ts';
import type { ProjectView, SiteData } from './site-data.ts';

/**
 * The orders a donor can sort projects accepting gifts by (facets.ts SORTS), as comparators of
 * project views. Ties fall back to the listing's own order (accepting first, status, newest), so
 * each order is total and a page never shows a project twice or skips one.
 */
const far = '9999-12-31';

/** Share of the goal still to raise, in per-mille (1000 = nothing raised); no goal sorts last. */
function missingPermille(view: ProjectView): number {
  const goal = view.project.plan?.goalFen ?? 0;
  if (goal <= 0) return -1;
  return 1000 - Math.min(1000, Math.floor((view.money.raisedFen * 1000) / goal));
}

const COMPARE: Record<SortKey, (a: ProjectView, b: ProjectView) => number> = {
  // The fundraising window closing soonest first.
  ending: (a, b) => (a.project.plan?.window.end ?? far).localeCompare(b.project.plan?.window.end ?? far),
  // Furthest from the goal (by share) first, then the larger sum still missing.
  needed: (a, b) =>
    missingPermille(b) - missingPermille(a) ||
    (b.project.plan?.goalFen ?? 0) - b.money.raisedFen - ((a.project.plan?.goalFen ?? 0) - a.money.raisedFen),
  newest: (a, b) => b.project.publishedOn.localeCompare(a.project.publishedOn),
};

const cache = new WeakMap<SiteData, Map<string, number[]>>();

/** The positions (in `site.projects`) of a filter combination in the given order, built once per build. */
export function sortedPositions(site: SiteData, comboKey: string, sort: SortKey): number[] {
  let bySite = cache.get(site);
  if (!bySite) {
    bySite = new Map();
    cache.set(site, bySite);
  }
  const key = `${comboKey}|${sort}`;
  const hit = bySite.get(key);
  if (hit) return hit;
  const compare = COMPARE[sort];
  const sorted = [...(site.projectCombos.get(comboKey) ?? [])].sort((i, j) => {
    const a = site.projects[i];
    const b = site.projects[j];
    return (a && b ? compare(a, b) : 0) || i - j;
  });
  bySite.set(key, sorted);
  return sorted;
}
