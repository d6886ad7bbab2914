import { formatCount, formatDate } from '../../../content/contracts/format.ts';
import {
  COMPLEMENT_MARK,
  type PublishedCount,
  type ReferralAggregateRow,
  type ReferralAggregates,
  SMALL_MARK,
  TARGET_GROUPS,
} from '../../../content/index.ts';
import { paths } from '../../../content/paths.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * The 衔接 workbench's public tables (needs pages, transparency dashboard): referrals from civil
 * affairs to charities and reports from charities to civil affairs, per target group or per
 * region. They print the snapshot's already-suppressed aggregates and nothing else: "<5" and
 * "已隐去" come from there, and this file has no way to a raw count. Tables scroll sideways on a
 * phone with the row header held (site/styles/tables.css `.scroll-x`).
 */

export const COMPLEMENT_LABEL = '已隐去';

function count(value: PublishedCount): SafeHtml {
  if (value === SMALL_MARK) return html`<span class="cell-small">&lt;5</span>`;
  if (value === COMPLEMENT_MARK) return html`<span class="cell-hidden">${COMPLEMENT_LABEL}</span>`;
  return html`${formatCount(value)}`;
}

/** A median of whole days, already rounded to one decimal (1.5 天): small enough to need no grouping. */
function days(value: number | null): string {
  return value === null ? '—' : `${String(value)} 天`;
}

