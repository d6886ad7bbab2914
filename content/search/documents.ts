import {
  type AssistanceNeed,
  AWARD_CATEGORIES,
  type Award,
  type Campaign,
  type Charity,
  DISCLOSURE_KINDS,
  type Disclosure,
  disclosureSchedule,
  donationEligibility,
  type IsoDate,
  labelOf,
  NEED_STATUSES,
  type PiiKind,
  PROJECT_STATUSES,
  type Project,
  type Region,
  SERVICE_TYPES,
  type Snapshot,
  TARGET_GROUPS,
  type TypicalCase,
  todayIso,
} from '../index.ts';
import { maskPii } from './pii-mask.ts';
import { collapseWhitespace, richTextToPlain, truncate } from './plain-text.ts';
import { SEARCH_TYPES, type SearchType, TYPE_RANK } from './settings.ts';
import { type SearchPaths, searchPaths } from './urls.ts';

/**
 * The projection of a snapshot into search documents: projects, charities, typical cases,
 * assistance needs, disclosures, campaigns and awards (everything that has a page, issue 20). Only what their public pages show, never contacts, legal
 * representatives, consent records or case summaries; rich text as plain text; every text
 * linted for PII and masked where the lint finds something. Both engines index these documents
 * (Meilisearch directly; Pagefind as custom records, or from the pages that show the same fields).
 */
export interface SearchDocument {
  /** `<type>-<slug>`: unique across types, and a valid Meilisearch document id. */
  id: string;
  type: SearchType;
  slug: string;
  url: string;
  title: string;
  summary: string;
  /** Plain text, capped at `BODY_LIMIT` characters. */
  body: string;
  /** Words naming what it is: disclosure kind, publishing department, rating, year. */
  keywords: string[];
  province: string[];
  /** Full region names, e.g. `甘肃省定西市岷县`. */
  region: string[];
  /** Labels of `TARGET_GROUPS`. */
  targetGroup: string[];
  /** Labels of `SERVICE_TYPES`. */
  serviceType: string[];
  /** Label of the project or need status; null for other types. */
  status: string | null;
  /** Projects only (`donationEligibility`); null for other types. */
  acceptingDonations: boolean | null;
  /**
   * Projects only: a disclosure is overdue on the rule day (content/rules/disclosure-schedule.ts).
   * The server engine ranks such projects lower (GlobalGiving hides late reporters); absent in
   * files written before issue 20.
   */
  overdue?: boolean;
  /** True when any region is a 国家乡村振兴重点帮扶县. */
  keyCounty: boolean;
  /** Names of the charities it belongs to or names. */
  charity: string[];
  /** Title of the project a disclosure belongs to; null otherwise. */
  project: string | null;
  /** Slug of that project (filterable, so unpublishing a project can delete its disclosures). */
  projectSlug: string | null;
  publishedOn: IsoDate;
  typeRank: number;
}

export const BODY_LIMIT = 4000;

export interface DocumentOptions {
  /** Day the eligibility rule is judged against. @default snapshot.asOf for generated data, else today */
  today?: IsoDate;
  /** Whether a charity has a payment merchant (mirrors site/lib/merchant.ts). @default () => true */
  merchantConfigured?: (charity: Charity) => boolean;
  /** Which types to produce. @default all */
  types?: readonly SearchType[];
  paths?: SearchPaths;
}

export interface MaskedField {
  id: string;
  field: string;
  kinds: PiiKind[];
}

export interface DocumentSet {
  documents: SearchDocument[];
  /** Fields where the PII lint found something (masked in `documents`): for the build log. */
  masked: MaskedField[];
}

const unique = (values: Iterable<string>) => [...new Set(values)];
const regionFacets = (regions: readonly Region[]) => ({
  province: unique(regions.map((r) => r.province)),
  region: unique(regions.map((r) => r.name)),
  keyCounty: regions.some((r) => r.keyCounty),
});

type Draft = Omit<SearchDocument, 'id' | 'typeRank'>;

/** Lints and masks every text field of a draft, recording what was masked. */
function finish(draft: Draft, masked: MaskedField[]): SearchDocument {
  const id = `${draft.type}-${draft.slug}`;
  const clean = (field: string, value: string) => {
    const m = maskPii(value);
    if (m.kinds.length > 0) masked.push({ id, field, kinds: m.kinds });
    return m.text;
  };
  const cleanList = (field: string, values: string[]) => values.map((v) => clean(field, v));
  return {
    ...draft,
    id,
    title: clean('title', draft.title),
    summary: clean('summary', draft.summary),
    body: clean('body', draft.body),
    keywords: cleanList('keywords', draft.keywords),
    charity: cleanList('charity', draft.charity),
    project: draft.project === null ? null : clean('project', draft.project),
    typeRank: TYPE_RANK[draft.type],
  };
}

