import { z } from 'zod';
import { isoDate } from '../schemas/common.ts';
import { regionCode, regionLevelOf } from '../schemas/region.ts';
import { targetGroup } from '../schemas/taxonomy.ts';

/**
 * What the 衔接 workbench (`referrals/`) hands to a release: ONE de-identified fact per referral
 * (civil affairs → charity) or report (charity → civil affairs), and nothing else. The publisher
 * turns a list of these into suppressed aggregates (content/rules/referral-aggregates.ts,
 * small-cell-suppression.ts); the facts themselves never enter a snapshot, a page or a file.
 *
 * On purpose there is no name, ID number, phone, address, note, household size, urgency, charity,
 * caseworker or referral id, and no time finer than a day: a fact says only where (county), for
 * whom (target group), which way, when (day) and how it stands. `z.object` strips unknown keys, so
 * a source that sends more than this contract loses the extra fields at this boundary.
 */

/** Which way the household was passed on (民发〔2023〕46号 (二)). */
export const REFERRAL_DIRECTIONS = {
  /** A civil-affairs office referred a household to a charity (with consent). */
  'to-charity': '民政转介至慈善组织',
  /** A charity reported a person who may qualify for 低保, 特困供养 or 临时救助. */
  'to-civil-affairs': '慈善组织报告民政部门',
} as const;
export type ReferralDirection = keyof typeof REFERRAL_DIRECTIONS;
export const referralDirection = z.enum(
  Object.keys(REFERRAL_DIRECTIONS) as [ReferralDirection, ...ReferralDirection[]],
  {
    message: '转介方向应为 to-charity 或 to-civil-affairs',
  },
);

/** Where a referral to a charity stands. `accepted` is still open; `helped` and `closed-unhelped` are closed after acceptance. */
export const CHARITY_OUTCOMES = {
  pending: '待接收',
  accepted: '已接收',
  declined: '已婉拒',
  overdue: '逾期未答复',
  helped: '已帮扶',
  'closed-unhelped': '结案未帮扶',
} as const;
export type CharityOutcome = keyof typeof CHARITY_OUTCOMES;

/** Where a charity's report to civil affairs stands. */
export const CIVIL_AFFAIRS_OUTCOMES = {
  pending: '待处理',
  assessed: '已核查',
  'not-eligible': '不符合条件',
  assisted: '已纳入救助',
  'helped-to-apply': '已协助申请',
} as const;
export type CivilAffairsOutcome = keyof typeof CIVIL_AFFAIRS_OUTCOMES;

export const REFERRAL_OUTCOMES = [
  'pending',
  'accepted',
  'declined',
  'overdue',
  'helped',
  'closed-unhelped',
  'assessed',
  'not-eligible',
  'assisted',
  'helped-to-apply',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
export const referralOutcome = z.enum(REFERRAL_OUTCOMES, { message: '未知的转介结果' });

/** Outcomes that mean the charity accepted the referral: they carry `acceptedOn`, the others must not. */
const ACCEPTED_OUTCOMES: readonly ReferralOutcome[] = ['accepted', 'helped', 'closed-unhelped'];

export const referralFactSchema = z
  .object({
    direction: referralDirection,
    /** GB/T 2260 code of the province (`xx0000`). */
    provinceCode: regionCode,
    /** GB/T 2260 code of the county the household lives in — nothing finer. */
    countyCode: regionCode,
    targetGroup,
    /** The day the referral or report was made (Beijing time). */
    createdOn: isoDate,
    /** The day the charity accepted (referrals to a charity only). */
    acceptedOn: isoDate.optional(),
    outcome: referralOutcome,
  })
  .refine((f) => regionLevelOf(f.provinceCode) === 'province', {
    message: '省级代码应以 0000 结尾',
    path: ['provinceCode'],
  })
  .refine((f) => regionLevelOf(f.countyCode) === 'county' && f.countyCode.slice(0, 2) === f.provinceCode.slice(0, 2), {
    message: '应为该省下的县级区划代码',
    path: ['countyCode'],
  })
  .refine((f) => (f.direction === 'to-charity' ? f.outcome in CHARITY_OUTCOMES : f.outcome in CIVIL_AFFAIRS_OUTCOMES), {
    message:
      '转介至慈善组织的结果为 pending/accepted/declined/overdue/helped/closed-unhelped；报告民政部门的结果为 pending/assessed/not-eligible/assisted/helped-to-apply',
    path: ['outcome'],
  })
  .refine(
    (f) => (f.acceptedOn !== undefined) === (f.direction === 'to-charity' && ACCEPTED_OUTCOMES.includes(f.outcome)),
    {
      message: '只有已接收（accepted/helped/closed-unhelped）的转介有接收日期，且必须有',
      path: ['acceptedOn'],
    },
  )
  .refine((f) => f.acceptedOn === undefined || f.acceptedOn >= f.createdOn, {
    message: '接收日期不得早于转介日期',
    path: ['acceptedOn'],
  });
export type ReferralFact = z.infer<typeof referralFactSchema>;

/** A list of facts, as `deidentifiedFacts(db)` of `referrals/` returns it. */
export const referralFactsSchema = z.array(referralFactSchema);
