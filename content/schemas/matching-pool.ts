import { z } from 'zod';
import { creditCode } from './charity.ts';
import { dateRange, fen, nonEmptyText, slug } from './common.ts';

/**
 * 配捐 — a sponsor's matching pool on a campaign (issue 18). A match is a **pledge**: the sponsor
 * pays it to the project's charity directly, the portal never holds it. The rules are published in
 * advance and enforced when a gift is paid (donations/matching/): a gift is matched by brackets of
 * its amount (`tiers`, marginal like a tax table: 1:1 is one bracket at 100 %), never beyond the
 * cap per gift, the donor's cap per day, the project's cap or what is left of the pool.
 */
export const matchTierSchema = z.object({
  /** The bracket starts at this part of the gift (the first bracket starts at 0). */
  fromFen: fen,
  /** Matched percent of the part of the gift in this bracket (100 = 1:1). */
  percent: z
    .number({ message: '配捐比例应为整数百分比' })
    .int({ message: '配捐比例应为整数百分比' })
    .min(1, { message: '配捐比例至少 1%' })
    .max(300, { message: '配捐比例最多 300%（1:3）' }),
});
export type MatchTier = z.infer<typeof matchTierSchema>;

/** Which projects a pool covers (labels for the CMS). */
export const MATCH_ELIGIBILITY = { all: '活动的全部项目', list: '指定项目' } as const;

const positiveFen = fen.min(1, { message: '金额应大于 0' });

export const matchingPoolSchema = z
  .object({
    slug,
    /** e.g. `中华慈善日 1:1 配捐`. */
    title: nonEmptyText(60),
    sponsor: z.object({
      name: nonEmptyText(100),
      creditCode,
      /** False: pages say 爱心企业 instead of the name (the settlement statement still names it). */
      public: z.boolean(),
    }),
    campaign: slug,
    /** `all`: every project of the campaign; `list`: only `projects`. */
    eligible: z.enum(Object.keys(MATCH_ELIGIBILITY) as ['all', 'list']),
    projects: z.array(slug).default([]),
    /** Days (China time) in which a paid gift is matched; inside the campaign's window. */
    window: dateRange,
    tiers: z.array(matchTierSchema).min(1, { message: '至少一档配捐比例' }).max(5, { message: '最多 5 档' }),
    capPerGiftFen: positiveFen,
    capPerDonorDayFen: positiveFen,
    capPerProjectFen: positiveFen,
    totalFen: positiveFen,
    /** Plain-Chinese note shown with the rules (optional). */
    note: nonEmptyText(300).optional(),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.tiers[0]?.fromFen !== 0) issue('tiers', '第一档应从 0 元起');
    for (let i = 1; i < p.tiers.length; i++) {
      if ((p.tiers[i]?.fromFen ?? 0) <= (p.tiers[i - 1]?.fromFen ?? 0)) issue('tiers', '各档起点应逐档增大');
    }
    if (p.eligible === 'list' && p.projects.length === 0) issue('projects', '选择“指定项目”时至少列出一个项目');
    if (p.eligible === 'all' && p.projects.length > 0) issue('projects', '“活动全部项目”时不要再列项目');
    if (new Set(p.projects).size !== p.projects.length) issue('projects', '项目重复');
    if (p.capPerGiftFen > p.capPerDonorDayFen) issue('capPerGiftFen', '每笔上限不能大于每人每日上限');
    if (p.capPerDonorDayFen > p.capPerProjectFen) issue('capPerDonorDayFen', '每人每日上限不能大于每个项目上限');
    if (p.capPerProjectFen > p.totalFen) issue('capPerProjectFen', '每个项目上限不能大于配捐总额');
  });
export type MatchingPool = z.infer<typeof matchingPoolSchema>;
