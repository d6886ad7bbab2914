import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withCreditCodeCheck } from '../../content/rules/credit-code.ts';
import { parseSnapshot } from '../../content/snapshot/parse-snapshot.ts';
import type { Snapshot } from '../../content/snapshot/snapshot-schema.ts';
import { CHARITY_FIELDS } from './fixtures/charity-fields.ts';

/**
 * A tiny hand-made snapshot: every collection once (a correction and a minor's case included),
 * small enough that booting and seeding a real Strapi takes a few seconds. Validated by the real
 * parser so it cannot drift from content/.
 */
const MINXIAN = {
  code: '621126',
  name: '甘肃省定西市岷县',
  provinceCode: '620000',
  province: '甘肃省',
  keyCounty: true,
};
const LANZHOU = { code: '620100', name: '甘肃省兰州市', provinceCode: '620000', province: '甘肃省', keyCounty: false };

export const FIXTURE_CREDIT_CODES = [
  withCreditCodeCheck('53100000500012345'),
  withCreditCodeCheck('53620000MJ0000012'),
];

const charity = (slug: string, name: string, creditCode: string) => ({
  slug,
  name,
  creditCode,
  ...CHARITY_FIELDS,
  region: LANZHOU,
  contact: { phone: '0931-8123456', address: '甘肃省兰州市城关区示例路1号', email: 'info@example.org' },
  summary: `${name}（示例数据）`,
});

const plan = {
  filingNumber: '53100000500012345U0001',
  filedOn: '2025-12-01',
  window: { start: '2026-01-01', end: '2026-12-31' },
  goalFen: 10_000_000_000,
  purpose: '为困境儿童提供助学金',
  beneficiaryScope: '岷县困境儿童',
  beneficiarySelection: '由乡镇民政服务站推荐',
  useOfFunds: '助学金发放',
  fundraisingCost: '不超过 2%',
  managementCostPermille: 60,
  remainingProperty: '转入同类项目',
  partners: [{ name: '示例企业', type: 'enterprise', role: '配捐' }],
};

const project = (slug: string, charitySlug: string, title: string) => ({
  slug,
  title,
  charity: charitySlug,
  assistanceOriented: true,
  targetGroups: ['minors'],
  serviceTypes: ['education'],
  regions: [MINXIAN],
  plan,
  implementation: { start: '2026-01-01', end: '2026-12-31' },
  status: 'fundraising',
  needs: ['minxian-zhuxue-xuqiu'],
  campaigns: ['cishanri-2026'],
  summary: '资助困境儿童完成学业',
  story: '示例故事：岷县的孩子们需要帮助。',
  publishedOn: '2026-01-02',
});

const disclosure = (slug: string, kind: string, corrects: string | null) => ({
  slug,
  project: 'minxian-zhuxue',
  kind,
  title: kind === 'correction' ? '更正：第一季度进展' : '第一季度进展',
  publishedOn: '2026-04-05',
  period: { start: '2026-01-01', end: '2026-03-31' },
  raisedToDateFen: 1_234_567,
  spentToDateFen: 234_567,
  body: '本季度发放助学金 20 份。',
  expenses: [
    {
      date: '2026-03-01',
      item: '助学金',
      category: 'materials',
      amountFen: 234_567,
      beneficiariesReached: 20,
    },
  ],
  corrects,
});

