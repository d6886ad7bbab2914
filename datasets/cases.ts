import { addDays, daysBetween, maxDate } from '../content/rules/dates.ts';
import type { CaseConsent, CaseSummary, ConsentScope } from '../content/schemas/case-summary.ts';
import type { IsoDate } from '../content/schemas/common.ts';
import { type AgeBand, MINOR_AGE_BANDS, type ServiceType, type TargetGroup } from '../content/schemas/taxonomy.ts';
import type { Snapshot } from '../content/snapshot/snapshot-schema.ts';
import { say } from './format.ts';
import { difficultiesOf, GROUP_THEMES, variantOf } from './group-themes.ts';
import { ALIAS_SURNAMES } from './names.ts';
import type { ProjectModel } from './projects.ts';
import type { Rng } from './random.ts';
import { countyRegion, countyShort } from './regions.ts';
import { actionsFor, fitting, type LifeStage, SERVICE_THEMES } from './service-themes.ts';
import { type SlugRegistry, slugOf } from './slugs.ts';

/**
 * 帮扶案例: anonymised stories (alias, age band, county) with the consent record each needs
 * before publish — a guardian's for minors (PIPL). Never a name, address, school or number.
 */
const AGE_WORDS: Record<AgeBand, readonly string[]> = {
  '0-5': ['还没到上学的年纪', '刚满几岁'],
  '6-13': ['正在读小学', '在镇上读书'],
  '14-17': ['正在读初中', '正在读高中'],
  '18-39': ['三十岁上下', '正值青壮年'],
  '40-59': ['年近五旬', '五十出头'],
  '60-69': ['年过六旬', '六十多岁'],
  '70-79': ['年过七旬', '七十多岁'],
  '80+': ['年逾八旬', '八十多岁'],
};
const FAMILIES: Record<LifeStage, readonly string[]> = {
  child: ['父亲常年卧病，母亲打零工维持生计', '父母一方离世，家庭收入微薄', '父母无力抚养，由亲属照看'],
  adult: ['家中有两个孩子在上学', '还要照顾年迈的父母', '配偶长期患病'],
  elder: ['与老伴相依为命', '子女都在外地务工', '独自生活多年'],
};
/** Where the group itself says who is at home: 特困人员 have no one obliged to support them. */
const GROUP_FAMILIES: Partial<Record<TargetGroup, readonly string[]>> = {
  'left-behind-children': ['父母在外务工，由祖辈照看', '父母常年在外打工，跟年迈的奶奶一起生活'],
  tekun: ['无儿无女，独自生活多年', '没有法定赡养人，一个人生活'],
};
const GUARDIANS = ['母亲', '父亲', '祖母', '祖父', '外祖母', '外祖父'];
/** Services whose words read naturally in a child's story. */
const CHILD_SERVICES: readonly ServiceType[] = [
  'education',
  'psychological',
  'visiting-care',
  'material',
  'rehabilitation',
];

function lifeStage(band: AgeBand): LifeStage {
  if (MINOR_AGE_BANDS.includes(band)) return 'child';
  return band === '18-39' || band === '40-59' ? 'adult' : 'elder';
}

function aliasFor(rng: Rng, band: AgeBand): string {
  const s = rng.pick(ALIAS_SURNAMES);
  const female = rng.chance(0.5);
  switch (lifeStage(band)) {
    case 'child':
      return rng.chance(0.6) || band === '0-5' ? `小${s}` : `${s}同学`;
    case 'adult':
      return band === '18-39'
        ? `${s}${rng.pick(female ? ['姐', '女士'] : ['哥', '先生'])}`
        : `${s}${rng.pick(female ? ['阿姨', '大妈'] : ['叔叔', '师傅', '大伯'])}`;
    default:
      return `${s}${rng.pick(female ? ['奶奶', '婆婆', '阿婆'] : ['爷爷', '大爷', '阿公'])}`;
  }
}

export type SeedConsent = Snapshot['seedConsents'][number];

export interface CaseResult {
  cases: CaseSummary[];
  consents: SeedConsent[];
}

