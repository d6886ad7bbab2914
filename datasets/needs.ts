import { addDays } from '../content/rules/dates.ts';
import type { AssistanceNeed } from '../content/schemas/assistance-need.ts';
import type { IsoDate } from '../content/schemas/common.ts';
import type { ServiceType, TargetGroup } from '../content/schemas/taxonomy.ts';
import { say } from './format.ts';
import { difficultiesOf, GROUP_THEMES } from './group-themes.ts';
import type { Rng } from './random.ts';
import { type County, countyRegion, countyShort, PROVINCES, pickCounty } from './regions.ts';
import { fitting, SERVICE_THEMES } from './service-themes.ts';
import { type SlugRegistry, slugOf } from './slugs.ts';

/** 救助需求 as published by a county civil-affairs bureau: aggregated, de-identified. */
export interface NeedDraft {
  need: AssistanceNeed;
  county: County;
  /** How many projects say they answer it; decides its status. */
  answeredBy: number;
}

const TIER_WEIGHT = { west: 4, central: 2, east: 1 } as const;

const OPENERS = [
  '{department}汇总村（社区）上报的情况：{county}{people}中，有{n}户{difficulty}。',
  '{year}年入户走访中，{county}的民政服务站记录下{n}户{people}的共同难处：{difficulty}。',
  '经乡镇（街道）民政服务站走访摸排，{county}共有{n}户{people}在享受{gov}等政府救助后，仍面临{difficulty}的问题。',
  '{department}在低收入人口动态监测中发现，辖区内{n}户{people}{difficulty}，现有政府救助难以完全覆盖。',
  '根据{year}年困难群众需求排查结果，{county}有{n}户{people}已纳入{gov}，但{difficulty}。',
];
const ASKS = [
  '主要需要{need}方面的帮扶，希望慈善组织结合自身专长设立项目。',
  '亟需{need}，欢迎有意向的慈善组织与{department}对接。',
  '希望引入慈善力量提供{need}，与政府救助形成互补。',
  '目前最缺的是{need}，{department}可协助慈善组织入户评估。',
  '{need}是这些家庭提得最多的一项，{department}欢迎慈善组织带着方案来谈。',
];
const NOTES = [
  '以上信息已汇总并去除个人身份信息，仅反映需求的类型和规模；对接时将在征得困难群众本人或监护人同意后转介具体对象。',
  '本需求为汇总数据，不含任何个人信息。慈善组织对民政部门转介的对象可简化程序、及时帮扶。',
  '需求信息由民政部门发布并定期更新，帮扶对象的具体情况仅在征得本人同意后向承接机构提供。',
  '{department}每季度更新一次户数；承接机构确定后，本需求将标注为已对接。',
  '表中户数来自{year}年的排查，不含姓名、住址等个人信息。',
];

export function generateNeeds(rng: Rng, asOf: IsoDate, count: number, slugs: SlugRegistry): NeedDraft[] {
  const drafts: NeedDraft[] = [];
  const groups = Object.keys(GROUP_THEMES) as TargetGroup[];
  for (let i = 0; i < count; i++) {
    const province = rng.weighted(
      PROVINCES,
      PROVINCES.map((p) => TIER_WEIGHT[p.meta.tier]),
    );
    const county = pickCounty(rng, province.code, 2);
    const group = rng.pick(groups);
    const theme = GROUP_THEMES[group];
    const kind = rng.pick(theme.services) as ServiceType;
    const needPhrase = rng.pick(fitting(kind, SERVICE_THEMES[kind].needs, [group]));
    const short = countyShort(county.shortName);
    // One variant for title, text and slug: a 大病患儿 need does not speak of adult patients.
    const variant = rng.pick(theme.variants);
    const groupTitle = rng.pick(variant.titles);
    const title = `${short}${groupTitle}${needPhrase}需求`;
    const department = `${county.shortName}民政局`;
    const households = rng.chance(0.8) ? rng.int(8, 240) : rng.int(240, 1_500);
    const publishedOn = addDays(asOf, -rng.int(5, 540));
    const values = {
      county: county.shortName,
      department,
      n: households,
      people: rng.pick(variant.people),
      gov: rng.pick(theme.government),
      difficulty: rng.pick(difficultiesOf(group, variant, county.setting === 'urban')),
      need: needPhrase,
      year: publishedOn.slice(0, 4),
    };
    drafts.push({
      county,
      answeredBy: 0,
      need: {
        slug: slugs.claim(slugOf([short, groupTitle, needPhrase])),
        title,
        department,
        region: countyRegion(county),
        group,
        kind,
        households,
        status: 'open',
        // Not every card repeats the privacy note: a third say it, each in its own words.
        description: [
          say(rng, OPENERS, values),
          say(rng, ASKS, values),
          ...(rng.chance(0.35) ? [say(rng, NOTES, values)] : []),
        ].join(''),
        publishedOn,
      },
    });
  }
  return drafts;
}

/** Needs answered by a project are 已对接; old unanswered ones are sometimes 已结束 (met otherwise). */
export function finalizeNeeds(rng: Rng, drafts: readonly NeedDraft[], asOf: IsoDate): AssistanceNeed[] {
  return drafts.map((d) => {
    let status: AssistanceNeed['status'] = 'open';
    if (d.answeredBy > 0) status = 'matched';
    else if (d.need.publishedOn < addDays(asOf, -365) && rng.chance(0.5)) status = 'closed';
    return { ...d.need, status };
  });
}

/** Needs indexed by province code, for projects that set out to answer one. */
export function needsByProvince(drafts: readonly NeedDraft[]): Map<string, NeedDraft[]> {
  const map = new Map<string, NeedDraft[]>();
  for (const d of drafts) {
    const list = map.get(d.county.provinceCode) ?? [];
    list.push(d);
    map.set(d.county.provinceCode, list);
  }
  return map;
}
