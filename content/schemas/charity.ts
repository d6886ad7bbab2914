import { z } from 'zod';
import { isCreditCode } from '../rules/credit-code.ts';
import { isoDate, nonEmptyText, slug } from './common.ts';
import { notProse } from './not-prose.ts';
import { regionSchema } from './region.ts';

export const RATINGS = ['1A', '2A', '3A', '4A', '5A'] as const;

/** 统一社会信用代码, checked with the GB 32100-2015 check character. */
export const creditCode = notProse(
  z.string().trim().toUpperCase().refine(isCreditCode, { message: '统一社会信用代码无效（应为 18 位且校验位正确）' }),
  'identifier',
);

/** 慈善组织 — a registered charity as shown on its public page. */
export const charitySchema = z
  .object({
    slug,
    name: nonEmptyText(100),
    creditCode,
    /** 登记管理机关, e.g. `甘肃省民政厅`. */
    registrationAuthority: nonEmptyText(60),
    registeredOn: isoDate,
    /** Date it was recognised (认定) or registered as a charity. */
    recognisedOn: isoDate,
    /** 公开募捐资格: since when, or null when it has none. */
    publicFundraisingSince: isoDate.nullable(),
    /** 公益性捐赠税前扣除资格. @default false */
    taxDeductible: z.boolean().default(false),
    /** 社会组织等级评估 result, or null when not rated. */
    rating: z.enum(RATINGS).nullable(),
    legalRepresentative: nonEmptyText(20),
    region: regionSchema,
    /**
     * Public contact of the organisation (never a beneficiary's): its office phone and address are
     * what the PII lint would flag, and they are meant to be shown.
     */
    contact: z.object({
      phone: notProse(nonEmptyText(40), 'public-contact'),
      email: notProse(z.email({ message: '邮箱格式不正确' }), 'link').optional(),
      address: notProse(nonEmptyText(120), 'public-contact'),
      website: notProse(z.url({ message: '网址格式不正确' }), 'link').optional(),
    }),
    /** Link to the charity's record on 慈善中国, the registry of record. */
    registryUrl: notProse(z.url({ message: '慈善中国链接格式不正确' }), 'link'),
    summary: nonEmptyText(2000),
  })
  .refine((c) => c.recognisedOn >= c.registeredOn, {
    message: '认定为慈善组织的日期不能早于登记日期',
    path: ['recognisedOn'],
  })
  .refine((c) => c.publicFundraisingSince === null || c.publicFundraisingSince >= c.registeredOn, {
    message: '取得公开募捐资格的日期不能早于登记日期',
    path: ['publicFundraisingSince'],
  });
export type Charity = z.infer<typeof charitySchema>;