export function generateCases(
  rng: Rng,
  models: readonly ProjectModel[],
  asOf: IsoDate,
  count: number,
  slugs: SlugRegistry,
): CaseResult {
  const eligible = models.filter(
    (m) =>
      m.project.assistanceOriented &&
      m.project.status !== 'preparing' &&
      m.project.implementation.start <= addDays(asOf, -30),
  );
  const perProject = new Map<string, number>();
  const cases: CaseSummary[] = [];
  const consents: SeedConsent[] = [];
  for (let i = 0; i < count && eligible.length > 0; i++) {
    let m = rng.pick(eligible);
    for (let tries = 0; (perProject.get(m.project.slug) ?? 0) >= 3 && tries < 10; tries++) m = rng.pick(eligible);
    perProject.set(m.project.slug, (perProject.get(m.project.slug) ?? 0) + 1);

    const group = rng.pick(m.project.targetGroups) as TargetGroup;
    const theme = GROUP_THEMES[group];
    // The person is one of those the project's story speaks of: a 大病患儿 project has child cases.
    const variant = variantOf(m.variants, group);
    const ageBand = rng.pick(variant.ageBands ?? theme.ageBands);
    const alias = aliasFor(rng, ageBand);
    const county = rng.pick(m.counties);
    // A service of the project that fits this person's group (and age), so the story hangs together.
    const fittingServices = m.project.serviceTypes.filter(
      (x) => theme.services.includes(x) && (!MINOR_AGE_BANDS.includes(ageBand) || CHILD_SERVICES.includes(x)),
    );
    const service = rng.pick(fittingServices.length > 0 ? fittingServices : m.project.serviceTypes);
    const minor = MINOR_AGE_BANDS.includes(ageBand);
    const [gov1, gov2] = rng.sample(theme.government, 2);
    const values = {
      alias,
      age: rng.pick(AGE_WORDS[ageBand]),
      family: rng.pick(GROUP_FAMILIES[group] ?? FAMILIES[lifeStage(ageBand)]),
      difficulty: rng.pick(difficultiesOf(group, variant, county.setting === 'urban')),
      county: county.shortName,
      gov1: gov1 ?? '低保',
      gov2: gov2 ?? '临时救助',
      action: rng.pick(actionsFor(service, lifeStage(ageBand), m.project.targetGroups)),
      outcome: rng.pick(fitting(service, SERVICE_THEMES[service].outcomes, [group])),
      title: rng.pick(variant.titles),
      who: minor ? '监护人' : '本人',
    };
    const earliest = maxDate(m.project.publishedOn, addDays(m.project.implementation.start, 30));
    const publishedOn = earliest >= asOf ? asOf : addDays(earliest, rng.int(0, daysBetween(earliest, asOf)));
    const scope: ConsentScope[] = ['portal-publication'];
    if (rng.chance(0.3)) scope.push('ministry-typical-case');
    if (rng.chance(0.1)) scope.push('media-report');
    const consent: CaseConsent = {
      recordedOn: addDays(publishedOn, -rng.int(3, 90)),
      scope,
      guardian: minor ? rng.pick(GUARDIANS) : null,
    };
    const slug = slugs.claim(slugOf([countyShort(county.shortName), values.title, 'anli']));
    cases.push({
      slug,
      project: m.project.slug,
      alias,
      ageBand,
      region: countyRegion(county),
      group,
      situation: say(
        rng,
        [
          '{alias}{age}，生活在{county}，{family}。{difficulty}，日子过得很紧巴。',
          '{alias}{age}，{family}。近几年{difficulty}，一家人的生活压力越来越大。',
          '{county}的{alias}{age}，{family}，{difficulty}。',
          '社工第一次上门时，{alias}{age}，{family}。最让家里犯难的是：{difficulty}。',
          '{alias}是项目在{county}帮扶的{title}之一，{age}，{family}。{difficulty}。',
        ],
        values,
      ),
      governmentAssistance: say(
        rng,
        [
          '已纳入{gov1}，并享受{gov2}。乡镇（街道）民政服务站在走访中了解到其仍有困难，经{who}同意后转介至本项目。',
          '当地民政部门已为其办理{gov1}；社工入户时发现其可能符合{gov2}条件，协助向乡镇人民政府提出了申请。',
          '享受{gov1}和{gov2}，基本生活有保障，但{difficulty}的问题仍需社会力量帮扶。',
          '{gov1}每月按时发放，{gov2}也已办理；项目补上的是政府救助覆盖不到的部分。',
          '在{county}民政部门转介前，{alias}已享受{gov1}。经{who}同意，社工把家里的情况录入帮扶台账，并核实了{gov2}的申请条件。',
        ],
        values,
      ),
      charityHelp: say(
        rng,
        [
          '项目把{alias}纳入帮扶名单，{action}，并由社工定期回访。',
          '社工入户评估后制定了“一户一策”帮扶计划：{action}。',
          '项目{action}；志愿者每月上门一次，了解新的需要。',
          '结合{alias}的情况，项目{action}。',
          '第一个月，社工先摸清了家里最急的事；随后项目{action}，每次服务都记入照护档案。',
        ],
        values,
      ),
      outcome: say(
        rng,
        [
          '几个月下来，{alias}{outcome}，家里人也轻松了不少。',
          '{outcome}。{alias}说，最感激的是“有人常来看看”。',
          '目前{alias}{outcome}，项目将继续跟进，必要时协助申请新的政府救助。',
          '半年回访时，{alias}{outcome}。',
          '回访时{alias}{outcome}，家里人说心里踏实多了。',
        ],
        values,
      ),
      publishedOn,
    });
    consents.push({ caseSummary: slug, ...consent });
  }
  return { cases, consents };
}
