import { formatDate } from '../content/contracts/format.ts';
import { formatMoney } from '../content/contracts/money.ts';
import { withCreditCodeCheck } from '../content/rules/credit-code.ts';
import { daysBetween } from '../content/rules/dates.ts';
import type { IsoDate } from '../content/schemas/common.ts';
import type { Partner, Project } from '../content/schemas/project.ts';
import type { ServiceType, TargetGroup } from '../content/schemas/taxonomy.ts';
import type { CampaignDraft } from './campaigns.ts';
import type { CharityDraft } from './charities.ts';
import { listCn, yearOf } from './format.ts';
import { GROUP_THEMES, type GroupVariants, pickVariants } from './group-themes.ts';
import { enterpriseName, NAME_WORDS } from './names.ts';
import type { NeedDraft } from './needs.ts';
import { NON_ASSISTANCE_THEMES } from './non-assistance-themes.ts';
import { planTexts } from './project-plan-texts.ts';
import {
  EMERGENCY_GROUPS,
  type ProjectTextContext,
  projectStory,
  projectSummary,
  projectTitle,
} from './project-texts.ts';
import { implementationTimeline, type Phase, pickPhase, planTimeline, type Timeline } from './project-timeline.ts';
import type { Rng } from './random.ts';
import {
  type County,
  countiesOf,
  countyRegion,
  countyShort,
  KEY_COUNTY_LIST,
  pickCounty,
  provinceShort,
} from './regions.ts';
import { type SlugRegistry, slugOf } from './slugs.ts';

/** A generated project and what disclosures and cases are written from. */
export interface ProjectModel {
  project: Project;
  charity: CharityDraft;
  counties: County[];
  /** The variant of each target group its texts speak of (`大病患儿` rather than any 大病). */
  variants: GroupVariants;
  phase: Phase;
  /** Raised by the end of the window (or granted, without public fundraising). */
  raisedTotalFen: number;
  /** Spent by the end of the implementation. */
  spentTotalFen: number;
  planned: number;
}

export interface ProjectInputs {
  asOf: IsoDate;
  count: number;
  charities: readonly CharityDraft[];
  needs: readonly NeedDraft[];
  campaigns: readonly CampaignDraft[];
  slugs: SlugRegistry;
}

/** Where the money of a project without a 募捐方案 comes from. */
const NO_PLAN_FUNDS = ['政府购买服务', '定向捐赠', '基金会资助', '企业捐赠', '本机构自有资金', '往年结转的定向资金'];

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  a.start <= b.end && b.start <= a.end;

function pickCounties(rng: Rng, charity: CharityDraft, need: NeedDraft | null): County[] {
  const first = need
    ? need.county
    : charity.crossRegion && rng.chance(0.7)
      ? rng.pick(KEY_COUNTY_LIST)
      : pickCounty(rng, charity.province.code);
  const out = [first];
  if (rng.chance(0.25)) {
    const pool = countiesOf(first.provinceCode).filter(
      (c) => c.code !== first.code && (first.city === '' || c.city === first.city) && c.rural,
    );
    out.push(...rng.sample(pool, rng.int(1, 2)));
  }
  return out;
}

function placeOf(counties: readonly County[]): string {
  const first = counties[0] as County;
  if (counties.length === 1) return countyShort(first.shortName);
  if (first.city && counties.every((c) => c.city === first.city)) return first.city;
  return provinceShort(first.province);
}

function companyCode(rng: Rng, adminCode: string): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += String(rng.int(0, 9));
  return withCreditCodeCheck(`91${adminCode}${org}`);
}

