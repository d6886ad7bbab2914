import { formatDate } from '../content/contracts/format.ts';
import { addDays } from '../content/rules/dates.ts';
import type { Campaign } from '../content/schemas/campaign.ts';
import type { DateRange, IsoDate } from '../content/schemas/common.ts';
import type { ServiceType, TargetGroup } from '../content/schemas/taxonomy.ts';
import { yearOf } from './format.ts';
import type { Rng } from './random.ts';
import { type SlugRegistry, slugOf } from './slugs.ts';

/** A campaign plus which projects fit it (null: every assistance project may join). */
export interface CampaignDraft {
  campaign: Campaign;
  groups: readonly TargetGroup[] | null;
  services: readonly ServiceType[] | null;
}

interface Theme {
  key: string;
  title: (y: number) => string;
  theme: string;
  window: (y: number) => DateRange;
  organiser: string;
  groups: readonly TargetGroup[] | null;
  services: readonly ServiceType[] | null;
  lead: string;
}

const THEMES: readonly Theme[] = [
  {
    key: '中华慈善日',
    title: (y) => `${y}年“中华慈善日”社会救助主题活动`,
    theme: '政府救助与慈善帮扶有效衔接，合力解决困难群众急难愁盼问题',
    // 9月5日 is 中华慈善日 (Charity Law); the campaign runs around it.
    window: (y) => ({ start: `${y}-08-25`, end: `${y}-09-15` }),
    organiser: '民政部',
    groups: null,
    services: null,
    lead: '每年9月5日是“中华慈善日”。按照民发〔2023〕46号的要求，各地民政部门鼓励支持慈善组织围绕社会救助主题，策划开展形式多样、特色鲜明的慈善帮扶活动。',
  },
  {
    key: '春节送温暖',
    title: (y) => `${y}年春节“送温暖”慈善帮扶行动`,
    theme: '情暖寒冬，保障困难群众温暖过冬、欢度春节',
    window: (y) => ({ start: `${y}-01-05`, end: `${y}-02-25` }),
    organiser: '衔接门户联合各地民政部门',
    groups: ['tekun', 'dibao', 'disabled-elderly', 'low-income'],
    services: ['material', 'visiting-care'],
    lead: '重要节假日期间，慈善组织积极参与困难群众基本生活保障，把温暖送到特困人员、低保家庭和失能老人身边。',
  },
  {
    key: '全国助残日',
    title: (y) => `${y}年“全国助残日”康复助残行动`,
    theme: '康复训练、辅具适配和技能培训，助力残疾人融入社会',
    window: (y) => ({ start: `${y}-05-01`, end: `${y}-05-31` }),
    organiser: '衔接门户联合各地民政部门',
    groups: ['disabled'],
    services: ['rehabilitation', 'capacity', 'visiting-care'],
    lead: '五月第三个星期日是全国助残日。活动聚焦困难残疾人的康复训练和能力提升需求，与残疾人两项补贴等政府保障形成合力。',
  },
  {
    key: '六一关爱',
    title: (y) => `${y}年“六一”困境儿童关爱行动`,
    theme: '关爱困境儿童和农村留守儿童，守护健康成长',
    window: (y) => ({ start: `${y}-05-20`, end: `${y}-06-10` }),
    organiser: '衔接门户联合各地民政部门',
    groups: ['minors', 'left-behind-children'],
    services: null,
    lead: '儿童节前后，慈善组织走进儿童之家和寄宿制学校，为困境儿童和留守儿童送去陪伴、学习用品和心理关爱。',
  },
  {
    key: '金秋助学',
    title: (y) => `${y}年“金秋助学”慈善行动`,
    theme: '不让一个困难家庭的孩子因贫失学',
    window: (y) => ({ start: `${y}-07-20`, end: `${y}-09-10` }),
    organiser: '衔接门户联合各地民政部门',
    groups: null,
    services: ['education'],
    lead: '开学季前后，慈善组织面向低保、特困和低收入家庭学生开展助学帮扶，与教育资助政策有效衔接。',
  },
  {
    key: '敬老月',
    title: (y) => `${y}年“敬老月”失能老人关爱行动`,
    theme: '为失能、半失能和特困老人送去照护与陪伴',
    window: (y) => ({ start: `${y}-10-01`, end: `${y}-10-31` }),
    organiser: '衔接门户联合各地民政部门',
    groups: ['disabled-elderly', 'tekun'],
    services: ['visiting-care', 'psychological', 'rehabilitation', 'material'],
    lead: '每年十月是“敬老月”。活动动员慈善力量为低收入家庭中生活不能自理的老年人提供访视照料、心理慰藉和康复训练。',
  },
];

const CLOSERS = [
  '欢迎慈善组织报名参加，项目须为救助帮扶类，并在民政部门备案募捐方案。所有捐赠直接进入项目所属慈善组织的账户，门户不经手善款。',
  '参与项目须按规定公开项目进展和资金使用情况，接受社会监督；活动结束后，门户将汇总公开各项目的执行情况。',
  '捐赠者可以选择具体项目，也可以按帮扶对象或地区捐赠，由门户按规则匹配到合适的项目。',
];

export function generateCampaigns(rng: Rng, asOf: IsoDate, years: number, slugs: SlugRegistry): CampaignDraft[] {
  const last = yearOf(asOf);
  const drafts: CampaignDraft[] = [];
  for (let y = last - years + 1; y <= last; y++) {
    for (const t of THEMES) {
      const window = t.window(y);
      // Far-future campaigns are not published yet; 中华慈善日 of this year always is.
      if (t.key !== '中华慈善日' && window.start > addDays(asOf, 120)) continue;
      const description = [
        t.lead,
        `活动时间为${formatDate(window.start)}至${formatDate(window.end)}，主题是“${t.theme}”。`,
        rng.pick(CLOSERS),
        '本页内容为演示用示例数据。',
      ].join('\n\n');
      drafts.push({
        campaign: {
          slug: slugs.claim(slugOf([String(y), t.key])),
          title: t.title(y),
          theme: t.theme,
          window,
          description,
          organiser: t.organiser,
        },
        groups: t.groups,
        services: t.services,
      });
    }
  }
  return drafts;
}
