import { formatDate } from '../content/contracts/format.ts';
import { formatYuan } from '../content/contracts/money.ts';
import type { IsoDate } from '../content/schemas/common.ts';
import type { ExpenseLine } from '../content/schemas/disclosure.ts';
import type { ServiceType, TargetGroup } from '../content/schemas/taxonomy.ts';
import { cnMonth, cnNumber, listCn, say } from './format.ts';
import { groupsNamedIn } from './group-themes.ts';
import type { Rng } from './random.ts';
import { actionsFor, fitting, type LifeStage, SERVICE_THEMES } from './service-themes.ts';

/** What a disclosure's title and body are written from. */
export interface DisclosureTextContext {
  projectTitle: string;
  counties: readonly string[];
  services: readonly ServiceType[];
  periodStart: IsoDate;
  periodEnd: IsoDate;
  publishedOn: IsoDate;
  n: number;
  raisedFen: number;
  raisedDeltaFen: number;
  spentFen: number;
  lines: readonly ExpenseLine[];
  withPlan: boolean;
  groups: readonly TargetGroup[];
  stage: LifeStage | null;
}

/** Headlines that name no group the project does not serve (`透析患者…` only for the seriously ill). */
const headlinesFor = (service: ServiceType, groups: readonly TargetGroup[]) =>
  fitting(
    service,
    HEADLINES[service].filter((h) => groupsNamedIn(h).every((g) => groups.includes(g))),
    groups,
  );

const HEADLINES: Record<ServiceType, readonly string[]> = {
  material: ['冬季物资发放到户', '生活物资包完成新一轮配送', '助餐点运行情况', '危旧房屋简易修缮完工'],
  'visiting-care': ['社工完成新一轮入户探访', '助浴助洁服务持续开展', '照护档案全部建立', '志愿者探访队伍扩充'],
  psychological: [
    '团体辅导活动顺利开展',
    '一对一心理疏导持续跟进',
    '亲情视频通话覆盖全部儿童之家',
    '照护者喘息服务启动',
  ],
  rehabilitation: ['康复辅具适配到户', '康复训练阶段评估完成', '家庭无障碍改造验收', '康复治疗师巡回服务'],
  capacity: ['技能培训班结业', '就业岗位对接会举行', '种养殖项目进入管护期', '学员回访情况'],
  medical: ['医疗费用补助审核完成', '巡回义诊走进乡镇', '透析患者补贴按月发放', '协助办理医疗救助申请'],
  education: ['助学金发放完毕', '课后托管服务开课', '学习用品配送到校', '暑期夏令营圆满结束'],
};

const CLOSERS = [
  '本期{n}笔支出均经机构财务审核，相关票据留存备查，欢迎社会监督。',
  '下一阶段，项目将继续与{where}民政部门和乡镇（街道）民政服务站保持沟通，及时回应新发现的困难。',
  '在{where}服务中发现的可能符合政府救助条件的家庭，项目已告知当地民政部门并协助提出申请。',
  '为保护受助人隐私，本公开不包含任何可识别个人身份的信息。',
  '{month}的服务记录和票据已归档，捐赠人可通过机构公开的联系方式申请查阅。',
  '项目在{where}的服务仍在进行，下一期公开将报告新增服务人次和支出。',
];

const served = (lines: readonly ExpenseLine[]) => lines.reduce((a, l) => a + l.beneficiariesReached, 0);
const where = (c: readonly string[]) => listCn(c.slice(0, 3));

function moneyParagraph(ctx: DisclosureTextContext, label: string): string {
  const got = ctx.withPlan ? '累计募集善款' : '累计到位项目资金';
  const head = `截至${formatDate(ctx.periodEnd)}，本项目${got} ${formatYuan(ctx.raisedFen)}，累计支出 ${formatYuan(ctx.spentFen)}。`;
  if (ctx.lines.length === 0) return `${head}${label}暂无支出。`;
  const delta = ctx.lines.reduce((a, l) => a + l.amountFen, 0);
  return `${head}${label}支出 ${formatYuan(delta)}，共 ${ctx.lines.length} 笔，明细见下表。`;
}

export function fundUsageText(rng: Rng, ctx: DisclosureTextContext): { title: string; body: string } {
  const n = cnNumber(Math.min(ctx.n, 99));
  const title = rng.chance(0.5)
    ? `第${n}期项目进展及资金使用公开（${cnMonth(ctx.periodStart)}—${cnMonth(ctx.periodEnd)}）`
    : `第${n}次季度公开：项目进展与资金使用情况（截至${formatDate(ctx.periodEnd)}）`;
  const action = rng.pick(ctx.services.flatMap((s) => actionsFor(s, ctx.stage, ctx.groups)));
  const people = served(ctx.lines);
  const body = [
    `本期（${formatDate(ctx.periodStart)}至${formatDate(ctx.periodEnd)}），项目在${where(ctx.counties)}${action.replace(/^为/, '继续为')}${people > 0 ? `，本期服务约 ${people} 人次` : ''}。`,
    moneyParagraph(ctx, '本期'),
    // No `本期0笔支出…` when the period had none.
    say(rng, ctx.lines.length > 0 ? CLOSERS : CLOSERS.slice(1), {
      where: where(ctx.counties),
      month: cnMonth(ctx.periodEnd),
      n: ctx.lines.length,
    }),
  ].join('\n\n');
  return { title, body };
}

