import { z } from 'zod';
import { isoDate } from './common.ts';
import { regionCode } from './region.ts';
import { targetGroup } from './taxonomy.ts';

/**
 * The 衔接 workbench's results as a release publishes them: counts per region (country, province,
 * county) and target group, AFTER small-cell suppression (content/rules/small-cell-suppression.ts).
 * The schema itself refuses a raw count of 1–4, so a snapshot can only carry suppressed tables.
 */

/** `<5`: a count of 1–4. `suppressed`: a larger count hidden so a total cannot reveal a `<5`. */
export const SMALL_MARK = '<5';
export const COMPLEMENT_MARK = 'suppressed';

export const publishedCount = z.union([
  z.literal(0),
  z.number().int().min(5, { message: '1–4 的计数不得公开，应写作 "<5"' }),
  z.literal(SMALL_MARK),
  z.literal(COMPLEMENT_MARK),
]);
export type PublishedCount = z.infer<typeof publishedCount>;

export const REFERRAL_COUNT_FIELDS = {
  made: '转介数',
  awaiting: '待答复',
  accepted: '已接收',
  declined: '已婉拒',
  overdue: '逾期未答复',
  helped: '已帮扶',
} as const;
export type ReferralCountField = keyof typeof REFERRAL_COUNT_FIELDS;

export const REPORT_COUNT_FIELDS = {
  reports: '报告数',
  pending: '待处理',
  assessed: '已核查',
  notEligible: '不符合条件',
  assisted: '已纳入救助',
  helpedToApply: '已协助申请',
} as const;
export type ReportCountField = keyof typeof REPORT_COUNT_FIELDS;

export const AGGREGATE_LEVELS = ['national', 'province', 'county'] as const;

export const referralAggregateRowSchema = z.object({
  level: z.enum(AGGREGATE_LEVELS),
  /** The province or county; null for the whole country. */
  regionCode: regionCode.nullable(),
  /** Full name of the region (`甘肃省定西市岷县`); `全国` for the country. */
  regionName: z.string().min(2).max(60),
  /** null: every target group together. */
  targetGroup: targetGroup.nullable(),
  /** Civil affairs → charity. */
  toCharity: z.object({
    made: publishedCount,
    /** Not yet answered, within the deadline. made = awaiting + overdue + declined + accepted. */
    awaiting: publishedCount,
    accepted: publishedCount,
    declined: publishedCount,
    overdue: publishedCount,
    helped: publishedCount,
    /** Median calendar days from referral to acceptance; null when `accepted` is not published. */
    medianDaysToAccept: z.number().min(0).nullable(),
    /** helped ÷ made, whole percent; null when either is not published or nothing was made. */
    helpedPercent: z.number().int().min(0).max(100).nullable(),
  }),
  /** Charity → civil affairs (reports of people who may qualify for assistance). */
  toCivilAffairs: z.object({
    reports: publishedCount,
    pending: publishedCount,
    assessed: publishedCount,
    notEligible: publishedCount,
    assisted: publishedCount,
    helpedToApply: publishedCount,
  }),
});
export type ReferralAggregateRow = z.infer<typeof referralAggregateRowSchema>;

export const referralAggregatesSchema = z.object({
  /** The facts counted are those made up to and including this day. */
  asOf: isoDate,
  threshold: z.literal(5),
  rows: z.array(referralAggregateRowSchema),
});
export type ReferralAggregates = z.infer<typeof referralAggregatesSchema>;
