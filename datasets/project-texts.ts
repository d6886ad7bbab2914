import { SERVICE_TYPES, type ServiceType, type TargetGroup } from '../content/schemas/taxonomy.ts';
import { listCn, say } from './format.ts';
import { GROUP_THEMES, stageOfGroup } from './group-themes.ts';
import type { Rng } from './random.ts';
import { actionsFor, SERVICE_THEMES } from './service-themes.ts';

/** Everything a project's texts are written from. */
export interface ProjectTextContext {
  place: string;
  counties: readonly string[];
  provinceShort: string;
  terrain: string;
  charityName: string;
  charityProvince: string;
  groups: readonly TargetGroup[];
  services: readonly ServiceType[];
  assistance: boolean;
  crossRegion: boolean;
  withPlan: boolean;
  emergency: boolean;
  keyCounty: boolean;
  planned: number;
  managementPermille: number;
}

export const NON_ASSISTANCE_TITLES = [
  '乡村儿童阅读推广项目',
  '社区志愿服务能力建设项目',
  '乡村文化活动室建设项目',
  '公益组织人才培养计划',
  '社区公共空间微改造项目',
  '乡村生态环境宣传教育项目',
];
export const DISASTERS = ['暴雨洪涝灾害', '低温雨雪冰冻灾害', '山洪地质灾害', '地震灾害'];
const FORMS = ['项目', '计划', '行动', '服务项目', '帮扶项目'];

