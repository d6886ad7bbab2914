import type { ServiceType, TargetGroup } from '../content/schemas/taxonomy.ts';

/**
 * Projects that are not 救助帮扶类 (reading promotion, volunteer training, advocacy): they are
 * listed but take no donations here. Each has the groups and service it is about, so its tags
 * say what its title and story say, and actions of its own — never the handing out of aid.
 */
export interface NonAssistanceTheme {
  /** Title after the place: `乡村儿童阅读推广项目`. */
  title: string;
  groups: readonly TargetGroup[];
  service: ServiceType;
  /** Why, naming the groups: follows the place. */
  why: string;
  actions: readonly string[];
}

export const NON_ASSISTANCE_THEMES: readonly NonAssistanceTheme[] = [
  {
    title: '乡村儿童阅读推广项目',
    groups: ['left-behind-children'],
    service: 'education',
    why: '的村小和儿童之家藏书少，不少留守儿童课外几乎没有书读。',
    actions: [
      '为村小和儿童之家配送分级读物，建立图书角',
      '培训乡村教师和志愿者开展亲子共读、故事会',
      '组织留守儿童读书分享会，评选“阅读小明星”',
    ],
  },
  {
    title: '为老志愿服务能力建设项目',
    groups: ['disabled-elderly'],
    service: 'capacity',
    why: '的为老志愿服务队伍人手少、缺培训，难以为失能老人提供持续、专业的陪伴。',
    actions: [
      '为村（社区）志愿者开设失能老人照护和防跌倒知识培训',
      '编写为老志愿服务手册，规范探访记录和转介流程',
      '组织志愿服务队伍之间的经验交流和督导',
    ],
  },
  {
    title: '残疾人融合就业倡导项目',
    groups: ['disabled'],
    service: 'capacity',
    why: '的用人单位对残疾人就业了解不多，岗位适配和无障碍环境仍有欠缺。',
    actions: [
      '走访用人单位，宣讲按比例安排残疾人就业政策',
      '为企业人事人员开展融合就业和无障碍环境培训',
      '编制适合残疾人的岗位清单，向残联和就业服务机构通报',
    ],
  },
  {
    title: '儿童友好社区建设项目',
    groups: ['minors'],
    service: 'education',
    why: '的社区缺少适合孩子活动的公共空间，困境儿童参与社区生活的机会更少。',
    actions: [
      '与居委会一起改造社区儿童活动角',
      '组建儿童议事会，邀请困境儿童参与社区事务讨论',
      '为儿童主任和社区工作者开展儿童保护培训',
    ],
  },
  {
    title: '防止返贫政策宣讲项目',
    groups: ['low-income'],
    service: 'capacity',
    why: '的不少低收入家庭对防止返贫监测和帮扶政策了解不多，遇到困难时不清楚向哪里申请。',
    actions: [
      '在村（社区）开展防止返贫监测和社会救助政策宣讲',
      '为村干部和网格员培训低收入人口动态监测的发现、报告流程',
      '印发通俗易懂的政策明白卡，向防返贫监测户和低收入家庭讲解申请渠道',
    ],
  },
  {
    title: '大病防治健康教育项目',
    groups: ['seriously-ill'],
    service: 'medical',
    why: '的村民健康知识不足，大病往往发现得晚，不少重病患者家庭因此背上沉重负担。',
    actions: [
      '联合乡镇卫生院开展慢性病和常见重大疾病的防治讲座',
      '培训村医和志愿者掌握早筛转诊和医保报销政策',
      '向群众讲解大病保险和医疗救助的报销流程',
    ],
  },
];
