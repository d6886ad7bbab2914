import type { ExpenseCategory } from '../content/schemas/disclosure.ts';
import type { ServiceType, TargetGroup } from '../content/schemas/taxonomy.ts';

/** One kind of expense a service produces, with a rough cost per person reached (in fen). */
export interface ExpenseKind {
  item: string;
  category: ExpenseCategory;
  /** Fen per person reached; 0 for overheads that reach nobody directly. */
  perPersonFen: number;
}

/** Vocabulary per service type: title words, what is done, what it costs, what it achieves. */
export interface ServiceTheme {
  titles: readonly string[];
  /** What is done, for anyone. */
  actions: readonly string[];
  /** What is done only for children, or only for older people. */
  childActions?: readonly string[];
  elderActions?: readonly string[];
  expenses: readonly ExpenseKind[];
  outcomes: readonly string[];
  /** What a household still lacks, as an assistance need phrases it. */
  needs: readonly string[];
  /**
   * Words (a title, an action, an expense item, a need) that fit only some groups: `透析补助` is
   * for the seriously ill, `助浴助洁` not for children. Anything not listed fits every group.
   */
  only?: Readonly<Record<string, readonly TargetGroup[]>>;
}

const ADULTS: readonly TargetGroup[] = ['disabled', 'dibao', 'low-income', 'seriously-ill'];
const CARED_FOR: readonly TargetGroup[] = ['disabled-elderly', 'tekun', 'disabled', 'seriously-ill'];

const e = (item: string, category: ExpenseCategory, perPersonFen: number): ExpenseKind => ({
  item,
  category,
  perPersonFen,
});

