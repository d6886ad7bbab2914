import { SERVICE_TYPES, type ServiceType, type TargetGroup } from '../content/schemas/taxonomy.ts';
import { listCn, say } from './format.ts';
import { difficultiesOf, GROUP_THEMES, type GroupVariants, stageOfGroup, variantOf } from './group-themes.ts';
import type { NonAssistanceTheme } from './non-assistance-themes.ts';
import type { Rng } from './random.ts';
import type { Setting } from './region-facts.ts';
import { actionsFor, fitting, SERVICE_THEMES } from './service-themes.ts';

/** Everything a project's texts are written from. */
export interface ProjectTextContext {
  place: string;
  counties: readonly string[];
  /** Counties of the project on the (demo) key-county list. */
  keyCounties: readonly string[];
  provinceShort: string;
  /** A true area name all the project's counties lie in (region-facts.ts), or null: neutral wording. */
  area: string | null;
  setting: Setting | null;
  charityName: string;
  charityProvince: string;
  groups: readonly TargetGroup[];
  variants: GroupVariants;
  services: readonly ServiceType[];
  assistance: boolean;
  /** What a non-assistance project is about (null for assistance projects). */
  theme: NonAssistanceTheme | null;
  crossRegion: boolean;
  withPlan: boolean;
  emergency: boolean;
  planned: number;
  managementPermille: number;
}

export const DISASTERS = ['暴雨洪涝灾害', '低温雨雪冰冻灾害', '山洪地质灾害', '地震灾害'];
/** What an emergency project serves: its story names exactly these. */
export const EMERGENCY_GROUPS: readonly TargetGroup[] = ['dibao', 'tekun', 'low-income'];
const NOT_FOR_CHILDREN = /助浴助洁|居家照护|就业帮扶|技能培训|生计发展|爱心助餐/;
const FORMS = ['项目', '计划', '行动', '服务项目', '帮扶项目'];

export function projectTitle(
  rng: Rng,
  ctx: ProjectTextContext,
  brandWord: string | null,
): { title: string; parts: string[] } {
  const g0 = ctx.groups[0] as TargetGroup;
  const s0 = ctx.services[0] as ServiceType;
  const variant = variantOf(ctx.variants, g0);
  const groupTitle = rng.pick(variant.titles);
  // The service word fits the title's own group and age (no 助浴助洁 for children), and does not
  // repeat the group word (`大病患者大病帮扶`; 透析患者透析补助 is how such projects are named).
  const words = fitting(s0, SERVICE_THEMES[s0].titles, [g0]).filter(
    (t) =>
      !(t.startsWith('大病') && groupTitle.includes('大病')) &&
      !(stageOfGroup(g0, variant) === 'child' && NOT_FOR_CHILDREN.test(t)),
  );
  const serviceTitle = rng.pick(words.length > 0 ? words : SERVICE_THEMES[s0].titles);
  if (ctx.emergency) {
    const disaster = rng.pick(DISASTERS);
    return { title: `${ctx.place}${disaster}困难群众应急救助`, parts: [ctx.place, disaster, '应急救助'] };
  }
  if (ctx.theme) {
    const t = ctx.theme.title;
    return { title: `${ctx.place}${t}`, parts: [ctx.place, t.replace(/(?:项目|计划)$/, '')] };
  }
  if (brandWord) {
    return { title: `${brandWord}·${groupTitle}${serviceTitle}计划`, parts: [brandWord, groupTitle, serviceTitle] };
  }
  return {
    title: `${ctx.place}${groupTitle}${serviceTitle}${rng.pick(FORMS)}`,
    parts: [ctx.place, groupTitle, serviceTitle],
  };
}

const serviceLabels = (s: readonly ServiceType[]) => listCn(s.map((x) => SERVICE_TYPES[x]));
export const peopleOf = (rng: Rng, ctx: Pick<ProjectTextContext, 'groups' | 'variants'>) =>
  listCn(ctx.groups.map((g) => rng.pick(variantOf(ctx.variants, g).people)));
