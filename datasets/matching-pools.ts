import { withCreditCodeCheck } from '../content/rules/credit-code.ts';
import type { Campaign } from '../content/schemas/campaign.ts';
import type { IsoDate } from '../content/schemas/common.ts';
import type { MatchingPool } from '../content/schemas/matching-pool.ts';
import type { Project } from '../content/schemas/project.ts';

/**
 * Demo 配捐 (issue 18): one fictional sponsor's pool on the campaign that runs on `asOf` (else the
 * next to start, else the latest), so the demo's campaign page has a pool to show and the donate
 * step a rule to apply. Deterministic: derived from the campaigns and projects alone.
 */
export function generateMatchingPools(
  campaigns: readonly Campaign[],
  projects: readonly Project[],
  asOf: IsoDate,
): MatchingPool[] {
  const joined = (c: Campaign) => projects.some((p) => p.campaigns.includes(c.slug));
  const withProjects = campaigns.filter(joined);
  const running = withProjects.find((c) => c.window.start <= asOf && asOf <= c.window.end);
  const next = [...withProjects]
    .filter((c) => c.window.start > asOf)
    .sort((a, b) => (a.window.start < b.window.start ? -1 : 1))[0];
  const latest = [...withProjects].sort((a, b) => (a.window.end < b.window.end ? 1 : -1))[0];
  const campaign = running ?? next ?? latest;
  if (!campaign) return [];
  return [
    {
      slug: `${campaign.slug}-peijuan`,
      title: '示例企业 1:1 配捐',
      sponsor: {
        // A fictional company: the credit code is well-formed (demo only), the name says 示例.
        name: '示例爱心科技有限公司',
        creditCode: withCreditCodeCheck('91110000MA0DEM001'),
        public: true,
      },
      campaign: campaign.slug,
      eligible: 'all',
      projects: [],
      window: campaign.window,
      tiers: [
        { fromFen: 0, percent: 100 },
        { fromFen: 10_000, percent: 50 },
      ],
      capPerGiftFen: 10_000,
      capPerDonorDayFen: 20_000,
      capPerProjectFen: 2_000_000,
      totalFen: 10_000_000,
      note: '示例数据：配捐由企业直接拨付给项目所属慈善组织。',
    },
  ];
}
