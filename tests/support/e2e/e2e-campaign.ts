import {
  addDays,
  type Campaign,
  disclosureSchedule,
  donationEligibility,
  type IsoDate,
  type MatchingPool,
  parseSnapshot,
  type Snapshot,
  todayIso,
} from '../../../content/index.ts';
import { merchantConfigured } from '../../../content/node/index.ts';

/**
 * The e2e snapshot's running campaign with a 配捐 pool (tests/e2e/campaign-matching.test.ts).
 * The demo is generated for E2E_AS_OF, whose campaigns are not running on the day the tests run,
 * while the portal matches gifts by its own clock. So one campaign is added whose window holds
 * both the build's day and the run's day (and 30 days after), joined by two projects that accept
 * gifts on both days and have no overdue disclosure — the oldest such, so not the project the
 * other e2e files give to (the first of the listing, site-browser's templates). Everything else
 * of the snapshot is as generated.
 */
export const E2E_CAMPAIGN = 'e2e-nianzhong-yiqijuan';
export const E2E_POOL = 'e2e-nianzhong-peijuan';

export function withRunningPool(snapshot: Snapshot, asOf: IsoDate, now = new Date()): Snapshot {
  const today = todayIso(now);
  const charities = new Map(snapshot.charities.map((c) => [c.slug, c]));
  const acceptsOn = (day: IsoDate) => (p: Snapshot['projects'][number]) => {
    const charity = charities.get(p.charity);
    return (
      charity !== undefined &&
      donationEligibility({ project: p, charity, today: day, merchantConfigured: merchantConfigured(charity) }).eligible
    );
  };
  const disclosures = (slug: string) => snapshot.disclosures.filter((d) => d.project === slug);
  const joining = snapshot.projects
    .filter(acceptsOn(asOf))
    .filter(acceptsOn(today))
    .filter((p) => !disclosureSchedule(p, disclosures(p.slug), asOf).isOverdue)
    .filter((p) => !disclosureSchedule(p, disclosures(p.slug), today).isOverdue)
    .sort((a, b) =>
      a.publishedOn === b.publishedOn ? a.slug.localeCompare(b.slug) : a.publishedOn < b.publishedOn ? -1 : 1,
    )
    .slice(0, 2)
    .map((p) => p.slug);
  if (joining.length < 2) throw new Error('e2e 快照中没有两个在构建日和运行日都接受捐赠的项目');
  const window = { start: asOf < today ? asOf : today, end: addDays(asOf > today ? asOf : today, 30) };
  const campaign: Campaign = {
    slug: E2E_CAMPAIGN,
    title: '年终“一起捐”配捐示例活动',
    theme: '岁末一起捐，企业配捐',
    window,
    description: '端到端测试用的示例活动：参与项目的捐款按公开规则获得企业配捐。\n\n本页内容为演示用示例数据。',
    organiser: '衔接门户',
  };
  const pool: MatchingPool = {
    slug: E2E_POOL,
    title: '示例企业年终 1:1 配捐',
    sponsor: {
      name: '示例爱心科技有限公司',
      creditCode: snapshot.matchingPools[0]?.sponsor.creditCode ?? '',
      public: true,
    },
    campaign: E2E_CAMPAIGN,
    eligible: 'all',
    projects: [],
    window,
    tiers: [{ fromFen: 0, percent: 100 }],
    // The sandbox pays every gift as one Alipay buyer: a day's cap well above this file's gifts.
    capPerGiftFen: 2_000,
    capPerDonorDayFen: 100_000,
    capPerProjectFen: 500_000,
    totalFen: 1_000_000,
  };
  return parseSnapshot({
    ...snapshot,
    campaigns: [...snapshot.campaigns, campaign],
    projects: snapshot.projects.map((p) =>
      joining.includes(p.slug) ? { ...p, campaigns: [...p.campaigns, E2E_CAMPAIGN] } : p,
    ),
    matchingPools: [...snapshot.matchingPools, pool],
  });
}
