import { formatMoney } from '../content/contracts/money.ts';
import { addDays } from '../content/rules/dates.ts';
import { AWARD_CATEGORIES, type Award, type AwardCategory, type Awardee } from '../content/schemas/award.ts';
import type { IsoDate } from '../content/schemas/common.ts';
import { SERVICE_TYPES, type TargetGroup } from '../content/schemas/taxonomy.ts';
import type { CharityDraft } from './charities.ts';
import { cnNumber, listCn, yearOf } from './format.ts';
import { GROUP_THEMES, variantOf } from './group-themes.ts';
import { enterpriseName, NAME_WORDS, personName } from './names.ts';
import type { ProjectModel } from './projects.ts';
import type { Rng } from './random.ts';
import { countyShort, PROVINCES, pickCounty, provinceShort } from './regions.ts';
import { type SlugRegistry, slugOf } from './slugs.ts';

/**
 * 表彰: 中华慈善奖 editions and provincial charity awards (民发〔2023〕46号 (五)). Editions,
 * dates and document numbers are demo values in the real format (第十二届, 民发〔2024〕XX号);
 * every awardee is fictional or an entry of this dataset.
 */
interface Edition {
  name: string;
  edition: string;
  year: number;
  announcedOn: IsoDate;
  documentNumber: string;
  provinceCode: string | null;
}

const ABBR: Record<string, string> = {
  '11': '京',
  '12': '津',
  '13': '冀',
  '14': '晋',
  '15': '内',
  '21': '辽',
  '22': '吉',
  '23': '黑',
  '31': '沪',
  '32': '苏',
  '33': '浙',
  '34': '皖',
  '35': '闽',
  '36': '赣',
  '37': '鲁',
  '41': '豫',
  '42': '鄂',
  '43': '湘',
  '44': '粤',
  '45': '桂',
  '46': '琼',
  '50': '渝',
  '51': '川',
  '52': '黔',
  '53': '云',
  '54': '藏',
  '61': '陕',
  '62': '甘',
  '63': '青',
  '64': '宁',
  '65': '新',
};

