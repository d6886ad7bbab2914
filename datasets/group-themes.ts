import type { AgeBand, ServiceType, TargetGroup } from '../content/schemas/taxonomy.ts';
import type { Rng } from './random.ts';
import type { LifeStage } from './service-themes.ts';

/**
 * Vocabulary per target group of 民发〔2023〕46号 (四): how people are called, the hardships
 * that remain after government assistance, which government assistance they typically receive,
 * which services fit, and which age bands a case may fall in.
 *
 * A group speaks through **variants**: a project picks one per group and keeps it, so the title
 * (`大病患儿`), the story (`家庭困难的大病患儿`) and its cases (children) say the same thing.
 * `names` are the words that name the group in a text: a text naming a group must carry its tag,
 * and a text never names a group the project does not serve (tests/unit/datasets/).
 */
export interface GroupVariant {
  /** Short forms for titles: `失能老人`. */
  titles: readonly string[];
  /** Longer forms for prose: `经济困难的失能、半失能老年人`; each contains one of the group's names. */
  people: readonly string[];
  /** Narrower than the group's age bands (a child variant of an all-ages group). */
  ageBands?: readonly AgeBand[];
  /** Instead of the group's hardships, where some of them do not fit (no 就业 for a child). */
  difficulties?: readonly string[];
  stage?: LifeStage;
}

export interface GroupTheme {
  variants: readonly GroupVariant[];
  /** Words that name the group in any text. */
  names: readonly string[];
  /** Groups a project may serve alongside this one (a second tag that reads naturally). */
  companions: readonly TargetGroup[];
  services: readonly ServiceType[];
  difficulties: readonly string[];
  government: readonly string[];
  ageBands: readonly AgeBand[];
  /** Every variant's titles and people, for texts that need only a word. */
  titles: readonly string[];
  people: readonly string[];
}

type ThemeInput = Omit<GroupTheme, 'titles' | 'people'>;
const theme = (t: ThemeInput): GroupTheme => ({
  ...t,
  titles: t.variants.flatMap((v) => v.titles),
  people: t.variants.flatMap((v) => v.people),
});

const CHILD_BANDS: readonly AgeBand[] = ['0-5', '6-13', '14-17'];

