import { z } from 'zod';
import { REPORTS_PATH } from '../contracts/api-routes.ts';
import { lintPii } from '../rules/pii-lint.ts';
import { slug } from './common.ts';
import {
  REPORT_CONTACT_MAX,
  REPORT_TEXT_MAX,
  REPORT_TEXT_MIN,
  type ReportTargetKind,
  reportKind,
  reportTargetKind,
} from './report.ts';

/**
 * `POST /api/reports` — the contract between the report form on fundraising pages (a plain HTML
 * form: it works without JavaScript) and the portal's API. The same fields arrive as JSON or as
 * `application/x-www-form-urlencoded`; both are checked by this one schema.
 */
export const REPORTS_API_PATH = REPORTS_PATH;

/**
 * The page a form submission is answered with (confirmation or the form again with the error).
 * Rendered per request by the API route through an Astro rewrite, never requested by URL.
 */
export const REPORT_ANSWER_PAGE = '/reports/answer/';

/** `Astro.locals` key that carries the answer from the API route to that page. */
export const REPORT_ANSWER_LOCAL = 'xianjieReportAnswer';

/** The page a report is about, as the site's URLs name it (content/paths.ts). */
export function reportTargetPath(kind: ReportTargetKind, targetSlug: string): string {
  if (kind === 'project') return `/projects/${targetSlug}/`;
  if (kind === 'needs') return `/needs/${targetSlug}/`;
  return `/campaigns/${targetSlug}/`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse control characters.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** 11-digit mobile, or a landline with its area code (`0931-1234567`); spaces and dashes allowed. */
function isPhone(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  return /^1[3-9]\d{9}$/.test(digits) || /^0\d{9,11}$/.test(digits);
}

const EMAIL = z.email();

/** The kinds of personal information found, for the message ("手机号码、身份证号码"). */
export function piiKindsIn(text: string): string[] {
  return [...new Set(lintPii(text).map((f) => f.message.replace(/^疑似/, '')))];
}

export const reportRequestSchema = z
  .strictObject({
    targetKind: reportTargetKind,
    targetSlug: slug,
    kind: reportKind,
    text: z
      .string({ message: '请填写具体情况' })
      .trim()
      .min(REPORT_TEXT_MIN, { message: `具体情况至少写 ${REPORT_TEXT_MIN} 个字，说明问题是什么、在页面的哪个位置` })
      .max(REPORT_TEXT_MAX, { message: `具体情况不能超过 ${REPORT_TEXT_MAX} 个字` })
      .refine((v) => !CONTROL.test(v) && !/\p{Surrogate}/u.test(v), {
        message: '具体情况中含有不可见的控制字符或无效字符',
      }),
    /** Optional; the empty string of an unfilled form field means "none". Stored, never published. */
    contact: z
      .string({ message: '联系方式应为文字' })
      .trim()
      .max(REPORT_CONTACT_MAX, { message: `联系方式不能超过 ${REPORT_CONTACT_MAX} 个字符` })
      .refine((v) => v === '' || isPhone(v) || EMAIL.safeParse(v).success, {
        message: '联系方式应为手机号、带区号的固定电话或电子邮箱，也可以不填',
      })
      .transform((v) => (v === '' ? undefined : v))
      .optional(),
  })
  .superRefine((body, ctx) => {
    const kinds = piiKindsIn(body.text);
    if (kinds.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: `为保护隐私，具体情况中不能包含${kinds.join('、')}。请说明问题出现在页面的哪个位置，不要照抄其中的个人信息；需要工作人员联系您时，请把您自己的电话或邮箱填在“联系方式”中`,
        params: { pii: true },
      });
    }
  });
export type ReportRequest = z.infer<typeof reportRequestSchema>;

/** What a form posts, as typed, to show the form again after an error. */
export interface ReportFormValues {
  targetKind: string;
  targetSlug: string;
  kind: string;
  text: string;
  contact: string;
}

export interface ResolvedReportTarget {
  kind: ReportTargetKind;
  slug: string;
  /** The page's title as published (project or campaign title, `甘肃省的救助需求`). */
  title: string;
  path: string;
}

/** `201` (or `200` for the same report sent again within minutes) of `POST /api/reports`. */
export interface ReportReceipt {
  reference: string;
  receivedAt: string;
  /** Answer due by the end of this day (China time): 5 working days. */
  deadline: string;
  /** False when the deadline's year has no holiday table yet (counted over weekends only). */
  deadlineExact: boolean;
  target: ResolvedReportTarget;
  contactGiven: boolean;
  /** The same report from the same client a moment ago: its first receipt, nothing stored twice. */
  duplicate: boolean;
}

/** What the answer page renders for a form submission. */
export type ReportPageAnswer =
  | { ok: true; status: number; receipt: ReportReceipt }
  | {
      ok: false;
      status: number;
      error: { code: string; message: string; field?: string };
      /** For 429: when the reporter may send again (also the page's Retry-After). */
      retryAfterSeconds?: number;
      values: ReportFormValues;
      /** Null when the page the form came from is unknown (then no form can be shown again). */
      target: ResolvedReportTarget | null;
    };
