import {
  AGGREGATE_LEVELS,
  COMPLEMENT_MARK,
  type PublishedCount,
  type ReferralAggregateRow,
  SMALL_MARK,
  TARGET_GROUPS,
} from '../../content/index.ts';
import type { Column, Dataset } from './open-data.ts';

/**
 * The open-data file of the 衔接 workbench's results (/data/referrals.{json,csv}): the release's
 * suppressed aggregates, one row per region and target group, exactly as the pages show them —
 * counts are integers, "<5" (1–4) or "suppressed" (hidden so a total cannot reveal a "<5").
 * There is no referral-level file and never will be.
 */
const LEVEL_LABELS: Record<(typeof AGGREGATE_LEVELS)[number], string> = {
  national: '全国',
  province: '省级',
  county: '县级',
};

const COUNT_NOTE = `；整数，或 "${SMALL_MARK}"（1 至 4 件，不公布确数），或 "${COMPLEMENT_MARK}"（为免由合计推算出被隐去的小数而隐去）`;

function countColumn(
  name: string,
  description: string,
  value: (r: ReferralAggregateRow) => PublishedCount,
): Column<ReferralAggregateRow> {
  return { name, type: 'count', description: `${description}${COUNT_NOTE}`, value };
}

function referralColumns(): Column<ReferralAggregateRow>[] {
  return [
    {
      name: 'level',
      type: 'string',
      description: `汇总层级：${AGGREGATE_LEVELS.map((l) => `${l}（${LEVEL_LABELS[l]}）`).join('、')}`,
      value: (r) => r.level,
    },
    {
      name: 'region_code',
      type: 'string',
      nullable: true,
      description: '省级或县级行政区划代码（GB/T 2260）；全国为空',
      value: (r) => r.regionCode,
    },
    { name: 'region_name', type: 'string', description: '地区名称', value: (r) => r.regionName },
    {
      name: 'target_group',
      type: 'string',
      nullable: true,
      description: `帮扶对象：${Object.entries(TARGET_GROUPS)
        .map(([k, l]) => `${k}（${l}）`)
        .join('、')}；为空表示全部帮扶对象合计`,
      value: (r) => r.targetGroup,
    },
    countColumn('referrals_made', '民政部门转介至慈善组织的件数', (r) => r.toCharity.made),
    countColumn('referrals_awaiting', '其中尚未答复、仍在答复期限内', (r) => r.toCharity.awaiting),
    countColumn('referrals_accepted', '其中慈善组织已接收（含接收后已结案）', (r) => r.toCharity.accepted),
    countColumn('referrals_declined', '其中慈善组织已婉拒', (r) => r.toCharity.declined),
    countColumn('referrals_overdue', '其中逾期未答复', (r) => r.toCharity.overdue),
    countColumn('referrals_helped', '其中已帮扶并结案', (r) => r.toCharity.helped),
    {
      name: 'median_days_to_accept',
      type: 'number',
      nullable: true,
      description: '从转介到接收的天数的中位数；已接收件数未公布时为空',
      value: (r) => r.toCharity.medianDaysToAccept,
    },
    {
      name: 'helped_percent',
      type: 'integer',
      nullable: true,
      description: '已帮扶 ÷ 转介，取整的百分数；任一未公布时为空',
      value: (r) => r.toCharity.helpedPercent,
    },
    countColumn('reports_made', '慈善组织报告民政部门的件数', (r) => r.toCivilAffairs.reports),
    countColumn('reports_pending', '其中待处理', (r) => r.toCivilAffairs.pending),
    countColumn('reports_assessed', '其中已核查', (r) => r.toCivilAffairs.assessed),
    countColumn('reports_not_eligible', '其中不符合条件', (r) => r.toCivilAffairs.notEligible),
    countColumn('reports_assisted', '其中已纳入救助', (r) => r.toCivilAffairs.assisted),
    countColumn('reports_helped_to_apply', '其中已协助申请', (r) => r.toCivilAffairs.helpedToApply),
  ];
}

export function referralDataset(): Dataset<ReferralAggregateRow> {
  return {
    name: 'referrals',
    title: '转介衔接汇总',
    description:
      '民政部门与慈善组织之间双向转介的去标识汇总数（按全国、省、县和帮扶对象），少于 5 件的数字及可推算出它们的数字已隐去；不含任何家庭或单个转介。',
    columns: referralColumns(),
    items: (site) => site.snapshot.referralAggregates?.rows ?? [],
  };
}
