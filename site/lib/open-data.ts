import {
  type AssistanceNeed,
  DISCLOSURE_KINDS,
  type Disclosure,
  NEED_STATUSES,
  PROJECT_STATUSES,
  SERVICE_TYPES,
  TARGET_GROUPS,
} from '../../content/index.ts';
import { absoluteUrl, paths } from '../../content/paths.ts';
import { type CsvCell, toCsv } from './csv.ts';
import { matchingPoolDataset } from './open-data-matching.ts';
import { referralDataset } from './open-data-referrals.ts';
import type { NeedView, ProjectView, SiteData } from './site-data.ts';

/**
 * The open data files (projects, disclosures, needs as JSON and CSV) and their documented schema,
 * from one column list per dataset, so the files and the schema page cannot drift apart. Money is
 * integer fen, as everywhere inside; dates are `YYYY-MM-DD`; lists are JSON arrays, and in CSV
 * values joined with `;`. Only public fields: never a case's consent, never a donor.
 */
/** `count`: an integer, or "<5" / "suppressed" (small-cell suppression, open-data-referrals.ts). */
export type ColumnType = 'string' | 'integer' | 'number' | 'count' | 'boolean' | 'date' | 'string[]' | 'url';

export interface Column<T> {
  name: string;
  type: ColumnType;
  description: string;
  nullable?: boolean;
  value: (item: T) => CsvCell;
}

export interface Dataset<T> {
  name: 'projects' | 'disclosures' | 'needs' | 'referrals' | 'matching-pools';
  title: string;
  description: string;
  columns: Column<T>[];
  items: (site: SiteData) => T[];
}

type Abs = (path: string) => string;

function projectColumns(abs: Abs): Column<ProjectView>[] {
  return [
    { name: 'slug', type: 'string', description: '项目标识（拼音），在本门户内唯一', value: (v) => v.project.slug },
    { name: 'title', type: 'string', description: '项目名称', value: (v) => v.project.title },
    { name: 'url', type: 'url', description: '项目页地址', value: (v) => abs(paths.project(v.project.slug)) },
    { name: 'charity_slug', type: 'string', description: '执行项目的慈善组织标识', value: (v) => v.charity.slug },
    { name: 'charity_name', type: 'string', description: '慈善组织全称', value: (v) => v.charity.name },
    {
      name: 'charity_credit_code',
      type: 'string',
      description: '慈善组织统一社会信用代码',
      value: (v) => v.charity.creditCode,
    },
    {
      name: 'status',
      type: 'string',
      description: `项目状态：${Object.entries(PROJECT_STATUSES)
        .map(([k, l]) => `${k}（${l}）`)
        .join('、')}`,
      value: (v) => v.project.status,
    },
    {
      name: 'assistance_oriented',
      type: 'boolean',
      description: '是否为救助帮扶类项目',
      value: (v) => v.project.assistanceOriented,
    },
    {
      name: 'target_groups',
      type: 'string[]',
      description: `帮扶对象：${Object.entries(TARGET_GROUPS)
        .map(([k, l]) => `${k}（${l}）`)
        .join('、')}`,
      value: (v) => v.project.targetGroups,
    },
    {
      name: 'service_types',
      type: 'string[]',
      description: `服务类型：${Object.entries(SERVICE_TYPES)
        .map(([k, l]) => `${k}（${l}）`)
        .join('、')}`,
      value: (v) => v.project.serviceTypes,
    },
    {
      name: 'region_codes',
      type: 'string[]',
      description: '实施地区的行政区划代码（GB/T 2260）',
      value: (v) => v.project.regions.map((r) => r.code),
    },
    {
      name: 'region_names',
      type: 'string[]',
      description: '实施地区名称',
      value: (v) => v.project.regions.map((r) => r.name),
    },
    {
      name: 'filing_number',
      type: 'string',
      nullable: true,
      description: '募捐方案备案编号；无公开募捐时为空',
      value: (v) => v.project.plan?.filingNumber ?? null,
    },
    {
      name: 'fundraising_start',
      type: 'date',
      nullable: true,
      description: '备案的募捐期开始日',
      value: (v) => v.project.plan?.window.start ?? null,
    },
    {
      name: 'fundraising_end',
      type: 'date',
      nullable: true,
      description: '备案的募捐期结束日',
      value: (v) => v.project.plan?.window.end ?? null,
    },
    {
      name: 'goal_fen',
      type: 'integer',
      nullable: true,
      description: '募捐目标，单位：分',
      value: (v) => v.project.plan?.goalFen ?? null,
    },
    {
      name: 'raised_fen',
      type: 'integer',
      description: '累计募得，单位：分（取最近一次信息公开的累计数）',
      value: (v) => v.money.raisedFen,
    },
    {
      name: 'spent_fen',
      type: 'integer',
      description: '累计支出，单位：分（取最近一次信息公开的累计数）',
      value: (v) => v.money.spentFen,
    },
    {
      name: 'accepting_donations',
      type: 'boolean',
      description: '构建当日是否可在本门户捐赠',
      value: (v) => v.accepting,
    },
    {
      name: 'disclosure_overdue',
      type: 'boolean',
      description: '是否有逾期未披露的信息公开事项',
      value: (v) => v.schedule.isOverdue,
    },
    { name: 'published_on', type: 'date', description: '项目发布日期', value: (v) => v.project.publishedOn },
  ];
}

