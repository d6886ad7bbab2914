import { MATCH_ELIGIBILITY, type MatchingPool, matchRulesText, sponsorLabel } from '../../content/index.ts';
import { absoluteUrl, paths } from '../../content/paths.ts';
import type { Column, Dataset } from './open-data.ts';

/**
 * The open-data file of the 配捐 pools (/data/matching-pools.{json,csv}): each pool's published
 * rules, caps and total, as the release's snapshot has them — the same words as the campaign page
 * (content/rules/match-rule.ts). A sponsor who asked not to be named is 爱心企业 here too, without
 * its credit code. What changes between releases — matches per project, what is left of a pool,
 * teams' totals — is live open data at /api/open-data/matching.json. Nothing about a donor.
 */
type Abs = (path: string) => string;
/** A pool with its campaign's title (for the rules' wording). */
interface PoolRow {
  pool: MatchingPool;
  campaignTitle: string;
}

function poolColumns(abs: Abs): Column<PoolRow>[] {
  return [
    { name: 'slug', type: 'string', description: '配捐标识，在本门户内唯一', value: ({ pool: p }) => p.slug },
    { name: 'title', type: 'string', description: '配捐名称', value: ({ pool: p }) => p.title },
    {
      name: 'sponsor',
      type: 'string',
      description: '配捐企业或基金会（应其要求不公开名称的写作“爱心企业”）',
      value: ({ pool }) => sponsorLabel(pool),
    },
    {
      name: 'sponsor_credit_code',
      type: 'string',
      nullable: true,
      description: '配捐方统一社会信用代码；不公开名称的配捐方为空',
      value: ({ pool: p }) => (p.sponsor.public ? p.sponsor.creditCode : null),
    },
    { name: 'campaign_slug', type: 'string', description: '所属专题活动标识', value: ({ pool: p }) => p.campaign },
    {
      name: 'campaign_url',
      type: 'url',
      description: '专题活动页地址',
      value: ({ pool: p }) => abs(paths.campaign(p.campaign)),
    },
    {
      name: 'eligible',
      type: 'string',
      description: `适用项目：${Object.entries(MATCH_ELIGIBILITY)
        .map(([k, l]) => `${k}（${l}）`)
        .join('、')}`,
      value: ({ pool: p }) => p.eligible,
    },
    {
      name: 'projects',
      type: 'string[]',
      description: '指定项目的标识（eligible 为 list 时）',
      value: ({ pool: p }) => p.projects,
    },
    {
      name: 'window_start',
      type: 'date',
      description: '配捐开始日（北京时间）',
      value: ({ pool: p }) => p.window.start,
    },
    {
      name: 'window_end',
      type: 'date',
      description: '配捐结束日（北京时间，含当日）',
      value: ({ pool: p }) => p.window.end,
    },
    {
      name: 'tiers',
      type: 'string[]',
      description: '分档比例，每档写作“起点分:百分比”（如 0:100 即每笔捐款按 1:1 配捐；按超额累进计算）',
      value: ({ pool: p }) => p.tiers.map((t) => `${t.fromFen}:${t.percent}`),
    },
    {
      name: 'cap_per_gift_fen',
      type: 'integer',
      description: '每笔捐款最多配捐（分）',
      value: ({ pool: p }) => p.capPerGiftFen,
    },
    {
      name: 'cap_per_account_day_fen',
      type: 'integer',
      description: '同一支付宝账户每天最多获配（分）',
      value: ({ pool: p }) => p.capPerDonorDayFen,
    },
    {
      name: 'cap_per_project_fen',
      type: 'integer',
      description: '每个项目最多获配（分）',
      value: ({ pool: p }) => p.capPerProjectFen,
    },
    { name: 'total_fen', type: 'integer', description: '配捐总额（分），用完即止', value: ({ pool: p }) => p.totalFen },
    {
      name: 'rules',
      type: 'string',
      description: '规则全文（与活动页相同的中文表述）',
      value: ({ pool, campaignTitle }) => matchRulesText(pool, { title: campaignTitle }).join(''),
    },
  ];
}

export function matchingPoolDataset(siteUrl: URL | string | undefined): Dataset<PoolRow> {
  const abs: Abs = (path) => absoluteUrl(path, siteUrl);
  return {
    name: 'matching-pools',
    title: '配捐规则',
    description:
      '专题活动中企业或基金会配捐的公开规则：比例、每笔、每人每日、每个项目的上限和总额（配捐由配捐方直接拨付给慈善组织，本站不经手）。各项目获配金额、配捐余额和一起捐队伍的实时合计见 /api/open-data/matching.json；不含任何捐赠人信息。',
    columns: poolColumns(abs),
    items: (site) => {
      const titles = new Map(site.snapshot.campaigns.map((c) => [c.slug, c.title]));
      return site.snapshot.matchingPools.map((pool) => ({
        pool,
        campaignTitle: titles.get(pool.campaign) ?? '本活动',
      }));
    },
  };
}
