import { SERVICE_TYPES, type ServiceType, type TargetGroup } from '../content/schemas/taxonomy.ts';
import { listCn } from './format.ts';
import { difficultiesOf, variantOf } from './group-themes.ts';
import { govOf, type ProjectTextContext, peopleOf } from './project-texts.ts';
import type { Rng } from './random.ts';
import { fitting, SERVICE_THEMES } from './service-themes.ts';

/** The texts of a 募捐方案 (plan): purpose, who is helped and how chosen, how funds are used. */
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
  const ppl = peopleOf(rng, ctx);
  const where = listCn(ctx.counties.slice(0, 3));
  const items = ctx.services.flatMap((s) =>
    fitting(
      s,
      SERVICE_THEMES[s].expenses.map((e) => e.item),
      ctx.groups,
    ),
  );
  const serviceLabels = listCn(ctx.services.map((x) => SERVICE_TYPES[x as ServiceType]));
  const [first, second] = rng.sample(items, 2);
  const p1 = rng.int(45, 65);
  const p2 = rng.int(15, 100 - p1 - 10);
  return {
    purpose: ctx.emergency
      ? `为${where}受灾困难群众提供应急生活救助，帮助其渡过难关。`
      : ctx.theme
        ? `在${where}开展${ctx.theme.title.replace(/项目$/, '')}，面向${ppl}所在的社区，不直接提供救助。`
        : `为${where}${ppl}提供${serviceLabels}，缓解${rng.pick(difficultiesOf(group, variantOf(ctx.variants, group), ctx.setting === 'urban'))}的困难，推动政府救助与慈善帮扶有效衔接。`,
    beneficiaryScope: `${where}范围内的${ppl}，优先覆盖已纳入${govOf(rng, ctx.groups)}但生活仍有困难的家庭，计划帮扶约${ctx.planned}人。`,
    beneficiarySelection: rng.pick(SELECTIONS),
    useOfFunds: `约${p1}%用于${first ?? '直接帮扶'}，约${p2}%用于${second ?? '专业服务'}，其余用于项目执行、评估和信息公开；管理费用不超过募得资金的${(ctx.managementPermille / 10).toFixed(1)}%。`,
    fundraisingCost: `募捐成本主要为宣传物料和信息平台服务费用，不超过募得资金的${rng.int(1, 3)}%，在管理费用中列支。`,
    remainingProperty: rng.pick(REMAINING),
  };
}
