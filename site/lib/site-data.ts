import {
  type AssistanceNeed,
  type Award,
  type Campaign,
  type CaseSummary,
  type Charity,
  type Disclosure,
  type DisclosureSchedule,
  type DisclosureTimeliness,
  type DonationEligibility,
  disclosureSchedule,
  disclosureTimeliness,
  donationEligibility,
  type IsoDate,
  PROJECT_STATUSES,
  type Project,
  type ProjectMoney,
  type ProjectStatus,
  projectMoney,
  type Snapshot,
  type TypicalCase,
} from '../../content/index.ts';
import { merchantConfigured } from '../../content/node/index.ts';
import { ACCEPTING, type FacetValues, facetCombinations } from './facets.ts';
import { getSnapshot } from './load-snapshot.ts';
import { throwIfPiiFound } from './pii-gate.ts';
import { rulesToday } from './rules-today.ts';

/**
 * Everything pages read, derived from the snapshot once per build: lookups by slug, projects by
 * charity, disclosures by project, schedules and eligibility per project, the filter combinations.
 * Pages only look things up here, so a page costs the same with 300 or 10,000 projects.
 */
export interface ProjectView {
  project: Project;
  charity: Charity;
  /** Oldest first, including entries dated after `today` (they are not shown). */
  disclosures: Disclosure[];
  schedule: DisclosureSchedule;
  eligibility: DonationEligibility;
  accepting: boolean;
  money: ProjectMoney;
  cases: CaseSummary[];
  needs: AssistanceNeed[];
  campaigns: Campaign[];
  awards: Award[];
  typicalCases: TypicalCase[];
  facets: FacetValues;
  provinceCodes: string[];
}

export interface CharityView {
  charity: Charity;
  projects: ProjectView[];
  awards: Award[];
  typicalCases: TypicalCase[];
  timeliness: DisclosureTimeliness;
}

export interface NeedView {
  need: AssistanceNeed;
  answeredBy: ProjectView[];
}

export interface SiteData {
  snapshot: Snapshot;
  today: IsoDate;
  demo: boolean;
  /** In listing order: accepting donations first, then by status, newest first. */
  projects: ProjectView[];
  projectBySlug: Map<string, ProjectView>;
  /** Filter combination key → positions in `projects`. */
  projectCombos: Map<string, number[]>;
  charities: CharityView[];
  charityBySlug: Map<string, CharityView>;
  needs: NeedView[];
  needBySlug: Map<string, NeedView>;
  /** Province code → name, for every province any content names. */
  provinces: Map<string, string>;
  /** Public disclosures (published by `today`), newest first. */
  disclosuresNewestFirst: Disclosure[];
  typicalCases: TypicalCase[];
  typicalCaseBySlug: Map<string, TypicalCase>;
  campaigns: Campaign[];
  campaignBySlug: Map<string, Campaign>;
  campaignProjects: Map<string, ProjectView[]>;
  awards: Award[];
}

const STATUS_ORDER = Object.fromEntries(Object.keys(PROJECT_STATUSES).map((s, i) => [s, i])) as Record<
  ProjectStatus,
  number
>;
// Fundraising projects first: that is what most visitors of the listing look for.
STATUS_ORDER.fundraising = -1;