export function projectTitle(
  rng: Rng,
  ctx: ProjectTextContext,
  brandWord: string | null,
): { title: string; parts: string[] } {
  const groupTitle = rng.pick(GROUP_THEMES[ctx.groups[0] as TargetGroup].titles);
  const serviceTitle = rng.pick(SERVICE_THEMES[ctx.services[0] as ServiceType].titles);
  if (ctx.emergency) {
    const disaster = rng.pick(DISASTERS);
    return { title: `${ctx.place}${disaster}困难群众应急救助`, parts: [ctx.place, disaster, '应急救助'] };
  }
  if (!ctx.assistance) {
    const t = rng.pick(NON_ASSISTANCE_TITLES);
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
const people = (rng: Rng, g: readonly TargetGroup[]) => listCn(g.map((x) => rng.pick(GROUP_THEMES[x].people)));
const govOf = (rng: Rng, g: readonly TargetGroup[]) =>
  listCn(rng.sample([...new Set(g.flatMap((x) => GROUP_THEMES[x].government))], 2));

export function projectSummary(rng: Rng, ctx: ProjectTextContext): string {
  const where = listCn(ctx.counties.slice(0, 3));
  if (ctx.emergency) {
    return `${ctx.charityName}在${where}开展灾后应急救助，为受灾困难群众提供基本生活物资和临时安置帮扶，并按规定每五日公开一次募捐收支。`;
  }
  if (!ctx.assistance) {
    return `${ctx.charityName}在${where}开展${serviceLabels(ctx.services)}类公益活动，计划覆盖约${ctx.planned}人。本项目不属于救助帮扶类，不在本门户接受捐赠。`;
  }
  return `${ctx.charityName}在${where}为${people(rng, ctx.groups)}提供${serviceLabels(ctx.services)}，计划帮扶约${ctx.planned}人，与${govOf(rng, ctx.groups)}等政府救助有效衔接。`;
}

const BACKGROUNDS = [
  '{place}地处{terrain}，{people}较为集中。当地民政部门摸排发现，不少家庭在享受{gov}等政府救助后，仍然{difficulty}。',
  '{place}位于{terrain}，交通不便、公共服务资源相对薄弱。{people}中，有相当一部分{difficulty}，仅靠政府救助难以满足多样化的需求。',
  '在{terrain}的{place}，{people}面临的困难具有普遍性：{difficulty}。乡镇（街道）民政服务站在走访中多次反映这一需求。',
];
const LINKAGES = [
  '项目的帮扶对象主要由县民政局和乡镇（街道）民政服务站转介，转介前均征得本人或监护人同意；对转介对象，我们简化程序、及时帮扶。',
  '我们与当地民政部门建立了定期会商机制，共享需求和帮扶信息。社工在入户中发现可能符合低保、特困供养、临时救助等条件但尚未获得救助的家庭，会及时告知当地民政部门并协助提出申请。',
  '项目与{gov}等政府救助形成衔接：政府救助保基本，慈善帮扶补短板，针对每户的具体困难制定“一户一策”帮扶方案。',
];
const TRANSPARENCY = [
  '项目每季度公开一次进展和资金使用情况，结项后三个月内公开结项报告和剩余财产处理情况，欢迎社会监督。',
  '我们按照慈善法的要求公开项目信息，所有支出均有明细；帮扶故事均经本人或监护人同意并匿名处理。',
  '善款直接进入本机构账户，专款专用。项目进展和资金使用情况定期在本页公开。',
];

export function projectStory(rng: Rng, ctx: ProjectTextContext, fundingNote: string): string {
  const group = ctx.groups[0] as TargetGroup;
  const values = {
    place: listCn(ctx.counties.slice(0, 3)),
    terrain: ctx.terrain,
    people: rng.pick(GROUP_THEMES[group].people),
    gov: govOf(rng, ctx.groups),
    difficulty: rng.pick(GROUP_THEMES[group].difficulties),
  };
  const stage = stageOfGroup(group);
  const lead = rng.pick(actionsFor(ctx.services[0] as ServiceType, stage));
  const more = ctx.services.flatMap((s) => actionsFor(s, stage)).filter((a) => a !== lead);
  const actions = [lead, ...rng.sample(more, rng.int(1, 3))];
  const sections: string[] = [];
  if (ctx.emergency) {
    sections.push(
      '## 项目背景',
      `近期${values.place}遭受自然灾害，部分群众房屋受损、生活物资短缺。${ctx.charityName}在当地民政部门统筹下启动应急救助，重点帮扶低保、特困和因灾返贫风险较高的家庭。`,
      '## 我们怎么做',
      '- 发放食品、饮用水、棉被等基本生活物资\n- 协助受灾家庭申请临时救助和受灾人员救助\n- 组织社工开展心理疏导，关注老人和儿童',
    );
  } else if (!ctx.assistance) {
    sections.push(
      '## 项目背景',
      `${values.place}地处${ctx.terrain}，公共文化和社区服务资源不足。本项目着眼于社区长远发展，不直接向困难群众提供救助。`,
      '## 我们怎么做',
      actions.map((a) => `- ${a}`).join('\n'),
    );
  } else {
    sections.push('## 项目背景', say(rng, BACKGROUNDS, values));
    if (ctx.keyCounty) {
      sections.push(
        `${values.place}是国家乡村振兴重点帮扶县（示例标注），本项目是面向中西部困难地区的点对点慈善帮扶。`,
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
  sections.push('## 资金与公开', `${fundingNote}${rng.pick(TRANSPARENCY)}`);
  return sections.join('\n\n');
}

const SELECTIONS = [
  '由县民政局和乡镇（街道）民政服务站在征得本人或监护人同意后转介，本机构社工入户评估，经村（社区）公示无异议后确定。',
  '本人或家属提出申请，或由民政部门转介；本机构按困难程度评估排序，优先帮扶已纳入低保、特困但生活仍有困难的家庭，结果在村（社区）公示。',
  '以民政部门低收入人口动态监测名单为基础，征得同意后由社工逐户核实需求，对民政部门转介的对象简化程序、及时帮扶。',
];
const REMAINING = [
  '项目结束后如有剩余财产，经理事会决议后用于本机构同类救助帮扶项目，并向社会公开处理情况。',
  '剩余善款将继续用于本项目所在地区的同类帮扶，处理结果在结项后三个月内公开。',
  '剩余财产按募捐方案约定转入本机构其他救助帮扶类项目，并在本门户公开。',
];

export function planTexts(rng: Rng, ctx: ProjectTextContext) {
  const group = ctx.groups[0] as TargetGroup;
  const ppl = people(rng, ctx.groups);
  const where = listCn(ctx.counties.slice(0, 3));
  const items = ctx.services.flatMap((s) => SERVICE_THEMES[s].expenses.map((e) => e.item));
  const [first, second] = rng.sample(items, 2);
  const p1 = rng.int(45, 65);
  const p2 = rng.int(15, 100 - p1 - 10);
  return {
    purpose: ctx.emergency
      ? `为${where}受灾困难群众提供应急生活救助，帮助其渡过难关。`
      : `为${where}${ppl}提供${serviceLabels(ctx.services)}，缓解${rng.pick(GROUP_THEMES[group].difficulties)}的困难，推动政府救助与慈善帮扶有效衔接。`,
    beneficiaryScope: `${where}范围内的${ppl}，优先覆盖已纳入${govOf(rng, ctx.groups)}但生活仍有困难的家庭，计划帮扶约${ctx.planned}人。`,
    beneficiarySelection: rng.pick(SELECTIONS),
    useOfFunds: `约${p1}%用于${first ?? '直接帮扶'}，约${p2}%用于${second ?? '专业服务'}，其余用于项目执行、评估和信息公开；管理费用不超过募得资金的${(ctx.managementPermille / 10).toFixed(1)}%。`,
    fundraisingCost: `募捐成本主要为宣传物料和信息平台服务费用，不超过募得资金的${rng.int(1, 3)}%，在管理费用中列支。`,
    remainingProperty: rng.pick(REMAINING),
  };
}