/** Plain JSON as a file would hold it; `parseSnapshot` gives it its type. */
const input = {
  format: 'xianjie-snapshot',
  version: 1,
  generatedAt: '2026-06-01T00:00:00+08:00',
  asOf: '2026-06-01',
  source: 'file',
  demo: true,
  charities: [
    charity('gansu-cishan', '甘肃省慈善总会', FIXTURE_CREDIT_CODES[0] as string),
    charity('lanzhou-ertong', '兰州儿童福利基金会', FIXTURE_CREDIT_CODES[1] as string),
  ],
  projects: [
    project('minxian-zhuxue', 'gansu-cishan', '岷县助学'),
    { ...project('lanzhou-kangfu', 'lanzhou-ertong', '兰州康复'), plan: null, needs: [], campaigns: [] },
  ],
  disclosures: [
    disclosure('minxian-q1', 'progress', null),
    disclosure('minxian-q1-gengzheng', 'correction', 'minxian-q1'),
  ],
  caseSummaries: [
    {
      slug: 'minxian-xiaoli',
      project: 'minxian-zhuxue',
      alias: '小李',
      ageBand: '6-13',
      region: MINXIAN,
      group: 'minors',
      situation: '父亲因病去世，由祖母抚养。',
      governmentAssistance: '纳入低保，享受教育资助。',
      charityHelp: '每学期发放助学金。',
      outcome: '顺利升入初中。',
      publishedOn: '2026-03-01',
    },
  ],
  needs: [
    {
      slug: 'minxian-zhuxue-xuqiu',
      title: '岷县困境儿童助学需求',
      department: '岷县民政局',
      region: MINXIAN,
      group: 'minors',
      kind: 'education',
      households: 120,
      status: 'open',
      description: '全县约 120 户困境儿童家庭需要助学帮扶。',
      publishedOn: '2025-11-01',
    },
  ],
  typicalCases: [
    {
      slug: 'gansu-dianxing-1',
      title: '岷县助学衔接案例',
      source: '甘肃省民政厅',
      year: 2026,
      region: MINXIAN,
      targetGroups: ['minors'],
      serviceTypes: ['education'],
      summary: '政府救助与慈善助学有效衔接。',
      body: '示例正文。',
      projects: ['minxian-zhuxue'],
      charities: ['gansu-cishan'],
      featured: true,
      publishedOn: '2026-05-01',
    },
  ],
  awards: [
    {
      slug: 'cishanjiang-12-gansu',
      name: '中华慈善奖',
      edition: '第十二届',
      year: 2025,
      category: 'project',
      awardee: { kind: 'project', name: '岷县助学', charity: 'gansu-cishan', project: 'minxian-zhuxue' },
      citation: '表彰其助学成效。',
      documentNumber: '民发〔2025〕1号',
      announcedOn: '2025-09-05',
    },
  ],
  campaigns: [
    {
      slug: 'cishanri-2026',
      title: '2026 年中华慈善日',
      theme: '衔接救助，温暖同行',
      window: { start: '2026-08-25', end: '2026-09-10' },
      description: '9月5日中华慈善日专题活动。',
      organiser: '民政部',
    },
  ],
  seedConsents: [
    { caseSummary: 'minxian-xiaoli', recordedOn: '2026-02-01', scope: ['portal-publication'], guardian: '姑姑' },
  ],
};

export const FIXTURE_SNAPSHOT: Snapshot = parseSnapshot(input, '测试快照');

/** Writes the fixture as JSON into `dir` and returns its path. */
export function writeFixtureSnapshot(dir: string): string {
  const path = join(dir, 'fixture-snapshot.json');
  writeFileSync(path, `${JSON.stringify(FIXTURE_SNAPSHOT, null, 2)}\n`);
  return path;
}

/** Documents per collection the fixture creates. */
export const FIXTURE_COUNTS = {
  charities: 2,
  projects: 2,
  disclosures: 2,
  caseSummaries: 1,
  needs: 1,
  typicalCases: 1,
  awards: 1,
  campaigns: 1,
} as const;

/** One entry of each type a ministry editor owns (needs, typical cases, awards, campaigns): collection and slug. */
export const FIXTURE_MINISTRY_ENTRIES = [
  ['needs', 'minxian-zhuxue-xuqiu'],
  ['typicalCases', 'gansu-dianxing-1'],
  ['awards', 'cishanjiang-12-gansu'],
  ['campaigns', 'cishanri-2026'],
] as const;
