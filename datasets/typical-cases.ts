import { addDays, daysBetween, maxDate } from '../content/rules/dates.ts';
import type { IsoDate } from '../content/schemas/common.ts';
import type { Region } from '../content/schemas/region.ts';
import { SERVICE_TYPES, type TargetGroup } from '../content/schemas/taxonomy.ts';
import type { TypicalCase } from '../content/schemas/typical-case.ts';
import { listCn, say, yearOf } from './format.ts';
import { difficultiesOf, stageOfGroup, variantOf } from './group-themes.ts';
import type { ProjectModel } from './projects.ts';
import type { Rng } from './random.ts';
import { countyRegion, countyShort, provinceOf, provinceShort } from './regions.ts';
import { actionsFor, fitting, SERVICE_THEMES } from './service-themes.ts';
import { type SlugRegistry, slugOf } from './slugs.ts';

/**
 * 典型案例 curated by ministry editors (民发〔2023〕46号 保障措施（三）). The stories are fictional
 * and tied to projects and charities of this dataset; places are real county names.
 */
const HEADLINES = [
  '“政府救助+慈善帮扶”破解{people}{need}难题',
  '链接慈善资源 为{people}撑起“保护伞”',
  '建立“一户一策”机制 让{people}{outcome}',
  '民政服务站牵线搭桥 慈善力量精准对接{people}',
  '信息共享、需求对接 合力解决{people}急难愁盼',
  '点对点慈善帮扶 把温暖送到{county}{people}身边',
];
const PRACTICES = [
  '**建立需求清单。**依托低收入人口动态监测信息，由乡镇（街道）民政服务站摸排汇总{people}的帮扶需求，形成去除个人信息的需求清单，向慈善组织定向发布。',
  '**规范转介流程。**民政部门在征得困难群众同意的前提下向慈善组织转介，慈善组织对转介对象简化程序、及时帮扶，并将帮扶结果反馈民政部门。',
  '**专业服务进家门。**{charity}组织社工、康复师和志愿者，{action}。',
  '**双向发现、及时救助。**慈善组织在服务中发现可能符合政府救助条件的家庭，及时告知当地民政部门并协助申请，避免“应救未救”。',
  '**公开透明接受监督。**项目按季度公开进展和资金使用明细，结项后公开结项报告和剩余财产处理情况。',
];
const LESSONS = [
  '政府救助保基本、慈善帮扶补短板，两者在对象、信息和资源上有效衔接，才能更好满足困难群众多层次、多样化的需求。',
  '需求发布去标识化、转介须经本人同意，既保护了困难群众的隐私，又提高了慈善资源配置的精准度。',
  '把服务做到家门口、把资金用在明处，是慈善项目赢得群众信任和社会支持的关键。',
];

function sourceOf(rng: Rng, provinceName: string): string {
  const r = rng.next();
  if (r < 0.4) return '民政部慈善事业促进和社会工作司';
  if (r < 0.65) return '民政部社会救助司';
  return provinceName.endsWith('市') ? `${provinceName}民政局` : `${provinceName}民政厅`;
}

export function generateTypicalCases(
  rng: Rng,
  models: readonly ProjectModel[],
  asOf: IsoDate,
  count: number,
  slugs: SlugRegistry,
): TypicalCase[] {
  const pool = models.filter(
    (m) => m.project.assistanceOriented && !m.project.emergency && m.project.publishedOn <= addDays(asOf, -90),
  );
  const preferred = [
    ...pool.filter((m) => m.project.brand || m.project.status === 'completed'),
    ...pool.filter((m) => !(m.project.brand || m.project.status === 'completed')),
  ];
  const chosen = [...rng.sample(preferred.slice(0, Math.max(count * 2, 1)), count)];
  return chosen.map((m, i) => {
    const p = m.project;
    const county = m.counties[0] ?? null;
    const province = provinceOf(p.regions[0]?.code ?? '110000');
    const group = p.targetGroups[0] as TargetGroup;
    const service = p.serviceTypes[0] ?? 'material';
    const variant = variantOf(m.variants, group);
    const values = {
      people: rng.pick(variant.titles),
      need: rng.pick(fitting(service, SERVICE_THEMES[service].needs, p.targetGroups)),
      outcome: rng.pick(fitting(service, SERVICE_THEMES[service].outcomes, [group])),
      county: county ? countyShort(county.shortName) : provinceShort(province.name),
      charity: m.charity.charity.name,
      action: rng.pick(actionsFor(service, stageOfGroup(group, variant), p.targetGroups)),
    };
    const place = county ? `${provinceShort(province.name)}${countyShort(county.shortName)}` : province.name;
    const title = `${place}：${say(rng, HEADLINES, values)}`.slice(0, 80);
    const region: Region =
      county && rng.chance(0.6)
        ? countyRegion(county)
        : {
            code: province.code,
            name: province.name,
            provinceCode: province.code,
            province: province.name,
            keyCounty: false,
          };
    const earliest = maxDate(addDays(p.publishedOn, 90), addDays(asOf, -900));
    const publishedOn = earliest >= asOf ? asOf : addDays(earliest, rng.int(0, daysBetween(earliest, asOf)));
    const practices = rng.sample(PRACTICES, 3).map((t, k) => `${k + 1}. ${say(rng, [t], values)}`);
    const served = Math.max(m.planned, rng.int(30, 300));
    const body = [
      '## 基本情况',
      `${values.county}${rng.pick(variant.people)}较多，${rng.pick(difficultiesOf(group, variant, county?.setting === 'urban'))}。当地民政部门与${values.charity}合作实施“${p.title}”，探索政府救助与慈善帮扶有效衔接的路径。`,
      '## 主要做法',
      practices.join('\n'),
      '## 工作成效',
      `项目累计服务约 ${served} 人，涉及${listCn(p.serviceTypes.map((s) => SERVICE_TYPES[s]))}等服务。受助家庭普遍反映${values.outcome}，转介、帮扶、反馈的闭环机制已在当地常态化运行。`,
      '## 经验启示',
      rng.pick(LESSONS),
      '> 本案例为演示用示例数据，情节系虚构。',
    ].join('\n\n');
    return {
      slug: slugs.claim(slugOf([place, values.people, 'dianxing anli'])),
      title,
      source: sourceOf(rng, province.name),
      year: yearOf(publishedOn),
      region,
      targetGroups: p.targetGroups,
      serviceTypes: p.serviceTypes,
      summary:
        `${place}民政部门与${values.charity}合作，围绕${values.people}的${values.need}需求，建立需求发布、同意转介、专业帮扶和结果反馈的衔接机制。`.slice(
          0,
          300,
        ),
      body,
      projects: [p.slug],
      charities: [m.charity.charity.slug],
      featured: i < Math.max(3, Math.round(count / 6)),
      publishedOn,
    };
  });
}