export const govOf = (rng: Rng, g: readonly TargetGroup[]) =>
  listCn(rng.sample([...new Set(g.flatMap((x) => GROUP_THEMES[x].government))], 2));
const whereOf = (ctx: ProjectTextContext) => listCn(ctx.counties.slice(0, 3));

export function projectSummary(rng: Rng, ctx: ProjectTextContext): string {
  const where = whereOf(ctx);
  if (ctx.emergency) {
    return `${ctx.charityName}在${where}开展灾后应急救助，为受灾的低保家庭、特困人员和防返贫监测户提供基本生活物资和临时安置帮扶，并按规定每五日公开一次募捐收支。`;
  }
  if (ctx.theme) {
    return `${ctx.charityName}在${where}开展${ctx.theme.title.replace(/项目$/, '')}，计划覆盖约${ctx.planned}人。${rng.pick(NOT_AID_SUMMARY)}`;
  }
  return say(
    rng,
    [
      '{charity}在{where}为{people}提供{services}，计划帮扶约{planned}人，与{gov}等政府救助有效衔接。',
      '面向{where}的{people}，{charity}提供{services}，计划帮扶约{planned}人，补上{gov}之外的短板。',
      '{charity}联合当地民政部门，为{where}约{planned}名{people}提供{services}。',
    ],
    {
      charity: ctx.charityName,
      where,
      people: peopleOf(rng, ctx),
      services: serviceLabels(ctx.services),
      planned: ctx.planned,
      gov: govOf(rng, ctx.groups),
    },
  );
}

const NOT_AID = [
  '本项目着眼于社区长远发展，不直接向困难群众提供救助。',
  '项目做的是培训、倡导和社区建设，不向个人发放钱物。',
  '这是一个社区发展项目，帮的是身边的服务者和环境，而不是直接救助某一户。',
];
const NOT_AID_SUMMARY = [
  '本项目不属于救助帮扶类，不在本门户接受捐赠。',
  '属于社区发展类项目，不在本门户接受捐赠。',
  '不属于救助帮扶类，本门户只展示，不募捐。',
];

const SETTING_WORDS: Record<Setting, string> = { rural: '的乡村', urban: '的城市社区里', suburban: '的城郊村镇' };

/** The opening paragraph: the place as the region table knows it, or no landscape at all. */
function background(rng: Rng, ctx: ProjectTextContext, values: Record<string, string>): string {
  if (ctx.area) {
    return say(
      rng,
      [
        '{place}地处{area}，{people}较为集中。当地民政部门摸排发现，不少家庭在享受{gov}等政府救助后，仍然{difficulty}。',
        '{place}位于{area}。{people}中，有相当一部分{difficulty}，仅靠政府救助难以满足多样化的需求。',
        '在{area}的{place}，{people}面临的困难具有普遍性：{difficulty}。',
      ],
      { ...values, area: ctx.area },
    );
  }
  const setting = ctx.setting ? SETTING_WORDS[ctx.setting] : '';
  return say(
    rng,
    [
      '在{place}{setting}，{people}仍有不少难处：{difficulty}。这些家庭大多已享受{gov}等政府救助。',
      '据{place}民政部门摸排，{people}中有相当一部分在享受{gov}等政府救助后，仍然{difficulty}。',
      // Not `{people}是{place}…`: `患者是X` reads to the PII lint as a name after a cue.
      '在{place}民政服务站的走访记录里，反映最多的是{people}的难处：{difficulty}，仅靠政府救助难以满足多样化的需求。',
      '乡镇（街道）民政服务站在{place}{setting}入户走访时了解到，{people}面临的困难相当普遍：{difficulty}。',
    ],
    { ...values, setting },
  );
}

