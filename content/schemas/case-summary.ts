import { z } from 'zod';
import { isoDate, nonEmptyText, slug } from './common.ts';
import { countySchema } from './region.ts';
import { ageBand, MINOR_AGE_BANDS, targetGroup } from './taxonomy.ts';

/**
 * An alias such as 王奶奶, 小李, 刘叔叔: a surname or 小 plus a kinship or role word.
 * A bare two- or three-character name (李明, 王小红) is refused: it could be the real one.
 */
export const ALIAS_PATTERN =
  /^(?:[\u4e00-\u9fa5](?:奶奶|爷爷|阿姨|叔叔|大爷|大妈|大娘|大伯|伯伯|婆婆|阿婆|阿公|姐|哥|妹|弟|同学|师傅|老师|女士|先生)|小[\u4e00-\u9fa5]{1,2}|[\u4e00-\u9fa5]?(?:奶奶|爷爷|阿姨|叔叔|大爷)|某[\u4e00-\u9fa5]?)$/u;

export const aliasSchema = z
  .string()
  .trim()
  .regex(ALIAS_PATTERN, { message: '化名应为“王奶奶”“小李”这类称呼，不得使用真实姓名' });

/**
 * 帮扶案例 — an anonymised story of help given. Never identifies the person: alias, age band,
 * county-level region only. What is public; the consent record lives beside it.
 */
export const caseSummarySchema = z.object({
  slug,
  project: slug,
  alias: aliasSchema,
  ageBand,
  region: countySchema,
  group: targetGroup,
  situation: nonEmptyText(1000),
  governmentAssistance: nonEmptyText(1000),
  charityHelp: nonEmptyText(1000),
  outcome: nonEmptyText(1000),
  publishedOn: isoDate,
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const CONSENT_SCOPES = {
  'portal-publication': '在本门户匿名发布',
  'ministry-typical-case': '由民政部门作为典型案例使用',
  'media-report': '媒体报道',
} as const;
export type ConsentScope = keyof typeof CONSENT_SCOPES;

/**
 * The consent record a case needs before it may be published (PIPL: separate consent, a
 * guardian's for minors). Never public: not in the public API, not in the site, not in search.
 */
export const caseConsentSchema = z.object({
  recordedOn: isoDate,
  scope: z
    .array(z.enum(Object.keys(CONSENT_SCOPES) as [ConsentScope, ...ConsentScope[]]))
    .min(1)
    .refine((s) => s.includes('portal-publication'), { message: '同意范围必须包含“在本门户匿名发布”' }),
  /** For minors: the guardian's relation who consented, e.g. `母亲`. null for adults. */
  guardian: z.string().trim().min(1).max(20).nullable(),
});
export type CaseConsent = z.infer<typeof caseConsentSchema>;

/** Case plus consent: what the CMS stores and the seed imports. */
export const caseRecordSchema = caseSummarySchema
  .extend({ consent: caseConsentSchema })
  .refine((c) => !MINOR_AGE_BANDS.includes(c.ageBand) || c.consent.guardian !== null, {
    message: '未成年人的案例须有监护人同意',
    path: ['consent', 'guardian'],
  })
  .refine((c) => c.consent.recordedOn <= c.publishedOn, {
    message: '须在发布前取得同意',
    path: ['consent', 'recordedOn'],
  });
export type CaseRecord = z.infer<typeof caseRecordSchema>;
