import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * 举报/投诉 — the platform's report entry on every fundraising page (MZ/T 088-2017; DOMAIN.md §8):
 * the vocabulary shared by the site's form, the portal's API, the CMS and the transparency page.
 * Reports themselves are never published; only their counts are (`reportStatsSchema`).
 */

/** Kinds of problem, as the form offers them. */
export const REPORT_KINDS = {
  'false-information': '信息不实',
  'funds-misused': '未按承诺使用善款',
  'privacy-leak': '泄露受助人隐私',
  'illegal-fundraising': '违规募捐',
  other: '其他',
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;
export const reportKind = z.enum(Object.keys(REPORT_KINDS) as [ReportKind, ...ReportKind[]], {
  message: `请选择问题类型：${Object.values(REPORT_KINDS).join('、')}`,
});

/** Where a report was made: a project page, a province's needs page, or a campaign page. */
export const REPORT_TARGET_KINDS = {
  project: '慈善项目',
  needs: '救助需求',
  campaign: '专题活动',
} as const;
export type ReportTargetKind = keyof typeof REPORT_TARGET_KINDS;
export const reportTargetKind = z.enum(Object.keys(REPORT_TARGET_KINDS) as [ReportTargetKind, ...ReportTargetKind[]], {
  message: '举报对象类型应为 project、needs 或 campaign',
});

/** How far the charity or the ministry is with a report (answer fields in the CMS). */
export const REPORT_HANDLING_STATUSES = {
  pending: '待处理',
  'in-progress': '处理中',
  answered: '已答复',
} as const;
export type ReportHandlingStatus = keyof typeof REPORT_HANDLING_STATUSES;

/**
 * `JB-20261204-7K3QX9`: 举报, the day of receipt (China time), six characters of Crockford's
 * base32 (no I, L, O, U: nothing to misread when it is told over the phone).
 */
export const REPORT_REFERENCE_PATTERN = /^JB-\d{8}-[0-9A-HJKMNP-TV-Z]{6}$/;
export const reportReference = z.string().regex(REPORT_REFERENCE_PATTERN, { message: '举报编号格式不正确' });

export const REPORT_TEXT_MIN = 10;
export const REPORT_TEXT_MAX = 1000;
export const REPORT_CONTACT_MAX = 100;

const count = z.number().int().nonnegative();

/** One calendar quarter (by the day of receipt, China time): counts only, never text. */
export const reportPeriodStatsSchema = z
  .object({
    /** `2026-Q4`. */
    period: z.string().regex(/^\d{4}-Q[1-4]$/, { message: '统计期应为 YYYY-Q1…Q4' }),
    received: count,
    /** Answered (已答复), whenever. */
    answered: count,
    /** Answered on or before the deadline. */
    answeredInTime: count,
    /** Whose deadline has passed, or which were answered: the base of the in-time share. */
    due: count,
    /** Not answered and past the deadline. */
    overdueOpen: count,
  })
  .refine(
    (p) =>
      p.answeredInTime <= p.answered &&
      p.answered <= p.due &&
      p.due <= p.received &&
      p.overdueOpen === p.due - p.answered,
    { message: '举报统计数字前后不一致' },
  );
export type ReportPeriodStats = z.infer<typeof reportPeriodStatsSchema>;

export const reportStatsSchema = z.object({
  /** The day (China time) the counts were taken: deadlines are judged against it. */
  asOf: isoDate,
  /** Newest quarter first; quarters without reports are left out. */
  periods: z.array(reportPeriodStatsSchema),
});
export type ReportStats = z.infer<typeof reportStatsSchema>;