const LINKAGES = [
  '项目的帮扶对象主要由{place}民政部门和乡镇（街道）民政服务站转介，转介前均征得本人或监护人同意；对转介对象，我们简化程序、及时帮扶。',
  '我们与{place}民政部门建立了定期会商机制，共享需求和帮扶信息。社工在入户中发现可能符合{gov}等条件但尚未获得救助的家庭，会及时告知当地民政部门并协助提出申请。',
  '项目与{gov}等政府救助形成衔接：政府救助保基本，慈善帮扶补短板，针对每户的具体困难制定“一户一策”帮扶方案。',
  '{charity}每{period}与乡镇（街道）民政服务站对一次帮扶名单，已享受{gov}的家庭由项目补上政府救助覆盖不到的部分。',
];
const TRANSPARENCY = [
  '项目每{period}公开一次进展和资金使用情况，结项后三个月内公开结项报告和剩余财产处理情况，欢迎社会监督。',
  '{charity}按照慈善法的要求公开项目信息，所有支出均有明细。',
  '{charity}公开的每一笔支出都列明用途和金额；页面上的帮扶故事均经本人或监护人同意并匿名处理。',
  '善款进入{charity}账户，专款专用，进展和资金使用情况每{period}在本页公开一次。',
  '{charity}每{period}在本页更新服务人次和支出明细，捐赠人可随时查询。',
];

export function projectStory(rng: Rng, ctx: ProjectTextContext, fundingNote: string): string {
  const group = ctx.groups[0] as TargetGroup;
  const variant = variantOf(ctx.variants, group);
  const values = {
    place: whereOf(ctx),
    people: peopleOf(rng, ctx),
    gov: govOf(rng, ctx.groups),
    difficulty: rng.pick(difficultiesOf(group, variant, ctx.setting === 'urban')),
    charity: ctx.charityName,
    period: rng.pick(['季度', '两个月', '半年']),
  };
  const stage = stageOfGroup(group, variant);
  const lead = rng.pick(actionsFor(ctx.services[0] as ServiceType, stage, ctx.groups));
  const more = ctx.services.flatMap((s) => actionsFor(s, stage, ctx.groups)).filter((a) => a !== lead);
  const actions = [lead, ...rng.sample(more, rng.int(1, 3))];
  const sections: string[] = [];
  if (ctx.emergency) {
    sections.push(
      '## 项目背景',
      `近期${values.place}遭受自然灾害，部分群众房屋受损、生活物资短缺。${ctx.charityName}在当地民政部门统筹下启动应急救助，重点帮扶受灾的低保家庭、特困人员和防返贫监测户。`,
      '## 我们怎么做',
      '- 发放食品、饮用水、棉被等基本生活物资\n- 协助受灾家庭申请临时救助和受灾人员救助\n- 组织社工开展心理疏导，关注老人和儿童',
    );
  } else if (ctx.theme) {
    const theme = ctx.theme;
    sections.push(
      '## 项目背景',
      `${values.place}${theme.why}${rng.pick(NOT_AID)}`,
      '## 我们怎么做',
      rng
        .sample(theme.actions, rng.int(2, theme.actions.length))
        .map((a) => `- ${a}`)
        .join('\n'),
    );
  } else {
    sections.push('## 项目背景', background(rng, ctx, values));
    if (ctx.keyCounties.length > 0) {
      sections.push(
        `${listCn(ctx.keyCounties)}是国家乡村振兴重点帮扶县（示例标注），本项目是面向中西部困难地区的点对点慈善帮扶。`,
      );
    }
    if (ctx.crossRegion) {
      sections.push(
        `${ctx.charityName}来自${ctx.charityProvince}，通过东西部协作机制与当地民政部门结对，把东部的慈善资源带到${ctx.provinceShort}的县乡。`,
      );
    }
    sections.push('## 我们怎么做', actions.map((a) => `- ${a}`).join('\n'));
    sections.push('## 与政府救助衔接', say(rng, LINKAGES, values));
  }
  sections.push('## 资金与公开', `${fundingNote}${say(rng, TRANSPARENCY, values)}`);
  return sections.join('\n\n');
}
