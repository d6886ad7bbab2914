import { z } from 'zod';
import { residentIdCheckChar } from '../../content/rules/id-number.ts';
import { isoDate } from '../../content/schemas/common.ts';
import { regionCode, regionLevelOf } from '../../content/schemas/region.ts';
import { serviceType, targetGroup } from '../../content/schemas/taxonomy.ts';
import {
  ASSISTANCE_KINDS,
  CONSENT_RELATIONS,
  COUNTY_OUTCOMES,
  DECLINE_REASONS,
  GOV_ASSISTANCE,
  HELP_KINDS,
  PERSONAL_FIELD_KEYS,
  URGENCY,
} from './vocabulary.ts';

/**
 * The workbench's forms as zod schemas over what a browser posts (strings; checkboxes absent when
 * unticked; repeated names as arrays). Messages say what is allowed.
 */
const keys = <T extends Record<string, string>>(map: T, message: string) =>
  z.enum(Object.keys(map) as [keyof T & string, ...(keyof T & string)[]], { message });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `最多 ${max} 个字` })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);
const list = (item: z.ZodType) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
const ticked = z.preprocess((v) => v === 'yes', z.boolean());

const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => v === '' || (/^[1-9]\d{16}[\dX]$/.test(v) && residentIdCheckChar(v.slice(0, 17)) === v[17]), {
    message: '身份证号应为 18 位且校验位正确',
  })
  .transform((v) => (v === '' ? null : v));
const phone = z
  .string()
  .trim()
  .refine((v) => v === '' || /^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(v), {
    message: '联系电话应为 11 位手机号或带区号的固话',
  })
  .transform((v) => (v === '' ? null : v));

/** What both directions record about the person and the consent. */
const personAndConsent = {
  name: z.string().trim().min(1, { message: '请填写姓名' }).max(40),
  idNumber: z.preprocess((v) => v ?? '', idNumber),
  phone: z.preprocess((v) => v ?? '', phone),
  address: optionalText(200),
  notes: optionalText(1000),
  targetGroup,
  householdSize: z.coerce
    .number()
    .int()
    .min(1, { message: '家庭人口应为 1–20 人' })
    .max(20, { message: '家庭人口应为 1–20 人' }),
  minor: ticked,
  guardianName: optionalText(40),
  consentGiven: ticked,
  consentBy: z.string().trim().min(1, { message: '请填写同意人的姓名' }).max(40),
  consentRelation: keys(CONSENT_RELATIONS, '同意人应为本人或监护人'),
  consentOn: isoDate,
  consentUntil: isoDate,
  consentFields: list(z.enum(PERSONAL_FIELD_KEYS)),
};

/** "No consent, no referral": checked first, before anything else is looked at. */
function consentRules(
  v: {
    consentGiven: boolean;
    minor: boolean;
    guardianName: string | null;
    consentRelation: string;
    consentOn: string;
    consentUntil: string;
  },
  today: string,
  ctx: z.RefinementCtx,
) {
  if (!v.consentGiven) {
    ctx.addIssue({
      code: 'custom',
      path: ['consentGiven'],
      message: '未取得当事人（或未成年人监护人）的同意，不能转介。请先取得同意并记录同意人、日期和范围',
    });
  }
  if (v.minor && !v.guardianName)
    ctx.addIssue({ code: 'custom', path: ['guardianName'], message: '当事人为未成年人：请填写监护人姓名' });
  if (v.minor && v.consentRelation !== 'guardian') {
    ctx.addIssue({ code: 'custom', path: ['consentRelation'], message: '当事人为未成年人：须由监护人同意' });
  }
  if (v.consentOn > today) ctx.addIssue({ code: 'custom', path: ['consentOn'], message: '同意日期不能晚于今天' });
  if (v.consentUntil <= today)
    ctx.addIssue({ code: 'custom', path: ['consentUntil'], message: '同意有效期应晚于今天' });
}

export const referralFormSchema = (today: string) =>
  z
    .object({
      ...personAndConsent,
      serviceType,
      urgency: keys(URGENCY, '紧急程度应为一般、紧急或非常紧急'),
      govAssistance: keys(GOV_ASSISTANCE, '请选择政府救助情况'),
      govReason: optionalText(500),
    })
    .superRefine((v, ctx) => {
      consentRules(v, today, ctx);
      if (v.govAssistance !== 'none' && !v.govReason) {
        ctx.addIssue({ code: 'custom', path: ['govReason'], message: '请说明已给予的救助或未获批准的原因' });
      }
    });
export type ReferralForm = z.infer<ReturnType<typeof referralFormSchema>>;

export const reportFormSchema = (today: string) =>
  z
    .object({
      ...personAndConsent,
      countyCode: regionCode.refine((c) => regionLevelOf(c) === 'county', {
        message: '应为县级区划代码（6 位，末两位不为 00）',
      }),
      assistanceKind: keys(ASSISTANCE_KINDS, '请选择可能符合的救助：低保、特困供养或临时救助'),
    })
    .superRefine((v, ctx) => consentRules(v, today, ctx));
export type ReportForm = z.infer<ReturnType<typeof reportFormSchema>>;

export const chooseCharitiesSchema = z.object({
  choice: list(z.string().regex(/^[a-z0-9-]+\|[a-z0-9-]+$/)).pipe(
    z.array(z.string()).min(1, { message: '请至少选择一家慈善组织' }).max(3, { message: '最多选择 3 家，依次转介' }),
  ),
  consentCharities: ticked.refine((v) => v, { message: '请确认当事人同意向所选慈善组织提供信息' }),
});

export const declineSchema = z.object({
  reason: keys(DECLINE_REASONS, '请选择婉拒原因'),
  detail: optionalText(300),
});

export const helpSchema = z
  .object({
    kind: keys(HELP_KINDS, '请选择帮扶方式'),
    amountFen: z.number().int().positive().max(1_000_000_000).nullable(),
    startedOn: isoDate,
    endedOn: z.union([isoDate, z.literal('')]).transform((v) => (v === '' ? null : v)),
    note: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'cash' && v.amountFen === null)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: '资金帮扶请填写金额（元）' });
    if (v.endedOn && v.endedOn < v.startedOn)
      ctx.addIssue({ code: 'custom', path: ['endedOn'], message: '结束日期不能早于开始日期' });
  });

export const closeSchema = z.object({
  outcome: z.enum(['helped', 'closed-unhelped'], { message: '请选择结案结果' }),
  note: optionalText(500),
});

export const countyOutcomeSchema = z.object({
  outcome: keys(COUNTY_OUTCOMES, '请选择办理结果'),
  note: optionalText(500),
});

/** The first issue as a WorkbenchError-ready pair. */
export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: String(issue?.path[0] ?? ''), message: issue?.message ?? '填写有误' };
}