export function progressText(rng: Rng, ctx: DisclosureTextContext): { title: string; body: string } {
  const service = rng.pick(ctx.services);
  const headline = rng.pick(headlinesFor(service, ctx.groups));
  const outcome = rng.pick(fitting(service, SERVICE_THEMES[service].outcomes, ctx.groups));
  const body = [
    say(
      rng,
      [
        '{month}，{where}的项目点传来进展：{headline}。不少受助家庭反映{outcome}。',
        '近期项目在{where}的进展：{headline}。回访中，多户家庭表示{outcome}。',
        '本月项目重点推进“{headline}”。社工和志愿者深入{where}的村（社区），跟进每户的帮扶计划，部分受助人{outcome}。',
      ],
      { month: cnMonth(ctx.publishedOn), where: where(ctx.counties), headline, outcome },
    ),
    ...(ctx.raisedDeltaFen > 0
      ? [`自上次公开以来新增${ctx.withPlan ? '善款' : '到位资金'} ${formatYuan(ctx.raisedDeltaFen)}。`]
      : []),
    moneyParagraph(ctx, '本期'),
  ].join('\n\n');
  return { title: `项目进展：${headline}`, body };
}

export function emergencyText(rng: Rng, ctx: DisclosureTextContext): { title: string; body: string } {
  const title = `应急募捐收支公示（第${ctx.n}期，${formatDate(ctx.periodStart)}—${formatDate(ctx.periodEnd)}）`;
  const body = [
    `按照慈善法关于重大突发事件应急募捐的规定，本项目每五日公开一次募捐收支情况。本期新增捐赠 ${formatYuan(ctx.raisedDeltaFen)}，累计收到捐赠 ${formatYuan(ctx.raisedFen)}。`,
    moneyParagraph(ctx, '本期'),
    rng.pick(['物资已全部登记造册后发放到户。', '发放过程由当地民政部门和村（社区）共同监督。']),
  ].join('\n\n');
  return { title, body };
}

export function finalReportText(
  rng: Rng,
  ctx: DisclosureTextContext,
  totalServed: number,
): { title: string; body: string } {
  const outcomes = listCn(
    rng.sample(
      ctx.services.flatMap((s) => fitting(s, SERVICE_THEMES[s].outcomes, ctx.groups)),
      2,
    ),
  );
  const body = [
    `${ctx.projectTitle}于${formatDate(ctx.periodEnd)}完成实施。项目周期内在${where(ctx.counties)}累计服务约 ${totalServed} 人次，多数受助家庭${outcomes}。`,
    `项目${ctx.withPlan ? '累计募集善款' : '累计到位资金'} ${formatYuan(ctx.raisedFen)}，累计支出 ${formatYuan(ctx.spentFen)}，结余 ${formatYuan(ctx.raisedFen - ctx.spentFen)}。${ctx.lines.length > 0 ? `收尾阶段支出 ${ctx.lines.length} 笔，明细见下表。` : ''}`,
    rng.pick([
      '项目财务收支已经机构内部审计，年度审计报告将随年度工作报告一并公开。',
      '项目执行情况已向登记管理机关报告，欢迎捐赠人查询捐赠财产的使用情况。',
    ]),
  ].join('\n\n');
  return { title: `${ctx.projectTitle}结项报告`.slice(0, 120), body };
}

export function remainingText(rng: Rng, ctx: DisclosureTextContext): { title: string; body: string } {
  const left = ctx.raisedFen - ctx.spentFen;
  const body =
    left > 0
      ? `项目结项时剩余财产 ${formatYuan(left)}。${rng.pick([
          '经机构理事会决议，按募捐方案约定转入本机构同类救助帮扶项目继续使用，用于同一地区的困难群众。',
          '按照募捐方案的约定，剩余善款转入本机构在同一地区开展的救助帮扶类项目，使用情况将在该项目中公开。',
        ])}`
      : '项目结项时无剩余财产，全部资金已按募捐方案用于帮扶。';
  return { title: '剩余财产处理情况公告', body: `${body}\n\n如对本项目资金使用有疑问，可通过机构公开的联系方式查询。` };
}

export function correctionText(
  rng: Rng,
  target: { title: string; publishedOn: IsoDate; lines: readonly ExpenseLine[] },
): { title: string; body: string } {
  const line = target.lines[0];
  const fixes = [
    `“服务开展的乡镇数量”有误，应为 ${rng.int(2, 9)} 个乡镇`,
    `“本期服务人次”统计有误，应为约 ${rng.int(20, 400)} 人次`,
    `“活动开展时间”有误，应为${formatDate(target.publishedOn)}前完成`,
    ...(line ? [`支出明细第一笔的用途描述有误，应为“${line.item}”，金额不变`] : []),
  ];
  const body = `本机构于${formatDate(target.publishedOn)}发布的《${target.title}》中，${rng.pick(fixes)}。其余内容不变，原公开信息保留，特此更正说明。`;
  return { title: `更正说明：关于《${target.title}》`.slice(0, 120), body };
}