export const GROUP_THEMES: Record<TargetGroup, GroupTheme> = {
  'disabled-elderly': theme({
    variants: [
      {
        titles: ['失能老人', '失能半失能老人', '半失能老人'],
        people: ['经济困难的失能、半失能老年人', '长期卧床、生活不能自理的失能老人'],
      },
      { titles: ['高龄失能老人', '独居失能老人'], people: ['独居或空巢的高龄失能老人'] },
    ],
    names: ['失能'],
    companions: ['tekun', 'disabled'],
    services: ['visiting-care', 'rehabilitation', 'psychological', 'material', 'medical'],
    difficulties: [
      '子女长期在外务工，日常起居缺少照护',
      '长期卧床，褥疮和跌倒风险高',
      '助浴、助洁等基本照料无人承担',
      '慢性病用药和复诊无人陪同',
      '冬季取暖条件差，居住环境存在安全隐患',
      '长期独居，情绪低落、与外界联系少',
    ],
    government: ['低保', '特困供养', '高龄津贴', '经济困难失能老年人护理补贴', '临时救助', '医疗救助'],
    ageBands: ['60-69', '70-79', '80+'],
  }),
  minors: theme({
    variants: [
      { titles: ['事实无人抚养儿童', '孤困儿童'], people: ['事实无人抚养儿童和孤儿', '由亲属照看的事实无人抚养儿童'] },
      {
        titles: ['困境儿童', '困境青少年'],
        people: ['家庭经济困难的困境儿童', '父母重病或重残家庭的困境儿童'],
      },
    ],
    names: ['困境儿童', '困境青少年', '事实无人抚养', '孤困儿童', '孤儿'],
    companions: ['left-behind-children', 'dibao'],
    services: ['education', 'psychological', 'material', 'capacity'],
    difficulties: [
      '父母一方重病，家庭收入微薄，学习生活用品难以保障',
      '由祖辈抚养，课业辅导和情感陪伴不足',
      '家庭突遭变故，孩子情绪波动大、学业受影响',
      '寄宿在校，冬季衣物和营养难以保障',
    ],
    government: ['事实无人抚养儿童基本生活补贴', '孤儿基本生活费', '低保', '临时救助', '教育资助'],
    ageBands: CHILD_BANDS,
  }),
  'left-behind-children': theme({
    variants: [
      {
        titles: ['留守儿童', '农村留守儿童'],
        people: ['父母外出务工、由祖辈照看的留守儿童', '父母常年在外打工的留守儿童'],
      },
    ],
    names: ['留守儿童'],
    companions: ['minors'],
    services: ['psychological', 'education', 'capacity', 'visiting-care'],
    difficulties: [
      '父母常年在外务工，亲子沟通少，孩子性格内向',
      '放学后无人看护，安全和课业缺少照应',
      '祖辈年迈，难以辅导功课',
      '寒暑假期间缺少陪伴和安全教育',
    ],
    government: ['儿童主任定期探访', '低保', '教育资助', '临时救助'],
    ageBands: ['6-13', '14-17'],
  }),
  disabled: theme({
    variants: [
      { titles: ['残疾人', '困难残疾人'], people: ['有就业意愿的困难残疾人', '家庭困难的残疾人'] },
      { titles: ['重度残疾人'], people: ['家庭困难的重度残疾人', '需要长期照护的重度残疾人'] },
      {
        titles: ['残疾儿童'],
        people: ['需要康复训练的残疾儿童'],
        ageBands: ['6-13', '14-17'],
        difficulties: [
          '康复训练中断，肢体功能退化',
          '缺少合适的轮椅、助行器等康复辅具',
          '家中无障碍设施缺乏，出行和如厕困难',
          '家长全职照护孩子，无法外出务工，身心疲惫',
        ],
        stage: 'child',
      },
    ],
    names: ['残疾人', '残疾儿童'],
    companions: ['disabled-elderly', 'dibao'],
    services: ['rehabilitation', 'capacity', 'material', 'visiting-care', 'psychological'],
    difficulties: [
      '康复训练中断，肢体功能退化',
      '缺少合适的轮椅、助行器等康复辅具',
      '家中无障碍设施缺乏，出行和如厕困难',
      '有就业意愿但缺乏技能和岗位',
      '家庭照护负担重，照护者身心疲惫',
    ],
    government: ['残疾人两项补贴', '低保', '重度残疾人单独施保', '残疾儿童康复救助', '医疗救助'],
    ageBands: ['6-13', '18-39', '40-59', '60-69'],
  }),
  'seriously-ill': theme({
    variants: [
      {
        titles: ['大病患者', '重病患者家庭', '重特大疾病患者'],
        people: ['因病致困的重特大疾病患者家庭', '家庭困难的大病患者'],
        ageBands: ['18-39', '40-59', '60-69', '70-79'],
        stage: 'adult',
      },
      {
        titles: ['透析患者'],
        people: ['需要长期透析的困难患者', '长期透析、放化疗的困难患者'],
        ageBands: ['18-39', '40-59', '60-69', '70-79'],
        stage: 'adult',
      },
      {
        titles: ['大病患儿'],
        people: ['家庭困难的大病患儿', '患先天性心脏病、白血病等重大疾病的患儿'],
        ageBands: CHILD_BANDS,
        difficulties: [
          '经基本医保、大病保险和医疗救助报销后，自付费用仍然较高',
          '带孩子往返省城治疗，交通和食宿开支大',
          '父母轮流陪护住院，收入骤减',
          '孩子长期住院治疗，学业中断、情绪低落',
        ],
        stage: 'child',
      },
    ],
    names: ['大病患', '重病患者', '重特大疾病患者', '透析患者', '长期透析', '患儿'],
    companions: ['dibao', 'low-income'],
    services: ['medical', 'material', 'psychological', 'visiting-care'],
    difficulties: [
      '经基本医保、大病保险和医疗救助报销后，自付费用仍然较高',
      '往返县城或省城治疗，交通和食宿开支大',
      '家中主要劳动力患病，收入骤减',
      '长期治疗带来较大心理压力',
    ],
    government: ['医疗救助', '大病保险', '临时救助', '低保'],
    ageBands: ['6-13', '18-39', '40-59', '60-69', '70-79'],
  }),
  dibao: theme({
    variants: [
      {
        titles: ['低保家庭', '低保户', '城乡低保家庭'],
        people: ['城乡低保家庭', '单亲、多子女的低保家庭'],
      },
    ],
    names: ['低保家庭', '低保户'],
    companions: ['low-income', 'minors'],
    services: ['material', 'education', 'capacity', 'medical'],
    difficulties: [
      '冬季取暖和换季衣物开支难以承受',
      '子女上学的交通、住宿等费用负担重',
      '家庭成员缺乏稳定就业技能',
      '住房简陋，存在漏雨、漏风等问题',
    ],
    government: ['低保', '临时救助', '教育资助', '医疗救助', '冬春生活救助'],
    ageBands: ['6-13', '14-17', '18-39', '40-59', '60-69'],
  }),
  tekun: theme({
    variants: [
      { titles: ['特困人员', '分散供养特困人员'], people: ['分散供养的特困人员'] },
      {
        titles: ['特困老人'],
        people: ['生活不能完全自理的特困老人', '独居农村的特困老人'],
        ageBands: ['60-69', '70-79', '80+'],
      },
    ],
    names: ['特困人员', '特困老人'],
    companions: ['disabled-elderly', 'disabled'],
    services: ['visiting-care', 'material', 'medical', 'psychological'],
    difficulties: [
      '分散供养，日常照料和就医陪护缺位',
      '独居农村旧房，生活设施简陋',
      '慢性病多，行动不便',
      '无亲属往来，精神孤独',
    ],
    government: ['特困供养', '照料护理补贴', '医疗救助', '临时救助'],
    ageBands: ['40-59', '60-69', '70-79', '80+'],
  }),
  'low-income': theme({
    variants: [
      {
        titles: ['低收入家庭', '低收入人口'],
        people: ['纳入低收入人口动态监测的家庭', '刚退出低保、收入仍不稳定的低收入家庭'],
      },
      { titles: ['防返贫监测户'], people: ['收入不稳定、有返贫风险的防返贫监测户'] },
    ],
    names: ['低收入家庭', '低收入人口', '防返贫监测'],
    companions: ['dibao'],
    services: ['capacity', 'material', 'education', 'medical'],
    difficulties: [
      '收入不稳定，遇到疾病或意外就可能陷入困境',
      '主要劳动力缺乏技能，只能打零工',
      '子女上学和老人看病两头开支',
      '突发自然灾害后生产生活受到影响',
    ],
    government: ['低收入人口动态监测', '临时救助', '就业援助', '医疗救助', '教育资助'],
    ageBands: ['14-17', '18-39', '40-59', '60-69'],
  }),
};