function editions(rng: Rng, asOf: IsoDate): Edition[] {
  const out: Edition[] = [];
  // 中华慈善奖: 第十一届 in 2021, 第十二届 in 2024, then (for the demo) every three years.
  for (let k = 10, year = 2018; ; k++, year += 3) {
    const announcedOn = `${year}-09-05`;
    if (announcedOn > asOf) break;
    out.push({
      name: '中华慈善奖',
      edition: `第${cnNumber(k)}届`,
      year,
      announcedOn,
      documentNumber: `民发〔${year}〕${rng.int(20, 60)}号`,
      provinceCode: null,
    });
  }
  for (const p of rng.sample(PROVINCES, 12)) {
    const short = p.code.slice(0, 2);
    for (let k = 1, year = 2019 + rng.int(0, 1); year <= yearOf(asOf); k++, year += 2) {
      const announcedOn = `${year}-${String(rng.int(3, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      if (announcedOn > asOf) break;
      out.push({
        name: `${provinceShort(p.name)}慈善奖`,
        edition: `第${cnNumber(k)}届`,
        year,
        announcedOn,
        documentNumber: `${ABBR[short] ?? ''}民发〔${year}〕${rng.int(10, 120)}号`,
        provinceCode: p.code,
      });
    }
  }
  return out;
}

const CATEGORY_WEIGHTS: readonly (readonly [AwardCategory, number])[] = [
  ['organisation', 3],
  ['project', 3],
  ['donor-enterprise', 2],
  ['donor-individual', 1],
  ['model-individual', 1],
  ['volunteer', 1.5],
  ['collective', 1],
];

export function generateAwards(
  rng: Rng,
  asOf: IsoDate,
  count: number,
  charities: readonly CharityDraft[],
  models: readonly ProjectModel[],
  slugs: SlugRegistry,
): Award[] {
  const eds = editions(rng, asOf);
  if (eds.length === 0) return [];
  const awards: Award[] = [];
  for (let i = 0; i < count; i++) {
    const ed = rng.pick(eds);
    const category = rng.weightedPairs(CATEGORY_WEIGHTS);
    const local = charities.filter((c) => ed.provinceCode === null || c.province.code === ed.provinceCode);
    const older = (local.length > 0 ? local : charities).filter(
      (c) => c.charity.registeredOn <= addDays(ed.announcedOn, -365),
    );
    const charity = older.length > 0 ? rng.pick(older) : null;
    const province = ed.provinceCode ?? charity?.province.code ?? rng.pick(PROVINCES).code;
    const county = pickCounty(rng, province);
    const prefix = rng.pick(PROVINCES.find((p) => p.code === province)?.meta.prefixes ?? ['华夏']);
    // A charity is praised for the groups it serves, not for a group drawn at random.
    const group = rng.pick(charity ? charity.focusGroups : (Object.keys(GROUP_THEMES) as TargetGroup[]));
    const people = rng.pick(GROUP_THEMES[group].titles);
    let awardee: Awardee;
    let citation: string;
    if ((category === 'organisation' || category === 'project') && charity) {
      const projects = models.filter(
        (m) => m.charity === charity && m.project.publishedOn <= addDays(ed.announcedOn, -180),
      );
      const model = category === 'project' && projects.length > 0 ? rng.pick(projects) : null;
      const project = model?.project ?? null;
      awardee = project
        ? { kind: 'project', name: project.title, charity: charity.charity.slug, project: project.slug }
        : category === 'project'
          ? {
              kind: 'project',
              name: `${charity.charity.name}${people}关爱项目`,
              charity: charity.charity.slug,
              project: null,
            }
          : { kind: 'charity', name: charity.charity.name, charity: charity.charity.slug, project: null };
      citation = model
        ? `该项目聚焦${listCn(model.project.targetGroups.map((g) => variantOf(model.variants, g).titles[0] as string))}，提供${listCn(model.project.serviceTypes.map((s) => SERVICE_TYPES[s]))}等服务，建立了需求对接、同意转介和结果反馈的衔接机制，信息公开及时规范，具有创新性和示范性。`
        : `${charity.charity.name}长期扎根基层，围绕${people}的急难愁盼问题开展慈善帮扶，积极参与政府救助与慈善帮扶衔接工作，项目管理规范、信息公开透明，社会影响良好。`;
    } else if (category === 'donor-enterprise' || category === 'project') {
      const company = enterpriseName(rng, prefix);
      awardee =
        category === 'project'
          ? {
              kind: 'trust',
              name: `${company.replace(/(?:集团|股份)?有限公司$/, '')}${rng.pick(NAME_WORDS)}慈善信托`,
              charity: null,
              project: null,
            }
          : { kind: 'enterprise', name: company, charity: null, project: null };
      citation = `多年来持续捐赠支持${provinceShort(PROVINCES.find((p) => p.code === province)?.name ?? '')}的社会救助领域慈善项目，重点帮扶${people}，并通过配捐、提供就业岗位等方式参与乡村振兴，累计捐赠款物价值逾 ${formatMoney(rng.int(3, 90) * 100 * 1_000_000)}。`;
    } else if (category === 'collective' || (category === 'volunteer' && rng.chance(0.4))) {
      const name =
        charity && category === 'volunteer'
          ? `${charity.charity.name}志愿服务队`
          : `${county.shortName}社会救助协理员团队`;
      awardee = { kind: 'collective', name, charity: null, project: null };
      citation = `扎根${countyShort(county.shortName)}基层一线，主动发现困难群众救助需求，及时链接慈善资源，在政府救助与慈善帮扶衔接中发挥了桥梁作用，先进事迹突出。`;
    } else {
      awardee = { kind: 'individual', name: personName(rng), charity: null, project: null };
      citation =
        category === 'volunteer'
          ? `长期参与${countyShort(county.shortName)}的${people}关爱志愿服务，累计服务时长超过 ${rng.int(5, 40) * 100} 小时，带动身边群众加入志愿服务队伍。`
          : category === 'donor-individual'
            ? `多次向社会救助领域慈善项目捐赠，资助${people}渡过难关，以实际行动诠释了乐善好施、扶危济困的传统美德。`
            : `数十年如一日投身慈善事业，关心关爱${people}，推动成立社区慈善基金，事迹感人，是新时代慈善楷模。`;
    }
    awards.push({
      slug: slugs.claim(slugOf([String(ed.year), ed.name, AWARD_CATEGORIES[category]])),
      name: ed.name,
      edition: ed.edition,
      year: ed.year,
      category,
      awardee,
      citation,
      documentNumber: ed.documentNumber,
      announcedOn: ed.announcedOn,
    });
  }
  return awards;
}