export const SERVICE_THEMES: Record<ServiceType, ServiceTheme> = {
  material: {
    titles: ['温暖包', '冬季暖心', '生活物资帮扶', '爱心助餐', '暖冬行动'],
    actions: [
      '为困难家庭发放棉被、棉衣和电暖器等冬季取暖物资',
      '按季度配送米面油和营养品组成的生活物资包',
      '为住房简陋的家庭更换门窗、修补屋顶',
      '换季时上门核对每户缺什么，按需配送衣物和日用品',
    ],
    elderActions: ['在村级幸福院开设老年助餐点，提供低价或免费午餐'],
    childActions: ['为寄宿学生配送冬衣、被褥和营养加餐'],
    expenses: [
      e('冬季取暖物资（棉被、电暖器）采购', 'materials', 45000),
      e('生活物资包采购与配送', 'materials', 30000),
      e('助餐点食材采购', 'materials', 12000),
      e('危旧房屋简易修缮材料', 'materials', 200000),
      e('物资仓储与配送运费', 'travel', 0),
    ],
    outcomes: ['平稳度过冬季', '基本生活得到保障', '家里添置了必要的生活用品'],
    needs: ['冬季取暖物资', '基本生活物资', '助餐服务', '住房简易修缮'],
    only: {
      爱心助餐: ['disabled-elderly', 'tekun', 'disabled', 'dibao', 'low-income'],
      助餐服务: ['disabled-elderly', 'tekun', 'disabled', 'dibao', 'low-income'],
      助餐点食材采购: ['disabled-elderly', 'tekun', 'disabled', 'dibao', 'low-income'],
    },
  },
  'visiting-care': {
    titles: ['访视照料', '居家照护', '上门探访', '助浴助洁', '关爱探访'],
    actions: [
      '组织社工和志愿者每月至少两次上门探访，了解身体和生活状况',
      '建立照护档案，发现新的困难及时向乡镇（街道）民政服务站报告',
      '为每户确定一名固定的联系社工，留下服务电话，遇事随时可以找到人',
    ],
    elderActions: ['提供助浴、助洁、理发等居家照料服务', '为长期卧床的老人提供翻身、清洁和压疮预防指导'],
    childActions: ['由儿童主任和社工定期家访，关注孩子的安全和学习'],
    expenses: [
      e('上门访视社工服务费', 'services', 20000),
      e('助浴助洁服务购买', 'services', 15000),
      e('护理耗材采购（护理垫、防褥疮垫等）', 'materials', 18000),
      e('志愿者交通与误餐补贴', 'travel', 0),
      e('照护员培训课时费', 'staff', 0),
    ],
    outcomes: ['有人定期上门照应', '卧床老人未再出现压疮', '家人照护负担明显减轻'],
    needs: ['定期上门探访', '助浴助洁等居家照料', '照护人员支持'],
    only: {
      助浴助洁: CARED_FOR,
      居家照护: CARED_FOR,
      助浴助洁等居家照料: CARED_FOR,
      助浴助洁服务购买: CARED_FOR,
      '护理耗材采购（护理垫、防褥疮垫等）': CARED_FOR,
    },
  },
  psychological: {
    titles: ['心理陪伴', '心理慰藉', '情感关怀', '心灵守护', '亲情陪伴'],
    actions: [
      '由专业心理咨询师开展一对一心理疏导',
      '组织小组活动和团体辅导，帮助建立同伴支持',
      '为长期照护者提供喘息服务和减压活动',
      '社工每月电话回访，情绪波动大的及时转介精神卫生专业机构',
    ],
    childActions: ['在村（社区）儿童之家开展亲情视频通话和情绪课堂'],
    elderActions: ['组织志愿者结对陪伴，定期陪老人聊天、读报'],
    expenses: [
      e('心理咨询师服务费', 'services', 25000),
      e('团体辅导活动物料', 'materials', 3000),
      e('亲情视频设备采购', 'materials', 8000),
      e('喘息服务购买', 'services', 30000),
      e('督导与培训费用', 'staff', 0),
    ],
    outcomes: ['情绪明显好转', '愿意主动与人交流', '重新参加村里的集体活动'],
    needs: ['心理疏导', '情感陪伴', '照护者喘息服务'],
    only: {
      为长期照护者提供喘息服务和减压活动: CARED_FOR,
      照护者喘息服务: CARED_FOR,
      喘息服务购买: CARED_FOR,
      亲情陪伴: ['left-behind-children', 'minors', 'disabled-elderly', 'tekun'],
      亲情视频设备采购: ['left-behind-children', 'minors', 'disabled-elderly'],
    },
  },
  rehabilitation: {
    titles: ['康复训练', '康复辅具', '社区康复', '康复助行', '居家康复'],
    actions: [
      '由康复治疗师上门评估并制定个性化康复训练计划',
      '适配轮椅、助行器、坐便椅等康复辅具',
      '在乡镇卫生院和社区康复站开展定期康复训练',
      '为家庭实施卫生间扶手、坡道等无障碍改造',
    ],
    childActions: ['为残疾儿童提供康复评估，并培训家长掌握居家康复方法'],
    only: { '为残疾儿童提供康复评估，并培训家长掌握居家康复方法': ['disabled'] },
    expenses: [
      e('康复训练服务费', 'services', 80000),
      e('康复辅具适配（轮椅、助行器等）', 'materials', 60000),
      e('家庭无障碍改造', 'materials', 150000),
      e('康复治疗师上门交通费', 'travel', 0),
    ],
    outcomes: ['能够借助助行器在室内行走', '生活自理能力有所提高', '如厕、洗浴更安全'],
    needs: ['康复训练', '康复辅具适配', '家庭无障碍改造'],
  },
  capacity: {
    titles: ['能力提升', '技能培训', '就业帮扶', '生计发展', '自强成长'],
    actions: [
      '开设电商、家政、手工等职业技能培训班',
      '链接本地企业提供就业岗位和庭院经济项目',
      '帮助有意愿的家庭发展小规模种养殖',
    ],
    childActions: ['为青少年开展生活技能和职业启蒙课程'],
    expenses: [
      e('职业技能培训课时费', 'staff', 40000),
      e('培训教材与实训耗材', 'materials', 8000),
      e('种养殖启动物资', 'materials', 150000),
      e('学员交通补贴', 'travel', 5000),
    ],
    outcomes: ['找到了稳定的工作', '家庭收入有所增加', '掌握了一门实用技能'],
    needs: ['职业技能培训', '就业岗位对接', '生计发展支持', '生活技能培训'],
    only: {
      技能培训: ADULTS,
      就业帮扶: ADULTS,
      生计发展: ADULTS,
      '开设电商、家政、手工等职业技能培训班': ADULTS,
      链接本地企业提供就业岗位和庭院经济项目: ADULTS,
      帮助有意愿的家庭发展小规模种养殖: ['dibao', 'low-income', 'disabled'],
      种养殖启动物资: ['dibao', 'low-income', 'disabled'],
      职业技能培训: ADULTS,
      就业岗位对接: ADULTS,
      生计发展支持: ADULTS,
      生活技能培训: ['minors', 'left-behind-children'],
      找到了稳定的工作: ADULTS,
      家庭收入有所增加: ADULTS,
      就业岗位对接会举行: ADULTS,
      种养殖项目进入管护期: ['dibao', 'low-income', 'disabled'],
    },
  },
  medical: {
    titles: ['医疗救助', '大病帮扶', '医疗费用补助', '健康守护', '透析补助'],
    actions: [
      '对经基本医保、大病保险和医疗救助报销后的自付费用给予补助',
      '为长期透析患者提供交通和营养补贴',
      '协助办理异地就医备案和医疗救助申请',
      '组织巡回义诊和慢性病健康管理',
    ],
    expenses: [
      e('医疗费用自付部分补助', 'other', 500000),
      e('透析患者交通与营养补贴', 'travel', 60000),
      e('住院陪护服务购买', 'services', 80000),
      e('巡回义诊药品与耗材', 'materials', 5000),
    ],
    outcomes: ['治疗得以继续', '病情趋于稳定', '家庭医疗负担明显减轻'],
    needs: ['自付医疗费用补助', '就医交通补助', '住院陪护', '透析补助'],
    only: {
      大病帮扶: ['seriously-ill'],
      透析患者补贴按月发放: ['seriously-ill'],
      透析补助: ['seriously-ill'],
      为长期透析患者提供交通和营养补贴: ['seriously-ill'],
      透析患者交通与营养补贴: ['seriously-ill'],
    },
  },
  education: {
    titles: ['助学', '圆梦助学', '学业支持', '课后托管', '成长助学'],
    actions: [
      '向品学兼优的困难学生发放助学金',
      '为初、高中学生提供升学和志愿填报指导',
      '在学校和儿童之家开设课后托管和作业辅导',
      '配送学习用品和课外读物',
      '开展暑期夏令营和研学活动',
    ],
    expenses: [
      e('助学金发放', 'other', 150000),
      e('学习用品与课外读物采购', 'materials', 15000),
      e('课后托管辅导老师劳务', 'staff', 20000),
      e('夏令营活动费用', 'services', 60000),
    ],
    outcomes: ['顺利完成学业', '学习成绩稳步提高', '考上了理想的学校'],
    needs: ['助学金', '课后托管与学业辅导', '学习用品'],
    only: {
      课后托管: ['left-behind-children', 'minors', 'dibao', 'low-income'],
      课后托管服务开课: ['left-behind-children', 'minors', 'dibao', 'low-income'],
      暑期夏令营圆满结束: ['left-behind-children', 'minors', 'dibao', 'low-income'],
      开展暑期夏令营和研学活动: ['left-behind-children', 'minors', 'dibao', 'low-income'],
    },
  },
};

