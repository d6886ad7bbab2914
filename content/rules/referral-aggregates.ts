import type { ReferralFact } from '../contracts/referral-facts.ts';
import type { IsoDate } from '../schemas/common.ts';
import {
  COMPLEMENT_MARK,
  type PublishedCount,
  REFERRAL_COUNT_FIELDS,
  REPORT_COUNT_FIELDS,
  type ReferralAggregateRow,
  type ReferralAggregates,
  type ReferralCountField,
  type ReportCountField,
  SMALL_MARK,
} from '../schemas/referral-aggregates.ts';
import { TARGET_GROUPS, type TargetGroup } from '../schemas/taxonomy.ts';
import { daysBetween } from './dates.ts';
import { type AdditiveGroup, type CellStatus, SMALL_CELL_THRESHOLD, suppressCells } from './small-cell-suppression.ts';

/**
 * De-identified referral facts → the suppressed tables a release publishes: per country,
 * province and county, per target group (and all groups together), how many referrals were made
 * to charities, accepted, declined, overdue, helped, the median days to accept and the share
 * helped; how many reports went to civil affairs and how they stand. Pure and browser-safe.
 *
 * Every count takes part in the additive groups a reader could subtract along — target groups
 * add up to "all groups", counties to their province, provinces to the country, report outcomes
 * to the reports made, referrals awaiting an answer, overdue, declined and accepted to the
 * referrals made — and goes through small-cell-suppression.ts over all of them at once. (The
 * awaiting count is published for that reason too: left out, it would still be bounded below by
 * 0, and "13 made, 12 accepted, 0 declined" would pin an overdue "<5" to 1.) `helped` is part of
 * `accepted` with the rest unpublished: a bound of at least 5 above a "<5" pins nothing. A derived
 * figure is dropped when its base is hidden.
 */

const NATIONAL = 'CN';
const ALL = '*';
const GROUPS = Object.keys(TARGET_GROUPS) as TargetGroup[];
const CHARITY_FIELDS = Object.keys(REFERRAL_COUNT_FIELDS) as ReferralCountField[];
const REPORT_FIELDS = Object.keys(REPORT_COUNT_FIELDS) as ReportCountField[];
const REPORT_OUTCOME_FIELD: Record<string, ReportCountField> = {
  pending: 'pending',
  assessed: 'assessed',
  'not-eligible': 'notEligible',
  assisted: 'assisted',
  'helped-to-apply': 'helpedToApply',
};

interface RawRow {
  region: string;
  group: string;
  counts: Map<string, number>;
  acceptDays: number[];
}

/** Names for region codes; unknown codes are named by their code. */
export type RegionNamer = (code: string) => string | undefined;

const cellKey = (region: string, group: string, field: string) => `${region}|${group}|${field}`;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

function publish(value: number, status: CellStatus | undefined): PublishedCount {
  if (status === 'small') return SMALL_MARK;
  if (status === 'complement') return COMPLEMENT_MARK;
  return value;
}

/** The raw (unsuppressed) rows: never leaves this module. */
function countRows(facts: readonly ReferralFact[]): {
  rows: Map<string, RawRow>;
  provinces: Map<string, Set<string>>;
} {
  const rows = new Map<string, RawRow>();
  const provinces = new Map<string, Set<string>>();
  const fields = [...CHARITY_FIELDS, ...REPORT_FIELDS];
  const rowOf = (region: string, group: string): RawRow => {
    const id = `${region}|${group}`;
    let row = rows.get(id);
    if (!row) {
      row = { region, group, counts: new Map(fields.map((f) => [f, 0])), acceptDays: [] };
      rows.set(id, row);
    }
    return row;
  };
  for (const fact of facts) {
    const counties = provinces.get(fact.provinceCode) ?? new Set<string>();
    counties.add(fact.countyCode);
    provinces.set(fact.provinceCode, counties);
  }
  // Every region × every group, zeros included, so each additive group is complete.
  for (const region of [NATIONAL, ...provinces.keys(), ...[...provinces.values()].flatMap((c) => [...c])]) {
    for (const group of [ALL, ...GROUPS]) rowOf(region, group);
  }
  for (const fact of facts) {
    for (const region of [NATIONAL, fact.provinceCode, fact.countyCode]) {
      for (const group of [ALL, fact.targetGroup]) {
        const row = rowOf(region, group);
        const add = (field: string) => row.counts.set(field, (row.counts.get(field) ?? 0) + 1);
        if (fact.direction === 'to-charity') {
          add('made');
          if (fact.acceptedOn !== undefined) {
            add('accepted');
            row.acceptDays.push(daysBetween(fact.createdOn, fact.acceptedOn));
          }
          if (fact.outcome === 'pending') add('awaiting');
          if (fact.outcome === 'declined') add('declined');
          if (fact.outcome === 'overdue') add('overdue');
          if (fact.outcome === 'helped') add('helped');
        } else {
          add('reports');
          const field = REPORT_OUTCOME_FIELD[fact.outcome];
          if (field) add(field);
        }
      }
    }
  }
  return { rows, provinces };
}