/**
 * No URL column here: at 70,000 rows it would add ~10 MB to each file for a value anyone can form
 * as `/projects/{project_slug}/#d-{slug}` (documented on the schema page).
 */
function disclosureColumns(): Column<Disclosure>[] {
  return [
    { name: 'slug', type: 'string', description: '信息公开标识，在本门户内唯一', value: (d) => d.slug },
    { name: 'project_slug', type: 'string', description: '所属项目标识', value: (d) => d.project },
    {
      name: 'kind',
      type: 'string',
      description: `类型：${Object.entries(DISCLOSURE_KINDS)
        .map(([k, l]) => `${k}（${l}）`)
        .join('、')}`,
      value: (d) => d.kind,
    },
    { name: 'title', type: 'string', description: '标题', value: (d) => d.title },
    { name: 'published_on', type: 'date', description: '公开日期', value: (d) => d.publishedOn },
    { name: 'period_start', type: 'date', description: '所涵盖期间的开始日', value: (d) => d.period.start },
    { name: 'period_end', type: 'date', description: '所涵盖期间的结束日', value: (d) => d.period.end },
    {
      name: 'raised_to_date_fen',
      type: 'integer',
      description: '截至本次公开的累计募得，单位：分',
      value: (d) => d.raisedToDateFen,
    },
    {
      name: 'spent_to_date_fen',
      type: 'integer',
      description: '截至本次公开的累计支出，单位：分',
      value: (d) => d.spentToDateFen,
    },
    {
      name: 'expense_lines_fen',
      type: 'integer',
      description: '本次公开列示的支出明细合计，单位：分',
      value: (d) => d.expenses.reduce((sum, e) => sum + e.amountFen, 0),
    },
    {
      name: 'corrects',
      type: 'string',
      nullable: true,
      description: '更正说明所更正的信息公开标识；其他类型为空',
      value: (d) => d.corrects,
    },
  ];
}

