/**
 * A charity's regulatory record: what the 登记管理机关 (civil-affairs department) registers,
 * recognises and rates, not what the charity says about itself. Eligibility for public
 * fundraising trusts `publicFundraisingSince` (a charity without 公开募捐资格 must not take gifts),
 * and donors trust the credit code, the registration and the rating. So only the ministry editor
 * role maintains these fields; charity editors see them but can't change them (their role's
 * update field list leaves them out, and the write guard refuses them whatever a role says).
 *
 * - `name`, `legalRepresentative`: 登记事项, changed by 变更登记 at the registration authority;
 * - `creditCode`: 统一社会信用代码;
 * - `registrationAuthority`, `registeredOn`, `recognisedOn`: registration and recognition;
 * - `publicFundraisingSince`: 公开募捐资格 and since when (null: none);
 * - `taxDeductible`: 公益性捐赠税前扣除资格;
 * - `rating`: 社会组织等级评估;
 * - `registryUrl`: the record on 慈善中国, the registry of record a visitor checks the rest against.
 * Charity editors keep the descriptive fields: summary, contact, region (and the slug).
 */
export const REGULATORY_CHARITY_FIELDS = [
  'name',
  'creditCode',
  'registrationAuthority',
  'registeredOn',
  'recognisedOn',
  'publicFundraisingSince',
  'taxDeductible',
  'rating',
  'legalRepresentative',
  'registryUrl',
] as const;

const REGULATORY: ReadonlySet<string> = new Set(REGULATORY_CHARITY_FIELDS);

/** Keys Strapi itself writes along with an edit (creator fields, the locale of a non-localized type). */
export const BOOKKEEPING: ReadonlySet<string> = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

/** The regulatory fields a write sets, and whether it sets anything else the charity owns. */
export function regulatoryWrite(data: Record<string, unknown> | undefined): {
  regulatory: string[];
  descriptive: boolean;
} {
  const keys = Object.keys(data ?? {}).filter((key) => data?.[key] !== undefined);
  return {
    regulatory: keys.filter((key) => REGULATORY.has(key)),
    descriptive: keys.some((key) => !REGULATORY.has(key) && !BOOKKEEPING.has(key)),
  };
}
