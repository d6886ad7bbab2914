import { type Charity, charitySchema } from '../../../content/schemas/charity.ts';
import { type Disclosure, disclosureSchema } from '../../../content/schemas/disclosure.ts';
import { type Project, projectSchema } from '../../../content/schemas/project.ts';
import { CHARITY_FIELDS } from '../../fixtures/charity-fields.ts';

/**
 * Valid entries built through the real schemas, so a fixture that drifts from a schema fails
 * loudly here instead of hiding behind a cast.
 */
export const MINXIAN = {
  code: '621126',
  name: '甘肃省定西市岷县',
  provinceCode: '620000',
  province: '甘肃省',
  keyCounty: true,
};

/** 53100000500012345U: check character U computed by hand (GB 32100-2015 weights). */
export const VALID_CREDIT_CODE = '53100000500012345U';

export function makeCharity(overrides: Record<string, unknown> = {}): Charity {
  return charitySchema.parse({
    slug: 'gansu-cishan',
    name: '甘肃省慈善总会',
    creditCode: VALID_CREDIT_CODE,
    ...CHARITY_FIELDS,
    region: MINXIAN,
    summary: '示例慈善组织',
    ...overrides,
  });
}

interface ProjectOptions {
  window?: { start: string; end: string } | null;
  implementation?: { start: string; end: string };
  filingNumber?: string | null;
  [key: string]: unknown;
}

export function makeProject(options: ProjectOptions = {}): Project {
  const {
    window = { start: '2026-01-01', end: '2026-03-31' },
    filingNumber = '53100000500012345U0001',
    ...rest
  } = options;
  const plan =
    window === null
      ? null
      : {
          filingNumber,
          filedOn: '2025-12-01',
          window,
          goalFen: 10_000_000,
          purpose: '为困境儿童提供助学金',
          beneficiaryScope: '岷县困境儿童',
          beneficiarySelection: '由乡镇民政服务站推荐',
          useOfFunds: '助学金发放',
          fundraisingCost: '不超过 2%',
          managementCostPermille: 60,
          remainingProperty: '转入同类项目',
        };
  return projectSchema.parse({
    slug: 'minxian-zhuxue',
    title: '岷县助学',
    charity: 'gansu-cishan',
    assistanceOriented: true,
    targetGroups: ['minors'],
    serviceTypes: ['education'],
    regions: [MINXIAN],
    plan,
    implementation: options.implementation ?? window ?? { start: '2026-01-01', end: '2026-03-31' },
    status: 'fundraising',
    summary: '资助困境儿童完成学业',
    story: '示例故事',
    publishedOn: '2025-12-20',
    ...rest,
  });
}

export function makeDisclosure(
  slug: string,
  kind: Disclosure['kind'],
  publishedOn: string,
  overrides: Record<string, unknown> = {},
): Disclosure {
  return disclosureSchema.parse({
    slug,
    project: 'minxian-zhuxue',
    kind,
    title: `公开 ${slug}`,
    publishedOn,
    period: { start: '2000-01-01', end: publishedOn },
    raisedToDateFen: 0,
    spentToDateFen: 0,
    body: '示例',
    corrects: kind === 'correction' ? 'some-earlier' : null,
    ...overrides,
  });
}