const plain = (text: string) => truncate(richTextToPlain(text), BODY_LIMIT);
const line = (text: string) => collapseWhitespace(text);
const groupLabels = (keys: readonly string[]) => unique(keys.map((k) => labelOf(TARGET_GROUPS, k)));
const serviceLabels = (keys: readonly string[]) => unique(keys.map((k) => labelOf(SERVICE_TYPES, k)));

/**
 * The day eligibility is judged against when none is given: generated data is dated to its
 * `asOf`, so it is judged as of that day (the demo stays the same whenever it is built).
 */
export const defaultRuleDay = (snapshot: Snapshot): IsoDate => (snapshot.demo ? snapshot.asOf : todayIso());

export function buildSearchDocuments(snapshot: Snapshot, options: DocumentOptions = {}): DocumentSet {
  const today = options.today ?? defaultRuleDay(snapshot);
  const merchant = options.merchantConfigured ?? (() => true);
  const paths = options.paths ?? searchPaths;
  const wanted = new Set<SearchType>(options.types ?? (Object.keys(SEARCH_TYPES) as SearchType[]));
  const charities = new Map(snapshot.charities.map((c) => [c.slug, c]));
  const projects = new Map(snapshot.projects.map((p) => [p.slug, p]));
  const masked: MaskedField[] = [];
  const drafts: Draft[] = [];
  // Grouped once: at scale 68,000 disclosures would otherwise be filtered once per project.
  const disclosuresOf = new Map<string, Disclosure[]>();
  for (const d of snapshot.disclosures) {
    const list = disclosuresOf.get(d.project);
    if (list) list.push(d);
    else disclosuresOf.set(d.project, [d]);
  }

  const projectDraft = (p: Project): Draft => {
    const charity = charities.get(p.charity);
    const accepting = charity
      ? donationEligibility({ project: p, charity, today, merchantConfigured: merchant(charity) }).eligible
      : false;
    return {
      type: 'project',
      slug: p.slug,
      url: paths.project(p.slug),
      title: line(p.title),
      summary: line(p.summary),
      body: plain(p.story),
      keywords: p.brand ? ['品牌项目'] : [],
      ...regionFacets(p.regions),
      targetGroup: groupLabels(p.targetGroups),
      serviceType: serviceLabels(p.serviceTypes),
      status: labelOf(PROJECT_STATUSES, p.status),
      acceptingDonations: accepting,
      overdue: disclosureSchedule(p, disclosuresOf.get(p.slug) ?? [], today).isOverdue,
      charity: charity ? [line(charity.name)] : [],
      project: null,
      projectSlug: null,
      publishedOn: p.publishedOn,
    };
  };

  const charityDraft = (c: Charity): Draft => {
    const own = snapshot.projects.filter((p) => p.charity === c.slug);
    const keywords = [line(c.registrationAuthority)];
    if (c.rating) keywords.push(`${c.rating}级社会组织`);
    if (c.publicFundraisingSince !== null && c.publicFundraisingSince <= today) keywords.push('具有公开募捐资格');
    if (c.taxDeductible) keywords.push('公益性捐赠税前扣除资格');
    return {
      type: 'charity',
      slug: c.slug,
      url: paths.charity(c.slug),
      title: line(c.name),
      summary: truncate(line(c.summary), 300),
      body: plain(c.summary),
      keywords,
      ...regionFacets([c.region]),
      targetGroup: groupLabels(own.flatMap((p) => p.targetGroups)),
      serviceType: serviceLabels(own.flatMap((p) => p.serviceTypes)),
      status: null,
      acceptingDonations: null,
      charity: [line(c.name)],
      project: null,
      projectSlug: null,
      publishedOn: c.recognisedOn,
    };
  };

  const typicalCaseDraft = (t: TypicalCase): Draft => ({
    type: 'typical-case',
    slug: t.slug,
    url: paths.typicalCase(t.slug),
    title: line(t.title),
    summary: line(t.summary),
    body: plain(t.body),
    keywords: [line(t.source), `${t.year}年`],
    ...regionFacets([t.region]),
    targetGroup: groupLabels(t.targetGroups),
    serviceType: serviceLabels(t.serviceTypes),
    status: null,
    acceptingDonations: null,
    charity: unique(
      t.charities.flatMap((slug) => (charities.has(slug) ? [line(charities.get(slug)?.name ?? '')] : [])),
    ),
    project: null,
    projectSlug: null,
    publishedOn: t.publishedOn,
  });

  const needDraft = (n: AssistanceNeed): Draft => ({
    type: 'need',
    slug: n.slug,
    url: paths.need(n.region.provinceCode, n.slug),
    title: line(n.title),
    summary: truncate(line(n.description), 300),
    body: plain(n.description),
    keywords: [line(n.department), `${n.households}户`],
    ...regionFacets([n.region]),
    targetGroup: groupLabels([n.group]),
    serviceType: serviceLabels([n.kind]),
    status: labelOf(NEED_STATUSES, n.status),
    acceptingDonations: null,
    charity: [],
    project: null,
    projectSlug: null,
    publishedOn: n.publishedOn,
  });

  const disclosureDraft = (d: Disclosure): Draft[] => {
    const project = projects.get(d.project);
    if (!project) return [];
    const charity = charities.get(project.charity);
    return [
      {
        type: 'disclosure',
        slug: d.slug,
        url: paths.disclosure(project.slug, d.slug),
        title: line(d.title),
        summary: truncate(richTextToPlain(d.body), 300),
        body: plain(d.body),
        keywords: [labelOf(DISCLOSURE_KINDS, d.kind)],
        ...regionFacets(project.regions),
        targetGroup: [],
        serviceType: [],
        status: null,
        acceptingDonations: null,
        charity: charity ? [line(charity.name)] : [],
        project: line(project.title),
        projectSlug: project.slug,
        publishedOn: d.publishedOn,
      },
    ];
  };

  // A campaign carries the groups and services of the projects that joined it: 敬老月 finds 失能老人.
  const campaignDraft = (c: Campaign): Draft => {
    const joined = snapshot.projects.filter((p) => p.campaigns.includes(c.slug));
    return {
      type: 'campaign',
      slug: c.slug,
      url: paths.campaign(c.slug),
      title: line(c.title),
      summary: line(c.theme),
      body: plain(c.description),
      keywords: [SEARCH_TYPES.campaign, line(c.organiser)],
      ...regionFacets([]),
      targetGroup: groupLabels(joined.flatMap((p) => p.targetGroups)),
      serviceType: serviceLabels(joined.flatMap((p) => p.serviceTypes)),
      status: null,
      acceptingDonations: null,
      charity: [],
      project: null,
      projectSlug: null,
      publishedOn: c.window.start,
    };
  };
  // An award is listed on its year's page; its name, edition, category and awardee say what it is.
  const awardDraft = (a: Award): Draft => {
    const charity = a.awardee.charity ? charities.get(a.awardee.charity) : undefined;
    const project = a.awardee.project ? projects.get(a.awardee.project) : undefined;
    const category = labelOf(AWARD_CATEGORIES, a.category);
    return {
      type: 'award',
      slug: a.slug,
      // Its own entry on the year's page: a URL per award, so no index folds a year's awards into one.
      url: paths.award(a.year, a.slug),
      title: line(`${a.name}（${a.edition}）${category}：${a.awardee.name}`),
      summary: line(a.citation),
      body: plain(a.citation),
      keywords: [line(a.name), line(a.edition), category, `${a.year}年`, line(a.documentNumber)],
      ...regionFacets(project?.regions ?? (charity ? [charity.region] : [])),
      targetGroup: groupLabels(project?.targetGroups ?? []),
      serviceType: serviceLabels(project?.serviceTypes ?? []),
      status: null,
      acceptingDonations: null,
      charity: charity ? [line(charity.name)] : [],
      project: project ? line(project.title) : null,
      projectSlug: null,
      publishedOn: a.announcedOn,
    };
  };
  if (wanted.has('project')) drafts.push(...snapshot.projects.map(projectDraft));
  if (wanted.has('charity')) drafts.push(...snapshot.charities.map(charityDraft));
  if (wanted.has('typical-case')) drafts.push(...snapshot.typicalCases.map(typicalCaseDraft));
  if (wanted.has('need')) drafts.push(...snapshot.needs.map(needDraft));
  if (wanted.has('disclosure')) drafts.push(...snapshot.disclosures.flatMap(disclosureDraft));
  if (wanted.has('campaign')) drafts.push(...snapshot.campaigns.map(campaignDraft));
  if (wanted.has('award')) drafts.push(...snapshot.awards.map(awardDraft));

  return { documents: drafts.map((d) => finish(d, masked)), masked };
}
