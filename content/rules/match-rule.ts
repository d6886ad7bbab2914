import { formatYuan } from '../contracts/money.ts';
import type { Campaign } from '../schemas/campaign.ts';
import type { IsoDate } from '../schemas/common.ts';
import type { MatchingPool } from '../schemas/matching-pool.ts';

/**
 * The one rule of 配捐 (issue 18), used by the ledger when a gift is paid, by the campaign page
 * (the rules in plain Chinese, what a gift of X would get) and by the donate step. Integer fen
 * only: each bracket's part is multiplied by its percent and divided once, rounded down, so a
 * sponsor never pledges a fen more than the published rule.
 */
export type MatchLimit = 'rule' | 'gift-cap' | 'donor-cap' | 'project-cap' | 'pool';

/** What the rule gives a gift of `amountFen`, before the donor's, project's and pool's room. */
export function ruleMatchFen(pool: Pick<MatchingPool, 'tiers' | 'capPerGiftFen'>, amountFen: number): number {
  let hundredths = 0n;
  for (const [i, tier] of pool.tiers.entries()) {
    const next = pool.tiers[i + 1]?.fromFen ?? Number.POSITIVE_INFINITY;
    const part = Math.max(0, Math.min(amountFen, next) - tier.fromFen);
    hundredths += BigInt(part) * BigInt(tier.percent);
  }
  return Math.min(Number(hundredths / 100n), pool.capPerGiftFen);
}

export interface MatchRoom {
  /** Already matched today (China time) for this donor from this pool. */
  donorDayFen: number;
  /** Already matched for this project from this pool. */
  projectFen: number;
  /** What is left of the pool. */
  poolLeftFen: number;
}

export interface MatchDecision {
  amountFen: number;
  /** What decided the amount: the rule itself, or the cap that cut it. */
  limitedBy: MatchLimit;
}

export function decideMatch(
  pool: Pick<MatchingPool, 'tiers' | 'capPerGiftFen' | 'capPerDonorDayFen' | 'capPerProjectFen'>,
  amountFen: number,
  room: MatchRoom,
): MatchDecision {
  const byRule = ruleMatchFen({ ...pool, capPerGiftFen: Number.MAX_SAFE_INTEGER }, amountFen);
  const limits: [MatchLimit, number][] = [
    // On a tie the first one named is the reason given: an empty pool says so before any cap.
    ['rule', byRule],
    ['pool', Math.max(0, room.poolLeftFen)],
    ['gift-cap', pool.capPerGiftFen],
    ['donor-cap', Math.max(0, pool.capPerDonorDayFen - room.donorDayFen)],
    ['project-cap', Math.max(0, pool.capPerProjectFen - room.projectFen)],
  ];
  let best = limits[0] as [MatchLimit, number];
  for (const limit of limits) if (limit[1] < best[1]) best = limit;
  return { amountFen: best[1], limitedBy: best[0] };
}

/** True when a gift to `project` (its campaigns), paid on `day`, falls under `pool`. */
export function poolCovers(
  pool: Pick<MatchingPool, 'campaign' | 'eligible' | 'projects' | 'window'>,
  project: { slug: string; campaigns: readonly string[] },
  day: IsoDate,
): boolean {
  if (!project.campaigns.includes(pool.campaign)) return false;
  if (pool.eligible === 'list' && !pool.projects.includes(project.slug)) return false;
  return day >= pool.window.start && day <= pool.window.end;
}

/** The pools that may match a gift, in the order they are tried (slug order: stable, stated). */
export function poolsFor<P extends Pick<MatchingPool, 'slug' | 'campaign' | 'eligible' | 'projects' | 'window'>>(
  pools: readonly P[],
  project: { slug: string; campaigns: readonly string[] },
  day: IsoDate,
): P[] {
  return pools.filter((p) => poolCovers(p, project, day)).sort((a, b) => (a.slug < b.slug ? -1 : 1));
}

/** The sponsor as pages show it. */
export function sponsorLabel(pool: Pick<MatchingPool, 'sponsor'>): string {
  return pool.sponsor.public ? pool.sponsor.name : '爱心企业（应其要求不公开名称）';
}

const ratio = (percent: number): string =>
  percent % 100 === 0 ? `1:${percent / 100}` : `每 1 元配 ${(percent / 100).toFixed(2).replace(/0$/, '')} 元`;

/** The rules in plain Chinese, one sentence each (campaign page, donate step, open data). */
export function matchRulesText(pool: MatchingPool, campaign: Pick<Campaign, 'title'> | null): string[] {
  const tiers = pool.tiers.map((t, i) => {
    const next = pool.tiers[i + 1];
    const span = next
      ? `捐款中 ${formatYuan(t.fromFen)} 至 ${formatYuan(next.fromFen)} 的部分`
      : t.fromFen === 0
        ? '每笔捐款'
        : `捐款中超过 ${formatYuan(t.fromFen)} 的部分`;
    return `${span}按 ${ratio(t.percent)} 配捐`;
  });
  return [
    `${sponsorLabel(pool)}在${pool.window.start} 至 ${pool.window.end}（北京时间）为${
      pool.eligible === 'all' ? `“${campaign?.title ?? '本活动'}”的全部项目` : `指定的 ${pool.projects.length} 个项目`
    }配捐，配捐总额 ${formatYuan(pool.totalFen)}，用完即止。`,
    `${tiers.join('；')}。`,
    `每笔捐款最多配捐 ${formatYuan(pool.capPerGiftFen)}；同一支付宝账户每天最多获配 ${formatYuan(pool.capPerDonorDayFen)}；每个项目最多获配 ${formatYuan(pool.capPerProjectFen)}。拆成多笔捐款不会多得配捐。`,
    '配捐是企业的承诺，由企业直接拨付给项目所属的慈善组织，本站不经手；退款时相应配捐退回配捐池。',
  ];
}

/** Publish-time check of a pool against its campaign (windows inside, projects in the campaign). */
export function poolAgainstCampaign(
  pool: Pick<MatchingPool, 'window' | 'eligible' | 'projects'>,
  campaign: Pick<Campaign, 'window' | 'title'> | undefined,
  projectCampaigns: (slug: string) => readonly string[] | undefined,
  campaignSlug: string,
): { field: string; message: string }[] {
  if (!campaign) return [{ field: 'campaign', message: `配捐所属的专题活动 “${campaignSlug}” 不存在或未发布` }];
  const issues: { field: string; message: string }[] = [];
  if (pool.window.start < campaign.window.start || pool.window.end > campaign.window.end) {
    issues.push({
      field: 'window',
      message: `配捐时间应在活动“${campaign.title}”的时间内（${campaign.window.start} 至 ${campaign.window.end}）`,
    });
  }
  if (pool.eligible === 'list') {
    for (const [i, slug] of pool.projects.entries()) {
      const campaigns = projectCampaigns(slug);
      if (!campaigns) issues.push({ field: `projects[${i}]`, message: `项目 “${slug}” 不存在或未发布` });
      else if (!campaigns.includes(campaignSlug))
        issues.push({ field: `projects[${i}]`, message: `项目 “${slug}” 未参加活动“${campaign.title}”` });
    }
  }
  return issues;
}