function needColumns(abs: Abs): Column<NeedView>[] {
  const need = (f: (n: AssistanceNeed) => CsvCell) => (v: NeedView) => f(v.need);
  return [
    { name: 'slug', type: 'string', description: '需求标识，在本门户内唯一', value: need((n) => n.slug) },
    { name: 'title', type: 'string', description: '标题', value: need((n) => n.title) },
    {
      name: 'url',
      type: 'url',
      description: '需求所在页面',
      value: need((n) => abs(paths.need(n.region.provinceCode, n.slug))),
    },
    { name: 'department', type: 'string', description: '发布需求的民政部门', value: need((n) => n.department) },
    {
      name: 'region_code',
      type: 'string',
      description: '县级行政区划代码（GB/T 2260）',
      value: need((n) => n.region.code),
    },
    { name: 'region_name', type: 'string', description: '县级行政区划名称', value: need((n) => n.region.name) },
    {
      name: 'key_county',
      type: 'boolean',
      description: '是否为国家乡村振兴重点帮扶县',
      value: need((n) => n.region.keyCounty),
    },
    {
      name: 'group',
      type: 'string',
      description: '帮扶对象类别（取值同 projects.target_groups）',
      value: need((n) => n.group),
    },
    {
      name: 'kind',
      type: 'string',
      description: '需要的服务类型（取值同 projects.service_types）',
      value: need((n) => n.kind),
    },
    {
      name: 'households',
      type: 'integer',
      description: '涉及户数（汇总数，不含任何个人信息）',
      value: need((n) => n.households),
    },
    {
      name: 'status',
      type: 'string',
      description: `状态：${Object.entries(NEED_STATUSES)
        .map(([k, l]) => `${k}（${l}）`)
        .join('、')}`,
      value: need((n) => n.status),
    },
    {
      name: 'answered_by',
      type: 'string[]',
      description: '对接该需求的项目标识',
      value: (v) => v.answeredBy.map((p) => p.project.slug),
    },
    { name: 'published_on', type: 'date', description: '发布日期', value: need((n) => n.publishedOn) },
  ];
}

export function openDatasets(siteUrl: URL | string | undefined) {
  const abs: Abs = (path) => absoluteUrl(path, siteUrl);
  const projects: Dataset<ProjectView> = {
    name: 'projects',
    title: '慈善项目',
    description: '本门户发布的全部慈善项目，含募捐方案要点、累计募得与支出、能否捐赠和信息公开是否逾期。',
    columns: projectColumns(abs),
    items: (site) => site.projects,
  };
  const disclosures: Dataset<Disclosure> = {
    name: 'disclosures',
    title: '项目信息公开',
    description: '各项目已发布的信息公开（进展、资金使用、结项报告、剩余财产处理、更正说明等），按公开日期从新到旧。',
    columns: disclosureColumns(),
    items: (site) => site.disclosuresNewestFirst,
  };
  const needs: Dataset<NeedView> = {
    name: 'needs',
    title: '救助需求',
    description: '民政部门发布的去标识化救助需求（按县、帮扶对象和服务类型汇总），以及对接它的项目。',
    columns: needColumns(abs),
    items: (site) => site.needs,
  };
  return {
    projects,
    disclosures,
    needs,
    referrals: referralDataset(),
    'matching-pools': matchingPoolDataset(siteUrl),
  } as const;
}

export type DatasetName = keyof ReturnType<typeof openDatasets>;
export const DATASET_NAMES: DatasetName[] = ['projects', 'disclosures', 'needs', 'referrals', 'matching-pools'];

export function datasetCsv<T>(dataset: Dataset<T>, site: SiteData): string {
  return toCsv(
    dataset.columns.map((c) => c.name),
    dataset.items(site).map((item) => dataset.columns.map((c) => c.value(item))),
  );
}

export function datasetJson<T>(dataset: Dataset<T>, site: SiteData): string {
  const items = dataset.items(site).map((item) => {
    const row: Record<string, unknown> = {};
    for (const c of dataset.columns) row[c.name] = c.value(item) ?? null;
    return row;
  });
  return JSON.stringify({
    dataset: dataset.name,
    title: dataset.title,
    generatedAt: site.snapshot.generatedAt,
    asOf: site.today,
    demo: site.demo,
    count: items.length,
    fields: dataset.columns.map((c) => ({
      name: c.name,
      type: c.type,
      nullable: c.nullable ?? false,
      description: c.description,
    })),
    items,
  });
}