function percent(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

type RowLabel = (row: ReferralAggregateRow) => SafeHtml;

function table(
  id: string,
  caption: string,
  head: string,
  rows: ReferralAggregateRow[],
  label: RowLabel,
  kind: 'charity' | 'report',
): SafeHtml {
  const columns =
    kind === 'charity'
      ? ['转介', '待答复', '逾期未答复', '已婉拒', '已接收', '已帮扶', '接收用时中位数', '帮扶占比']
      : ['报告', '待处理', '已核查', '不符合条件', '已纳入救助', '已协助申请'];
  const cells = (r: ReferralAggregateRow): SafeHtml[] => {
    if (kind === 'report') {
      const c = r.toCivilAffairs;
      return [c.reports, c.pending, c.assessed, c.notEligible, c.assisted, c.helpedToApply].map(count);
    }
    const c = r.toCharity;
    return [
      ...[c.made, c.awaiting, c.overdue, c.declined, c.accepted, c.helped].map(count),
      html`${days(c.medianDaysToAccept)}`,
      html`${percent(c.helpedPercent)}`,
    ];
  };
  return html`<div class="scroll-x" role="region" aria-labelledby="${id}" tabindex="0"><table class="referral-table"><caption id="${id}">${caption}</caption><thead><tr><th scope="col">${head}</th>${columns.map((c) => html`<th scope="col" class="num">${c}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr><th scope="row">${label(r)}</th>${cells(r).map((c) => html`<td class="num">${c}</td>`)}</tr>`,
  )}</tbody></table></div>`;
}

/** What "<5", "已隐去" and "—" mean, and what the tables never hold: under every set of tables. */
export function referralNoteHtml(asOf: string): SafeHtml {
  return html`<div class="small muted referral-note"><p><strong>&lt;5</strong>：1 至 4 件。件数少时，结合地区和帮扶对象可能认出具体家庭，因此不公布确切数字；0 照常公布。<strong>${COMPLEMENT_LABEL}</strong>：本身不少于 5 件，但若公布，可用合计（或上级地区、其他帮扶对象的数字）减出某个“&lt;5”的确数，因此一并隐去。<strong>—</strong>：中位数或占比的基数未公布，或尚无可计算的转介。</p><p>转介：民政部门经本人（未成年人为监护人）同意，把困难家庭转给慈善组织；报告：慈善组织发现可能符合低保、特困供养或临时救助条件的人，报告当地民政部门。转介 = 待答复 + 逾期未答复 + 已婉拒 + 已接收；已接收含接收后已结案的转介；帮扶占比 = 已帮扶 ÷ 转介。只公布去标识的汇总数，不含任何家庭、个人或单个转介的信息。统计截至${formatDate(asOf)}。</p></div>`;
}

const groupLabel: RowLabel = (r) => html`${r.targetGroup === null ? '全部' : TARGET_GROUPS[r.targetGroup]}`;

/** One region's two tables, one row per target group (全部 first). */
export function regionReferralTablesHtml(
  aggregates: ReferralAggregates,
  regionCode: string | null,
  idPrefix: string,
): SafeHtml | null {
  const rows = aggregates.rows.filter((r) => r.regionCode === regionCode);
  if (rows.length === 0) return null;
  const name = rows[0]?.regionName ?? '';
  const charityRows = rows.filter((r) => r.toCharity.made !== 0);
  const reportRows = rows.filter((r) => r.toCivilAffairs.reports !== 0);
  return html`${
    charityRows.length > 0
      ? table(
          `${idPrefix}-charity`,
          `${name}：民政部门转介至慈善组织（按帮扶对象）`,
          '帮扶对象',
          charityRows,
          groupLabel,
          'charity',
        )
      : html`<p>${name}尚无民政部门转介至慈善组织的记录。</p>`
  }${
    reportRows.length > 0
      ? table(
          `${idPrefix}-report`,
          `${name}：慈善组织报告民政部门（按帮扶对象）`,
          '帮扶对象',
          reportRows,
          groupLabel,
          'report',
        )
      : html`<p>${name}尚无慈善组织报告民政部门的记录。</p>`
  }`;
}

/**
 * The sub-regions of a region (provinces of the country, counties of a province), every target
 * group together, one table per direction. Provinces link to their needs page's tables.
 */
export function subRegionReferralTablesHtml(
  aggregates: ReferralAggregates,
  parentCode: string | null,
  idPrefix: string,
): SafeHtml | null {
  const rows = aggregates.rows.filter(
    (r) =>
      r.targetGroup === null &&
      (parentCode === null
        ? r.level === 'province'
        : r.level === 'county' && r.regionCode?.slice(0, 2) === parentCode.slice(0, 2)),
  );
  if (rows.length === 0) return null;
  const what = parentCode === null ? '各省' : '各县（市、区）';
  const head = parentCode === null ? '省级地区' : '县级地区';
  // A county is named without its province (the table is the province's): 柳州市三江侗族自治县.
  const parentName = aggregates.rows.find((r) => r.regionCode === parentCode)?.regionName ?? '';
  const short = (name: string) =>
    parentCode !== null && name.startsWith(parentName) && name.length > parentName.length
      ? name.slice(parentName.length)
      : name;
  const label: RowLabel = (r) =>
    parentCode === null && r.regionCode
      ? html`<a href="${paths.needsInProvince(r.regionCode)}#referrals">${r.regionName}</a>`
      : html`${short(r.regionName)}`;
  return html`${table(`${idPrefix}-charity`, `${what}：民政部门转介至慈善组织`, head, rows, label, 'charity')}${table(
    `${idPrefix}-report`,
    `${what}：慈善组织报告民政部门`,
    head,
    rows,
    label,
    'report',
  )}`;
}

/**
 * The whole public account for one scope: the country (transparency dashboard, needs index) or a
 * province (its needs page): its tables by target group, its sub-regions, the note, the files.
 */
export function referralSectionBodyHtml(
  aggregates: ReferralAggregates | undefined,
  provinceCode: string | null,
): SafeHtml {
  if (!aggregates) return html`<p>本版本的数据中还没有转介衔接的统计。</p>`;
  const own = regionReferralTablesHtml(
    aggregates,
    provinceCode,
    provinceCode === null ? 'referrals-cn' : `referrals-${provinceCode}`,
  );
  if (!own) {
    return html`<p>截至${formatDate(aggregates.asOf)}，${provinceCode === null ? '平台' : '本省'}尚无经本平台的转介或报告。</p>`;
  }
  const subs = subRegionReferralTablesHtml(
    aggregates,
    provinceCode,
    provinceCode === null ? 'referrals-provinces' : 'referrals-counties',
  );
  // A province page also opens each county by target group (<details>: no script needed).
  const counties =
    provinceCode === null
      ? []
      : aggregates.rows.filter(
          (r) =>
            r.level === 'county' && r.targetGroup === null && r.regionCode?.slice(0, 2) === provinceCode.slice(0, 2),
        );
  const provinceName =
    own && provinceCode !== null ? (aggregates.rows.find((r) => r.regionCode === provinceCode)?.regionName ?? '') : '';
  const countyDetails = counties.map((c) => {
    const code = c.regionCode ?? '';
    const label = c.regionName.startsWith(provinceName) ? c.regionName.slice(provinceName.length) : c.regionName;
    return html`<details class="referral-county"><summary>${label}：按帮扶对象</summary>${regionReferralTablesHtml(aggregates, code, `referrals-${code}`)}</details>`;
  });
  return html`${own}${subs ? html`<h3>${provinceCode === null ? '按省' : '按县（市、区）'}</h3>${subs}` : ''}${countyDetails}${referralNoteHtml(aggregates.asOf)}<p>下载全部汇总数：<a href="${paths.dataFile('referrals.csv')}" download>CSV</a>、<a href="${paths.dataFile('referrals.json')}">JSON</a>（<a href="${paths.openData()}#dataset-referrals">字段说明</a>）。</p>`;
}
