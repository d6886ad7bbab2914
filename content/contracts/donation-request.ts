import { z } from 'zod';
import { formatPath } from '../errors.ts';
import { isCreditCode } from '../rules/credit-code.ts';
import { isResidentIdNumber } from '../rules/id-number.ts';
import { lintPii } from '../rules/pii-lint.ts';
import { slug } from '../schemas/common.ts';
import { regionCode } from '../schemas/region.ts';
import { targetGroup } from '../schemas/taxonomy.ts';

/** How the donor pays: desktop page, mobile wap, or a QR code to scan (Alipay's three products). */
export const CHANNELS = ['page', 'wap', 'qr'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * The body of `POST /api/donations` (DESIGN.md contracts), strict: unknown keys are refused, so a
 * typo is an error rather than a silently ignored choice. Money is integer fen.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse control characters.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const personText = (label: string, max: number) =>
  z
    .string({ message: `${label}应为文字` })
    .trim()
    .min(1, { message: `${label}不能为空` })
    .max(max, { message: `${label}不能超过 ${max} 个字符` })
    .refine((v) => !CONTROL.test(v) && !/\p{Surrogate}/u.test(v), {
      message: `${label}含有不可见的控制字符或无效字符`,
    });

/** A 一起捐 team's id (share links, `team`): 12 characters of lowercase base32. */
export const TEAM_ID = /^[a-z2-7]{12}$/;
export const teamId = z.string({ message: '队伍编号应为文字' }).regex(TEAM_ID, { message: '队伍编号无效' });

export type TaxIdKind = 'credit-code' | 'id-number';

export function taxIdKindOf(value: string): TaxIdKind | null {
  if (/^\d{17}[\dX]$/.test(value) && isResidentIdNumber(value)) return 'id-number';
  if (isCreditCode(value)) return 'credit-code';
  return null;
}

const receiptSchema = z.discriminatedUnion(
  'requested',
  [
    z.strictObject({ requested: z.literal(false) }),
    z.strictObject({
      requested: z.literal(true),
      /** 票据抬头: the donor's or the organisation's name. */
      name: personText('票据抬头', 60),
      /** 统一社会信用代码 or 身份证号码, only when a receipt is asked for (DOMAIN.md §2). */
      taxId: z
        .string({ message: '证件号码应为文字' })
        .trim()
        .toUpperCase()
        .refine((v) => taxIdKindOf(v) !== null, { message: '统一社会信用代码或身份证号码无效（请核对校验位）' })
        .optional(),
      /** Where the charity sends the electronic receipt. */
      email: z.email({ message: '邮箱格式不正确' }).max(254, { message: '邮箱过长' }).optional(),
    }),
  ],
  { message: '票据选项应为 {"requested": false} 或 {"requested": true, "name": …}' },
);

/** Day 1–28: Alipay's monthly period rule allows no later day (not every month has a 29th). */
export const monthlyChoiceSchema = z.strictObject({
  dayOfMonth: z
    .number({ message: '每月扣款日应为 1–28 之间的整数' })
    .int({ message: '每月扣款日应为 1–28 之间的整数' })
    .min(1, { message: '每月扣款日应为 1–28 之间的整数' })
    .max(28, { message: '每月扣款日应为 1–28 之间的整数（支付宝按月扣款不支持 29–31 日）' }),
  onProjectEnd: z.enum(['continue', 'stop'], {
    message: '项目结束后的安排应为 continue（转到同一慈善组织的其他项目）或 stop（停止）',
  }),
});
export type MonthlyChoice = z.infer<typeof monthlyChoiceSchema>;

export const donationRequestSchema = z
  .strictObject({
    projectSlug: slug.optional(),
    pool: z
      .strictObject({
        targetGroup: targetGroup.optional(),
        /** GB/T 2260 code of a province, prefecture or county. */
        region: regionCode.optional(),
        /** The campaign page the gift was made on: routed among its projects only, refused once it has ended. */
        campaign: slug.optional(),
      })
      .optional(),
    amountFen: z
      .number({ message: '金额应为整数（单位：分）' })
      .int({ message: '金额应为整数（单位：分）' })
      .min(1, { message: '金额应大于 0' })
      .max(Number.MAX_SAFE_INTEGER, { message: '金额过大' }),
    channel: z.enum(CHANNELS, { message: '支付方式应为 page、wap 或 qr' }),
    anonymous: z.boolean({ message: '请选择是否匿名（true 或 false）' }),
    displayName: personText('展示名', 20).optional(),
    message: personText('留言', 200).optional(),
    receipt: receiptSchema.optional(),
    /** 一起捐: the team whose link the gift came through (a gift to that team's project only). */
    team: teamId.optional(),
    /** 每月捐 (issue 17): an Alipay 周期扣款 agreement instead of a one-off payment. */
    monthly: monthlyChoiceSchema.optional(),
  })
  .superRefine((body, ctx) => {
    const both = body.projectSlug !== undefined && body.pool !== undefined;
    const neither = body.projectSlug === undefined && body.pool === undefined;
    if (both || neither) {
      ctx.addIssue({
        code: 'custom',
        path: [both ? 'pool' : 'projectSlug'],
        message: '请选择一个项目（projectSlug），或一个捐赠方向（pool），二者只能选一个',
      });
    }
    for (const field of ['displayName', 'message'] as const) {
      const findings = body[field] ? lintPii(body[field]) : [];
      if (findings.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `为保护隐私，公开信息中不能包含${findings.map((f) => f.message.replace(/^疑似/, '')).join('、')}`,
          params: { pii: true },
        });
      }
    }
  });

export type DonationRequest = z.infer<typeof donationRequestSchema>;

export interface FirstIssue {
  field: string;
  message: string;
  pii: boolean;
}

/** The first problem, as `{field, message}` for the error answer. */
export function firstIssue(error: z.ZodError): FirstIssue {
  const issue = error.issues[0];
  if (!issue) return { field: '', message: '请求内容无效', pii: false };
  if (issue.code === 'unrecognized_keys') {
    const path = formatPath(issue.path);
    const key = issue.keys[0] ?? '';
    return {
      field: path ? `${path}.${key}` : key,
      message: `不支持的字段：${issue.keys.join('、')}`,
      pii: false,
    };
  }
  const pii = issue.code === 'custom' && (issue.params as { pii?: boolean } | undefined)?.pii === true;
  return { field: formatPath(issue.path), message: issue.message, pii };
}