export function generateProjects(rng: Rng, input: ProjectInputs): ProjectModel[] {
  const { asOf, charities, needs, campaigns, slugs } = input;
  const needsByCounty = new Map<string, NeedDraft[]>();
  for (const n of needs) needsByCounty.set(n.county.code, [...(needsByCounty.get(n.county.code) ?? []), n]);
  const needsByProvince = new Map<string, NeedDraft[]>();
  for (const n of needs) {
    needsByProvince.set(n.county.provinceCode, [...(needsByProvince.get(n.county.provinceCode) ?? []), n]);
  }
  const needBySlug = new Map(needs.map((n) => [n.need.slug, n]));
  const keyNeeds = needs.filter((n) => n.county.keyCounty);
  const filingSeq = new Map<string, number>();
  const weights = charities.map((c) => c.weight);
  const models: ProjectModel[] = [];

  for (let i = 0; i < input.count; i++) {
    const charity = i < charities.length ? (charities[i] as CharityDraft) : rng.weighted(charities, weights);
    const since = charity.charity.publicFundraisingSince;
    let withPlan = since !== null && since <= asOf;
    let emergency = withPlan && rng.chance(0.015);
    let phase: Phase = emergency ? (rng.chance(0.3) ? 'open' : 'completed') : pickPhase(rng, withPlan);
    let timeline: Timeline = withPlan
      ? planTimeline(rng, asOf, phase, emergency)
      : implementationTimeline(rng, asOf, phase);
    if (withPlan && since !== null && (timeline.window?.start ?? asOf) < since) {
      const sinceDays = daysBetween(since, asOf);
      if (phase === 'open' && !emergency && sinceDays >= 20) {
        // A charity that got 公开募捐资格 recently opens its first windows after that day.
        timeline = planTimeline(rng, asOf, phase, false, sinceDays);
      } else {
        // Before the charity held 公开募捐资格 it could not raise public funds: no plan then.
        withPlan = false;
        emergency = false;
        phase = pickPhase(rng, false);
        timeline = implementationTimeline(rng, asOf, phase);
      }
    }

    const candidates = charity.crossRegion ? keyNeeds : (needsByProvince.get(charity.province.code) ?? []);
    const seedNeed = !emergency && candidates.length > 0 && rng.chance(0.5) ? rng.pick(candidates) : null;
    const counties = pickCounties(rng, charity, seedNeed);
    const assistance = emergency || rng.chance(0.88);
    // A non-assistance project is about one thing (NON_ASSISTANCE_THEMES), preferably the charity's.
    const ownThemes = NON_ASSISTANCE_THEMES.filter((t) => t.groups.some((g) => charity.focusGroups.includes(g)));
    const theme = assistance ? null : rng.pick(ownThemes.length > 0 ? ownThemes : NON_ASSISTANCE_THEMES);
    const g0: TargetGroup = seedNeed ? seedNeed.need.group : rng.pick(charity.focusGroups);
    const groups = emergency ? [...EMERGENCY_GROUPS] : theme ? [...theme.groups] : [g0];
    // A second group only where it reads naturally beside the first (失能老人 with 特困老人).
    if (assistance && !emergency && rng.chance(0.3)) groups.push(rng.pick(GROUP_THEMES[g0].companions));
    const preferred = GROUP_THEMES[g0].services.filter((s) => charity.focusServices.includes(s));
    const s0: ServiceType = seedNeed
      ? seedNeed.need.kind
      : rng.pick(preferred.length > 0 ? preferred : GROUP_THEMES[g0].services);
    const services: ServiceType[] = emergency
      ? ['material', 'psychological']
      : theme
        ? [theme.service]
        : [s0, ...rng.sample(GROUP_THEMES[g0].services, rng.int(0, 2))];
    const uniqueGroups = [...new Set(groups)];
    const uniqueServices = [...new Set(services)];
    const variants = pickVariants(rng, uniqueGroups);

    const first = counties[0] as County;
    const brandWord = assistance && !emergency && rng.chance(charity.form === 'foundation' ? 0.15 : 0.05);
    const planned = emergency ? rng.int(200, 3_000) : rng.chance(0.8) ? rng.int(20, 400) : rng.int(400, 2_000);
    const managementPermille = emergency ? rng.int(0, 30) : rng.int(30, 100);
    const ctx: ProjectTextContext = {
      place: placeOf(counties),
      counties: counties.map((c) => c.shortName),
      keyCounties: counties.filter((c) => c.keyCounty).map((c) => c.shortName),
      provinceShort: provinceShort(first.province),
      // Said of the place only when every county of the project shares it.
      area: counties.every((c) => c.area === first.area) ? first.area : null,
      setting: counties.every((c) => c.setting === first.setting) ? first.setting : null,
      charityName: charity.charity.name,
      charityProvince: charity.province.name,
      groups: uniqueGroups,
      variants,
      services: uniqueServices,
      assistance,
      theme,
      crossRegion: charity.crossRegion && first.provinceCode !== charity.province.code,
      withPlan,
      emergency,
      planned,
      managementPermille,
    };
    const { title, parts } = projectTitle(rng, ctx, brandWord ? rng.pick(NAME_WORDS) : null);
    const slug = slugs.claim(slugOf(parts));

    const goalFen = (brandWord ? rng.int(50, 500) : rng.int(5, 200)) * 1_000_000 + rng.int(0, 9) * 100_000;
    const raisedTotalFen = withPlan
      ? phase === 'preparing'
        ? 0
        : Math.round(goalFen * (phase === 'open' ? rng.float(0.5, 1.1) : rng.float(0.35, 1.05)))
      : rng.int(5, 80) * 1_000_000;
    const spentShare = phase === 'terminated' ? rng.float(0.5, 0.9) : rng.float(0.88, 0.99);

    const noFiling = withPlan && phase === 'preparing' && rng.chance(0.35);
    let filingNumber: string | null = null;
    if (withPlan && !noFiling && timeline.filedOn) {
      const key = `${charity.charity.slug}:${yearOf(timeline.filedOn)}`;
      const seq = (filingSeq.get(key) ?? 0) + 1;
      filingSeq.set(key, seq);
      filingNumber = `${charity.charity.creditCode}${yearOf(timeline.filedOn)}${String(seq).padStart(3, '0')}`;
    }
    const window = timeline.window;
    const fundingNote =
      withPlan && window
        ? `本项目募捐方案${noFiling ? '正在民政部门备案，取得备案编号前不接受捐赠' : '已在民政部门备案'}，募捐期为${formatDate(window.start)}至${formatDate(window.end)}，募捐目标${formatMoney(goalFen)}。`
        : `本项目不开展公开募捐，资金来自${listCn(rng.sample(NO_PLAN_FUNDS, rng.int(2, 3)))}。`;

    const partners: Partner[] = [];
    if (withPlan && rng.chance(0.6)) {
      partners.push({ name: `${first.shortName}民政局`, type: 'government', role: '转介帮扶对象，共享救助需求信息' });
    }
    if (withPlan && rng.chance(0.35)) {
      partners.push({
        name: enterpriseName(rng, charity.prefix),
        creditCode: companyCode(rng, charity.charity.region.code),
        type: 'enterprise',
        role: rng.pick(['捐赠帮扶物资', '按一定比例配捐', '提供就业岗位和技能培训场地']),
      });
    }
    const partnerCharity = rng.pick(charities);
    if (withPlan && partnerCharity.charity.publicFundraisingSince === null && rng.chance(0.3)) {
      partners.push({
        name: partnerCharity.charity.name,
        creditCode: partnerCharity.charity.creditCode,
        type: 'charity',
        role: '负责入户评估和服务实施，不参与募集资金',
      });
    }

    const answered: string[] = [];
    if (assistance && !emergency) {
      if (seedNeed) answered.push(seedNeed.need.slug);
      for (const c of counties) {
        for (const n of needsByCounty.get(c.code) ?? []) {
          const fits = uniqueGroups.includes(n.need.group) && uniqueServices.includes(n.need.kind);
          if (fits && !answered.includes(n.need.slug) && answered.length < 3 && n.need.publishedOn <= asOf) {
            answered.push(n.need.slug);
          }
        }
      }
      for (const a of answered) {
        const n = needBySlug.get(a);
        if (n) n.answeredBy++;
      }
    }
    const joined =
      assistance && window
        ? campaigns
            .filter(
              (c) =>
                overlaps(window, c.campaign.window) &&
                (c.groups === null || c.groups.some((g) => uniqueGroups.includes(g))) &&
                (c.services === null || c.services.some((s) => uniqueServices.includes(s))),
            )
            .filter(() => rng.chance(0.5))
            .map((c) => c.campaign.slug)
        : [];

    const project: Project = {
      slug,
      title,
      charity: charity.charity.slug,
      assistanceOriented: assistance,
      targetGroups: uniqueGroups,
      serviceTypes: uniqueServices,
      regions: counties.map(countyRegion),
      plan:
        withPlan && window
          ? {
              filingNumber,
              filedOn: noFiling ? null : timeline.filedOn,
              window,
              goalFen,
              ...planTexts(rng, ctx),
              managementCostPermille: managementPermille,
              partners,
            }
          : null,
      implementation: timeline.implementation,
      status: timeline.status,
      emergency,
      needs: answered,
      campaigns: joined,
      brand: brandWord,
      summary: projectSummary(rng, ctx),
      story: projectStory(rng, ctx, fundingNote),
      publishedOn: timeline.publishedOn,
      // A few get a correction note afterwards (corrections.ts).
      corrections: [],
    };
    models.push({
      project,
      charity,
      counties,
      variants,
      phase,
      raisedTotalFen,
      spentTotalFen: Math.round(raisedTotalFen * spentShare),
      planned,
    });
  }
  return models;
}
