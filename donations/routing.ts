import {
  type Cause,
  formatDate,
  formatYuan,
  labelOf,
  matchingRegions,
  type Project,
  type Snapshot,
  TARGET_GROUPS,
} from '../content/index.ts';

/**
 * Routing a cause-donation (a target group and/or a region, DESIGN.md "Give") to ONE eligible
 * assistance project. The rule is deterministic — the same candidates and ledger totals always
 * give the same project — and it is written here and in donations/README.md:
 *
 *   candidates: projects that accept donations today (content/ `donationEligibility`) and match the
 *               cause — serve the target group, and have a region inside the asked region or
 *               containing it (a province-wide project serves each of its counties);
 *   1. a matching region in a 国家乡村振兴重点帮扶县 (key county) first — 民发〔2023〕46号 (四)
 *      asks for point-to-point help there;
 *   2. then the largest share of the filed goal still unmet, (goal − paid) / goal, with the paid
 *      total from our own ledger (exact integer comparison);
 *   3. then the fundraising window that ends first (money where time is short);
 *   4. then the slug, alphabetically (a total order, so ties cannot depend on input order).
 */
export interface RankedCandidate {
  slug: string;
  title: string;
  keyCounty: boolean;
  goalFen: number;
  raisedFen: number;
  windowEnd: string;
}

export interface RoutingChoice {
  chosen: RankedCandidate;
  ranking: RankedCandidate[];
  candidateCount: number;
  decidedBy: 'only-candidate' | 'key-county' | 'unmet-share' | 'window-end' | 'slug';
  reason: string;
}

export function toCandidate(project: Project, cause: Cause, raisedFen: number): RankedCandidate {
  if (!project.plan) throw new Error(`项目 ${project.slug} 没有募捐方案，不能参与分配`);
  return {
    slug: project.slug,
    title: project.title,
    keyCounty: matchingRegions(project, cause).some((r) => r.keyCounty),
    goalFen: project.plan.goalFen,
    raisedFen,
    windowEnd: project.plan.window.end,
  };
}

/** Negative when `a`'s unmet share is larger (so it sorts first). Exact: cross-multiplied in BigInt. */
function compareUnmetShare(a: RankedCandidate, b: RankedCandidate): number {
  const unmet = (c: RankedCandidate) => BigInt(Math.max(c.goalFen - c.raisedFen, 0));
  const left = unmet(a) * BigInt(b.goalFen);
  const right = unmet(b) * BigInt(a.goalFen);
  return left > right ? -1 : left < right ? 1 : 0;
}

const CRITERIA: [RoutingChoice['decidedBy'], (a: RankedCandidate, b: RankedCandidate) => number][] = [
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

/** The share of the goal still unmet, for people: "82.5%". Integer arithmetic, rounded down. */
export function unmetPercent(c: RankedCandidate): string {
  const permille = (BigInt(Math.max(c.goalFen - c.raisedFen, 0)) * 1000n) / BigInt(c.goalFen);
  return `${permille / 10n}.${permille % 10n}%`;
}

const DECIDED: Record<RoutingChoice['decidedBy'], string> = {
  'only-candidate': '它是唯一符合条件的项目',
  'key-county': '它的实施地区在国家乡村振兴重点帮扶县',
  'unmet-share': '它尚未筹得的目标比例更高',
  'window-end': '它的募捐期更早结束',
  slug: '前三项条件相同，按项目标识字母序',
};

export function routeCause(causeLabel: string, candidates: RankedCandidate[]): RoutingChoice | null {
  if (candidates.length === 0) return null;
  const ranking = [...candidates].sort(compareCandidates);
  const chosen = ranking[0] as RankedCandidate;
  const second = ranking[1];
  const decidedBy = second ? (CRITERIA.find(([, c]) => c(chosen, second) !== 0)?.[0] ?? 'slug') : 'only-candidate';
  const reason =
    `按捐赠方向「${causeLabel}」，符合条件且正在接受捐赠的救助帮扶项目共 ${candidates.length} 个。` +
    '分配规则依次为：①实施地区在国家乡村振兴重点帮扶县者优先；②尚未筹得的目标比例高者优先；' +
    '③募捐期先结束者优先；④项目标识字母序。' +
    `选定「${chosen.title}」（${chosen.slug}）：${chosen.keyCounty ? '实施地区含重点帮扶县' : '实施地区不含重点帮扶县'}，` +
    `尚未筹得目标的 ${unmetPercent(chosen)}（已筹 ${formatYuan(chosen.raisedFen)}，目标 ${formatYuan(chosen.goalFen)}），` +
    `募捐期至${formatDate(chosen.windowEnd)}。` +
    (second ? `与第二位「${second.title}」相比，决定因素是：${DECIDED[decidedBy]}。` : `${DECIDED[decidedBy]}。`);
  return { chosen, ranking: ranking.slice(0, 10), candidateCount: candidates.length, decidedBy, reason };
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