/** The chosen variant of each group a project serves. */
export type GroupVariants = Partial<Record<TargetGroup, GroupVariant>>;

export function pickVariants(rng: Rng, groups: readonly TargetGroup[]): GroupVariants {
  return Object.fromEntries(groups.map((g) => [g, rng.pick(GROUP_THEMES[g].variants)]));
}

/** The variant a project chose for the group, or any of the group's when it did not choose. */
export function variantOf(variants: GroupVariants, group: TargetGroup): GroupVariant {
  return variants[group] ?? (GROUP_THEMES[group].variants[0] as GroupVariant);
}

/** Hardships of the group as the variant has them; in a city, none that speak of 县城 or villages. */
export function difficultiesOf(group: TargetGroup, variant?: GroupVariant, urban = false): readonly string[] {
  const all = variant?.difficulties ?? GROUP_THEMES[group].difficulties;
  const fit = urban ? all.filter((d) => !/县城|农村|村/.test(d)) : all;
  return fit.length > 0 ? fit : all;
}

/** The life stage a group's people are in, when the group (or the chosen variant) says so. */
export function stageOfGroup(group: TargetGroup, variant?: GroupVariant): LifeStage | null {
  if (variant?.stage) return variant.stage;
  if (group === 'disabled-elderly' || group === 'tekun') return 'elder';
  if (group === 'minors' || group === 'left-behind-children') return 'child';
  return null;
}

/** The groups a text names (by `names`), for agreement checks. */
export function groupsNamedIn(text: string): TargetGroup[] {
  return (Object.keys(GROUP_THEMES) as TargetGroup[]).filter((g) =>
    GROUP_THEMES[g].names.some((n) => text.includes(n)),
  );
}
