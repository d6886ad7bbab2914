import {
  addDays,
  type Cause,
  labelOf,
  type MoneyUnit,
  matchingRegions,
  type Project,
  type ProjectMoney,
  type Snapshot,
  sharedMoneyUnit,
  TARGET_GROUPS,
} from '../content/index.ts';
import { routingReason } from './routing-reason.ts';

/**
 * Routing a cause-donation (a target group and/or a region, DESIGN.md "Give") to ONE eligible
 * assistance project. The rule is deterministic — the same candidates and totals always give the
 * same project — and it is written here and in donations/README.md:
 *
 *   candidates: projects that accept donations today (content/ `donationEligibility`), match the
 *               cause — serve the target group, and have a region inside the asked region or
 *               containing it (a province-wide project serves each of its counties) — and have no
 *               overdue disclosure (content/ `disclosureSchedule`, the rule of the site's
 *               逾期未披露 list): money a donor did not pick is never sent where the public
 *               record is behind;
 *   1. a matching region in a 国家乡村振兴重点帮扶县 (key county) first — 民发〔2023〕46号 (四)
 *      asks for point-to-point help there;
 *   2. then the largest share of the filed goal still unmet, (goal − raised) / goal, with raised the
 *      best known total: the latest disclosure's raised-to-date (the project page's 已公开募得,
 *      content/ `projectMoney`) plus what was paid through this portal after the day it covers
 *      (exact integer comparison);
 *   3. then the fundraising window that ends first (money where time is short);
 *   4. then the slug, alphabetically (a total order, so ties cannot depend on input order).
 *
 * A gift made on a campaign page is routed among that campaign's projects only (route-cause.ts),
 * by the same rules; its reason says so.
 */
export interface RankedCandidate {
  slug: string;
  title: string;
  keyCounty: boolean;
  goalFen: number;
  /** The latest disclosure's raised-to-date (0 when nothing is disclosed). */
  disclosedFen: number;
  /** That disclosure's publication day and the last day it covers; null when nothing is disclosed. */
  disclosedOn: string | null;
  coversTo: string | null;
  /** Net paid through this portal after `coversTo` (every gift when nothing is disclosed). */
  portalSinceFen: number;
  /** disclosedFen + portalSinceFen: the best known total, which routing ranks by. */
  raisedFen: number;
  windowEnd: string;
  /** The unit the project page shows its goal and 已公开募得 in, which the reason repeats. */
  unit: MoneyUnit;
}

export interface RoutingChoice {
  chosen: RankedCandidate;
  ranking: RankedCandidate[];
  candidateCount: number;
  /** Projects that matched and took donations but were left out for an overdue disclosure. */
  overdueCount: number;
  decidedBy: DecidedBy;
  /** The campaign whose projects alone were candidates (a gift on its page); absent otherwise. */
  campaignTitle?: string;
  reason: string;
}

export type DecidedBy = 'only-candidate' | 'key-county' | 'unmet-share' | 'window-end' | 'slug';

/**
 * From when portal gifts add to a disclosure's total: the day after the last day it covers,
 * 00:00 Beijing time, as the ISO instant the ledger stores; null (every gift) without a disclosure.
 */
export function portalGiftsSince(money: Pick<ProjectMoney, 'coversTo'>): string | null {
  if (money.coversTo === null) return null;
  return new Date(`${addDays(money.coversTo, 1)}T00:00:00+08:00`).toISOString();
}

export function toCandidate(
  project: Project,
  cause: Cause,
  money: Pick<ProjectMoney, 'raisedFen' | 'spentFen' | 'asOf' | 'coversTo'>,
  portalSinceFen: number,
): RankedCandidate {
  if (!project.plan) throw new Error(`项目 ${project.slug} 没有募捐方案，不能参与分配`);
  return {
    slug: project.slug,
    title: project.title,
    keyCounty: matchingRegions(project, cause).some((r) => r.keyCounty),
    goalFen: project.plan.goalFen,
    disclosedFen: money.raisedFen,
    disclosedOn: money.asOf,
    coversTo: money.coversTo,
    portalSinceFen,
    raisedFen: money.raisedFen + portalSinceFen,
    windowEnd: project.plan.window.end,
    // As on the project page (site/lib/render/funding-progress.ts): its three baked figures share one.
    unit: sharedMoneyUnit([project.plan.goalFen, money.raisedFen, money.spentFen]),
  };
}

/** Negative when `a`'s unmet share is larger (so it sorts first). Exact: cross-multiplied in BigInt. */
function compareUnmetShare(a: RankedCandidate, b: RankedCandidate): number {
  const unmet = (c: RankedCandidate) => BigInt(Math.max(c.goalFen - c.raisedFen, 0));
  const left = unmet(a) * BigInt(b.goalFen);
  const right = unmet(b) * BigInt(a.goalFen);
  return left > right ? -1 : left < right ? 1 : 0;
}

const CRITERIA: [DecidedBy, (a: RankedCandidate, b: RankedCandidate) => number][] = [
  ['key-county', (a, b) => Number(b.keyCounty) - Number(a.keyCounty)],
  ['unmet-share', compareUnmetShare],
  ['window-end', (a, b) => (a.windowEnd < b.windowEnd ? -1 : a.windowEnd > b.windowEnd ? 1 : 0)],
  ['slug', (a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)],
];

export function compareCandidates(a: RankedCandidate, b: RankedCandidate): number {
  for (const [, compare] of CRITERIA) {
    const c = compare(a, b);
    if (c !== 0) return c;
  }
  return 0;
}

export function routeCause(
  causeLabel: string,
  candidates: RankedCandidate[],
  overdueCount = 0,
  campaignTitle?: string,
): RoutingChoice | null {
  if (candidates.length === 0) return null;
  const ranking = [...candidates].sort(compareCandidates);
  const chosen = ranking[0] as RankedCandidate;
  const second = ranking[1];
  const decidedBy = second ? (CRITERIA.find(([, c]) => c(chosen, second) !== 0)?.[0] ?? 'slug') : 'only-candidate';
  const reason = routingReason({
    causeLabel,
    candidateCount: candidates.length,
    overdueCount,
    chosen,
    second,
    decidedBy,
    campaignTitle,
  });
  return {
    chosen,
    ranking: ranking.slice(0, 10),
    candidateCount: candidates.length,
    overdueCount,
    decidedBy,
    ...(campaignTitle === undefined ? {} : { campaignTitle }),
    reason,
  };
}

/** "农村留守儿童 · 甘肃省定西市岷县" — names looked up in the snapshot, the code when unknown. */
export function describeCause(cause: Cause, snapshot: Snapshot): string {
  const parts: string[] = [];
  if (cause.targetGroup) parts.push(labelOf(TARGET_GROUPS, cause.targetGroup));
  if (cause.region) {
    let name: string | undefined;
    for (const region of [...snapshot.projects.flatMap((p) => p.regions), ...snapshot.charities.map((c) => c.region)]) {
      if (region.code === cause.region) name = region.name;
      else if (region.provinceCode === cause.region) name ??= region.province;
      if (name === region.name) break;
    }
    parts.push(name ?? `地区 ${cause.region}`);
  }
  return parts.length > 0 ? parts.join(' · ') : '不限方向';
}