const collator = new Intl.Collator('zh-CN');

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byDateDesc<T extends { publishedOn: string; slug: string }>(a: T, b: T): number {
  if (a.publishedOn !== b.publishedOn) return a.publishedOn < b.publishedOn ? 1 : -1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

export function buildSiteData(snapshot: Snapshot, now: Date = new Date()): SiteData {
  const today = rulesToday(snapshot, now);
  const charityBySlugRaw = new Map(snapshot.charities.map((c) => [c.slug, c]));
  const needBySlugRaw = new Map(snapshot.needs.map((n) => [n.slug, n]));
  const campaignBySlug = new Map(snapshot.campaigns.map((c) => [c.slug, c]));

  const disclosuresByProject = new Map<string, Disclosure[]>();
  for (const d of snapshot.disclosures) push(disclosuresByProject, d.project, d);
  for (const list of disclosuresByProject.values()) list.sort((a, b) => -byDateDesc(a, b));
  const casesByProject = new Map<string, CaseSummary[]>();
  for (const c of [...snapshot.caseSummaries].sort(byDateDesc)) push(casesByProject, c.project, c);
  const awardsByProject = new Map<string, Award[]>();
  const awardsByCharity = new Map<string, Award[]>();
  const awards = [...snapshot.awards].sort(
    (a, b) => b.year - a.year || (a.announcedOn < b.announcedOn ? 1 : a.announcedOn > b.announcedOn ? -1 : 0),
  );
  for (const a of awards) {
    if (a.awardee.project) push(awardsByProject, a.awardee.project, a);
    if (a.awardee.charity) push(awardsByCharity, a.awardee.charity, a);
  }
  const typicalCases = [...snapshot.typicalCases].sort(byDateDesc);
  const typicalByProject = new Map<string, TypicalCase[]>();
  const typicalByCharity = new Map<string, TypicalCase[]>();
  for (const t of typicalCases) {
    for (const p of t.projects) push(typicalByProject, p, t);
    for (const c of t.charities) push(typicalByCharity, c, t);
  }

  const provinces = new Map<string, string>();
  const views: ProjectView[] = snapshot.projects.map((project) => {
    const charity = charityBySlugRaw.get(project.charity);
    // parseSnapshot already checked every reference; this guards against a hand-built snapshot.
    if (!charity) throw new Error(`项目 ${project.slug} 引用的慈善组织 ${project.charity} 不存在`);
    const disclosures = disclosuresByProject.get(project.slug) ?? [];
    const eligibility = donationEligibility({
      project,
      charity,
      today,
      merchantConfigured: merchantConfigured(charity),
    });
    const provinceCodes = [...new Set(project.regions.map((r) => r.provinceCode))].sort();
    for (const r of project.regions) provinces.set(r.provinceCode, r.province);
    return {
      project,
      charity,
      disclosures,
      schedule: disclosureSchedule(project, disclosures, today),
      eligibility,
      accepting: eligibility.eligible,
      money: projectMoney(disclosures, today),
      cases: casesByProject.get(project.slug) ?? [],
      needs: project.needs.map((s) => needBySlugRaw.get(s)).filter((n): n is AssistanceNeed => n !== undefined),
      campaigns: project.campaigns.map((s) => campaignBySlug.get(s)).filter((c): c is Campaign => c !== undefined),
      awards: awardsByProject.get(project.slug) ?? [],
      typicalCases: typicalByProject.get(project.slug) ?? [],
      provinceCodes,
      facets: {
        region: provinceCodes,
        group: project.targetGroups,
        service: project.serviceTypes,
        status: [project.status],
        accepting: eligibility.eligible ? [ACCEPTING] : [],
      },
    };
  });
  views.sort(
    (a, b) =>
      Number(b.accepting) - Number(a.accepting) ||
      STATUS_ORDER[a.project.status] - STATUS_ORDER[b.project.status] ||
      byDateDesc(a.project, b.project),
  );
  const projectBySlug = new Map(views.map((v) => [v.project.slug, v]));

  const projectsByCharity = new Map<string, ProjectView[]>();
  for (const v of views) push(projectsByCharity, v.charity.slug, v);
  const charities: CharityView[] = [...snapshot.charities]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((charity) => {
      const projects = projectsByCharity.get(charity.slug) ?? [];
      provinces.set(charity.region.provinceCode, charity.region.province);
      return {
        charity,
        projects,
        awards: awardsByCharity.get(charity.slug) ?? [],
        typicalCases: typicalByCharity.get(charity.slug) ?? [],
        timeliness: disclosureTimeliness(projects.map((p) => p.schedule)),
      };
    });

  const answeredBy = new Map<string, ProjectView[]>();
  for (const v of views) for (const n of v.needs) push(answeredBy, n.slug, v);
  const needs: NeedView[] = [...snapshot.needs].sort(byDateDesc).map((need) => {
    provinces.set(need.region.provinceCode, need.region.province);
    return { need, answeredBy: answeredBy.get(need.slug) ?? [] };
  });

  const campaignProjects = new Map<string, ProjectView[]>();
  for (const v of views) for (const c of v.campaigns) push(campaignProjects, c.slug, v);
  const campaigns = [...snapshot.campaigns].sort((a, b) =>
    a.window.start !== b.window.start ? (a.window.start < b.window.start ? 1 : -1) : a.slug < b.slug ? -1 : 1,
  );
  for (const t of typicalCases) provinces.set(t.region.provinceCode, t.region.province);

  return {
    snapshot,
    today,
    demo: snapshot.demo,
    projects: views,
    projectBySlug,
    projectCombos: facetCombinations(views.map((v) => v.facets)),
    charities,
    charityBySlug: new Map(charities.map((c) => [c.charity.slug, c])),
    needs,
    needBySlug: new Map(needs.map((n) => [n.need.slug, n])),
    provinces: new Map([...provinces].sort(([a], [b]) => (a < b ? -1 : 1))),
    disclosuresNewestFirst: snapshot.disclosures.filter((d) => d.publishedOn <= today).sort(byDateDesc),
    typicalCases,
    typicalCaseBySlug: new Map(typicalCases.map((t) => [t.slug, t])),
    campaigns,
    campaignBySlug,
    campaignProjects,
    awards,
  };
}

let cached: Promise<SiteData> | null = null;

/**
 * The build's site data: computed once, shared by every page of the build. Every page also learns
 * here, the moment the personal-information lint has found something, that the build must stop.
 */
export async function getSiteData(): Promise<SiteData> {
  cached ??= getSnapshot().then((snapshot) => buildSiteData(snapshot));
  const data = await cached;
  throwIfPiiFound();
  return data;
}