/** Overheads every project may show. */
export const OVERHEAD_EXPENSES: readonly ExpenseKind[] = [
  e('项目管理费', 'admin', 0),
  e('项目执行人员劳务费', 'staff', 0),
  e('入户评估交通差旅', 'travel', 0),
  e('信息公开与宣传物料', 'other', 0),
];

export type LifeStage = 'child' | 'adult' | 'elder';

/** Whether a word of the service fits a project serving these groups (any of them). */
export function fitsGroups(service: ServiceType, word: string, groups: readonly TargetGroup[] | null): boolean {
  const allowed = SERVICE_THEMES[service].only?.[word];
  return !allowed || groups === null || groups.some((g) => allowed.includes(g));
}

/** The words of a list that fit the groups, or the whole list when none does. */
export function fitting(
  service: ServiceType,
  words: readonly string[],
  groups: readonly TargetGroup[] | null,
): readonly string[] {
  const out = words.filter((w) => fitsGroups(service, w, groups));
  return out.length > 0 ? out : words;
}

/**
 * Actions that fit a life stage — the general ones plus those meant for it (none for adults) —
 * and, when groups are given, the groups.
 */
export function actionsFor(
  service: ServiceType,
  stage: LifeStage | null,
  groups: readonly TargetGroup[] | null = null,
): readonly string[] {
  const t = SERVICE_THEMES[service];
  const all =
    stage === 'child'
      ? [...t.actions, ...(t.childActions ?? [])]
      : stage === 'elder'
        ? [...t.actions, ...(t.elderActions ?? [])]
        : t.actions;
  const out = all.filter((a) => fitsGroups(service, a, groups));
  return out.length > 0 ? out : all;
}