/** The sums a reader could subtract along, for every published count. */
function additiveGroups(provinces: Map<string, Set<string>>): AdditiveGroup[] {
  const groups: AdditiveGroup[] = [];
  const regions = [NATIONAL, ...provinces.keys(), ...[...provinces.values()].flatMap((c) => [...c])];
  for (const field of [...CHARITY_FIELDS, ...REPORT_FIELDS]) {
    for (const region of regions) {
      groups.push({ total: cellKey(region, ALL, field), parts: GROUPS.map((g) => cellKey(region, g, field)) });
    }
    for (const group of [ALL, ...GROUPS]) {
      groups.push({
        total: cellKey(NATIONAL, group, field),
        parts: [...provinces.keys()].map((p) => cellKey(p, group, field)),
      });
      for (const [province, counties] of provinces) {
        groups.push({
          total: cellKey(province, group, field),
          parts: [...counties].map((c) => cellKey(c, group, field)),
        });
      }
    }
  }
  for (const region of regions) {
    for (const group of [ALL, ...GROUPS]) {
      groups.push({
        total: cellKey(region, group, 'made'),
        parts: ['awaiting', 'overdue', 'declined', 'accepted'].map((f) => cellKey(region, group, f)),
      });
      groups.push({
        total: cellKey(region, group, 'reports'),
        parts: REPORT_FIELDS.filter((f) => f !== 'reports').map((f) => cellKey(region, group, f)),
      });
    }
  }
  return groups;
}

/**
 * Facts made up to `asOf` → suppressed aggregates. Rows where nothing happened are left out
 * (their counts are all 0, which is public anyway).
 */
export function buildReferralAggregates(
  facts: readonly ReferralFact[],
  asOf: IsoDate,
  nameOf: RegionNamer = () => undefined,
): ReferralAggregates {
  const counted = facts.filter((f) => f.createdOn <= asOf);
  const { rows, provinces } = countRows(counted);
  const values = new Map<string, number>();
  for (const row of rows.values()) {
    for (const [field, value] of row.counts) values.set(cellKey(row.region, row.group, field), value);
  }
  const status = suppressCells(values, additiveGroups(provinces), SMALL_CELL_THRESHOLD);

  const countyOrder = [...provinces.entries()].sort(([a], [b]) => a.localeCompare(b));
  const regionOrder = [NATIONAL, ...countyOrder.flatMap(([province, counties]) => [province, ...[...counties].sort()])];
  const out: ReferralAggregateRow[] = [];
  for (const region of regionOrder) {
    for (const group of [ALL, ...GROUPS]) {
      const row = rows.get(`${region}|${group}`);
      if (!row || ((row.counts.get('made') ?? 0) === 0 && (row.counts.get('reports') ?? 0) === 0)) continue;
      const cell = (field: string) => {
        const key = cellKey(region, group, field);
        return publish(values.get(key) ?? 0, status.get(key));
      };
      const made = cell('made');
      const accepted = cell('accepted');
      const helped = cell('helped');
      const level = region === NATIONAL ? 'national' : region.endsWith('0000') ? 'province' : 'county';
      out.push({
        level,
        regionCode: region === NATIONAL ? null : region,
        regionName: region === NATIONAL ? '全国' : (nameOf(region) ?? `行政区划 ${region}`),
        targetGroup: group === ALL ? null : (group as TargetGroup),
        toCharity: {
          made,
          awaiting: cell('awaiting'),
          accepted,
          declined: cell('declined'),
          overdue: cell('overdue'),
          helped,
          medianDaysToAccept: typeof accepted === 'number' ? median(row.acceptDays) : null,
          helpedPercent:
            typeof made === 'number' && made > 0 && typeof helped === 'number'
              ? Math.round((helped / made) * 100)
              : null,
        },
        toCivilAffairs: {
          reports: cell('reports'),
          pending: cell('pending'),
          assessed: cell('assessed'),
          notEligible: cell('notEligible'),
          assisted: cell('assisted'),
          helpedToApply: cell('helpedToApply'),
        },
      });
    }
  }
  return { asOf, threshold: SMALL_CELL_THRESHOLD, rows: out };
}
