import { type Charity, charitySchema, type Project, projectSchema, type Snapshot } from '../../../content/index.ts';
import { parseSnapshot } from '../../../content/snapshot/parse-snapshot.ts';
import { CHARITY_FIELDS } from '../../fixtures/charity-fields.ts';

/**
 * Small, valid snapshots for donations tests, built through the real schemas (a fixture that
 * drifts from a schema fails here, loudly). Dates: the test clock stands at 2026-02-15 (Beijing).
 */
export const TEST_NOW = new Date('2026-02-15T04:00:00.000Z');

export const REGIONS = {
  minxian: { code: '621126', name: '甘肃省定西市岷县', provinceCode: '620000', province: '甘肃省', keyCounty: true },
  chengguan: {
    code: '620102',
    name: '甘肃省兰州市城关区',
    provinceCode: '620000',
    province: '甘肃省',
    keyCounty: false,
  },
  gansu: { code: '620000', name: '甘肃省', provinceCode: '620000', province: '甘肃省', keyCounty: false },
  zhenxiong: {
    code: '530627',
    name: '云南省昭通市镇雄县',
    provinceCode: '530000',
    province: '云南省',
    keyCounty: true,
  },
};

/** Credit codes with a correct GB 32100-2015 check character. */
export const CREDIT_CODES = ['53100000500012345U', '511000005000123452', '52100000500012345Y'];

export function charity(slug: string, overrides: Record<string, unknown> = {}): Charity {
  return charitySchema.parse({
    slug,
    name: `${slug} 慈善会`,
    creditCode: CREDIT_CODES[0],
    ...CHARITY_FIELDS,
    region: REGIONS.chengguan,
    summary: '示例慈善组织',
    ...overrides,
  });
}

export interface ProjectOptions {
  charity?: string;
  regions?: (typeof REGIONS)[keyof typeof REGIONS][];
  targetGroups?: string[];
  goalFen?: number;
  window?: { start: string; end: string };
  filingNumber?: string | null;
  [key: string]: unknown;
}

export function project(slug: string, options: ProjectOptions = {}): Project {
  const {
    charity: charitySlug = 'gansu-cishan',
    regions = [REGIONS.minxian],
    targetGroups = ['minors'],
    goalFen = 10_000_000,
    window = { start: '2026-01-01', end: '2026-03-31' },
    filingNumber = '53100000500012345U0001',
    ...rest
  } = options;
  return projectSchema.parse({
    slug,
    title: `项目 ${slug}`,
    charity: charitySlug,
    assistanceOriented: true,
    targetGroups,
    serviceTypes: ['education'],
    regions,
    plan: {
      filingNumber,
      filedOn: '2025-12-01',
      window,
      goalFen,
      purpose: '资助困境儿童',
      beneficiaryScope: '困境儿童',
      beneficiarySelection: '由乡镇民政服务站推荐',
      useOfFunds: '助学金发放',
      fundraisingCost: '不超过 2%',
      managementCostPermille: 60,
      remainingProperty: '转入同类项目',
    },
    implementation: window,
    status: 'fundraising',
    summary: '示例项目',
    story: '示例故事',
    publishedOn: '2025-12-20',
    ...rest,
  });
}

export function snapshotOf(projects: Project[], charities: Charity[]): Snapshot {
  return parseSnapshot({
    format: 'xianjie-snapshot',
    version: 1,
    generatedAt: '2026-02-01T00:00:00Z',
    asOf: '2026-02-01',
    source: 'file',
    demo: true,
    charities,
    projects,
    disclosures: [],
    caseSummaries: [],
    needs: [],
    typicalCases: [],
    awards: [],
    campaigns: [],
  });
}

/** The default world: two charities, four projects, one of them closed to donations. */
export function defaultSnapshot(): Snapshot {
  return snapshotOf(
    [
      project('minxian-zhuxue', { regions: [REGIONS.minxian] }),
      project('lanzhou-kangfu', { regions: [REGIONS.chengguan], targetGroups: ['disabled'], goalFen: 5_000_000 }),
      project('zhenxiong-yingyang', { charity: 'yunnan-cishan', regions: [REGIONS.zhenxiong], goalFen: 2_000_000 }),
      project('ended-project', { window: { start: '2025-01-01', end: '2025-06-30' } }),
      project('no-filing', { filingNumber: null }),
    ],
    [charity('gansu-cishan'), charity('yunnan-cishan', { creditCode: CREDIT_CODES[1] })],
  );
}

/** A small seeded PRNG, so generated test inputs are the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
