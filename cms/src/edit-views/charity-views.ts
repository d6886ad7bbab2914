import { DISCLOSURE_FIELD_LABELS, PROJECT_FIELD_LABELS } from '../lib/content.ts';
import { CORRECTION_FIELDS, COVER_HELP } from './shared-views.ts';
import { field, MONEY_HINT, type ModelView, relationField, slugField } from './view-kit.ts';

/**
 * What a charity editor writes: projects (with the filed plan and its partners), disclosures
 * (with expense lines) and case summaries (with the consent). Labels that content/ already gives
 * a field (the words of the correction notes) are content/'s.
 */

const P = PROJECT_FIELD_LABELS;
const D = DISCLOSURE_FIELD_LABELS;
const PII = '不得写入身份证号、手机号、住址等能识别个人的信息，发布时会检查';

export const PROJECT_VIEW: ModelView = {
  uid: 'api::project.project',
  mainField: 'title',
  list: ['title', 'charity', 'projectStatus', 'publishedOn'],
  sort: { by: 'publishedOn', order: 'DESC' },
  edit: [
    [
      ['title', 8],
      ['slug', 4],
    ],
    [
      ['charity', 6],
      ['projectStatus', 6],
    ],
    [
      ['targetGroups', 6],
      ['serviceTypes', 6],
    ],
    [['regions', 12]],
    [['implementation', 12]],
    [
      ['publishedOn', 4],
      ['assistanceOriented', 4],
      ['emergency', 4],
    ],
    [['brand', 4]],
    [['summary', 12]],
    [['story', 12]],
    [['cover', 12]],
    [['plan', 12]],
    [
      ['needs', 6],
      ['campaigns', 6],
    ],
    [
      ['disclosures', 6],
      ['caseSummaries', 6],
    ],
    [['correctionReason', 12]],
    [['corrections', 12]],
  ],
  fields: {
    title: field(P.title, '在网站上显示的项目名称，80 字以内', '例如：岷县困境儿童助学行动'),
    slug: slugField('minxian-kunjing-ertong-zhuxue'),
    charity: relationField(P.charity, 'name', '实施项目、接收善款的慈善组织'),
    assistanceOriented: field(P.assistanceOriented, '面向社会救助对象的帮扶项目；只有这类项目在本门户接受捐赠'),
    targetGroups: field(P.targetGroups, '可多选：项目帮扶的对象类别（民发〔2023〕46号）', '请选择帮扶对象'),
    serviceTypes: field(P.serviceTypes, '可多选：项目提供的帮扶方式', '请选择服务类型'),
    regions: field(P.regions, '项目实施的地区，至少一个；可到县级'),
    plan: field(P.plan, '向民政部门备案的募捐方案；不开展公开募捐的项目可不填'),
    implementation: field(P.implementation, '项目开始和结束实施的日期'),
    projectStatus: field(P.status, undefined, '请选择项目状态'),
    emergency: field(P.emergency, '重大突发事件应急募捐：至少每 5 日公开一次收支（《慈善法》第七十九条）'),
    needs: relationField(P.needs, 'title', '本项目对接的民政部门救助需求'),
    campaigns: relationField(P.campaigns, 'title', '本项目参加的专题活动，如中华慈善日'),
    brand: field(P.brand),
    summary: field(P.summary, `列表和分享时显示的一两句话，300 字以内。${PII}`),
    story: field(P.story, `项目详情，可用 Markdown（**加粗**、列表）。${PII}`),
    publishedOn: field(P.publishedOn, '在网站上显示的发布日期'),
    cover: field(P.cover, COVER_HELP),
    disclosures: relationField('信息公开', 'title', '本项目的信息公开，在“信息公开”中新建'),
    caseSummaries: relationField('帮扶案例', 'alias', '本项目的帮扶案例，在“帮扶案例”中新建'),
    ...CORRECTION_FIELDS,
  },
};

export const PLAN_VIEW: ModelView = {
  uid: 'project.plan',
  mainField: 'filingNumber',
  fields: {
    filingNumber: field(P['plan.filingNumber'], '按备案回执原样填写', '例如：53620000MJ0000000X-2026-001'),
    filedOn: field(P['plan.filedOn']),
    window: field(P['plan.window'], '备案的募捐起止日期'),
    goalFen: field(`${P['plan.goalFen']}（元）`, MONEY_HINT, '例如 500000'),
    purpose: field(P['plan.purpose']),
    beneficiaryScope: field(P['plan.beneficiaryScope']),
    beneficiarySelection: field(P['plan.beneficiarySelection']),
    useOfFunds: field(P['plan.useOfFunds']),
    fundraisingCost: field(P['plan.fundraisingCost'], '募捐成本包括哪些、上限多少'),
    managementCostPermille: field(`${P['plan.managementCostPermille']}（‰）`, '按千分比填写：60 表示 6%', '60'),
    remainingProperty: field(P['plan.remainingProperty']),
    partners: field(P['plan.partners'], '方案中列明的合作方；不具备公开募捐资格的合作方不得自行收取善款'),
  },
};

export const PARTNER_VIEW: ModelView = {
  uid: 'project.partner',
  mainField: 'name',
  fields: {
    name: field('名称', undefined, '例如：某某县教育基金会'),
    creditCode: field('统一社会信用代码', '有则填写，18 位'),
    type: field('类型', undefined, '请选择合作方类型'),
    role: field('承担的工作', undefined, '例如：协助确定受助学生名单'),
  },
};

export const DISCLOSURE_VIEW: ModelView = {
  uid: 'api::disclosure.disclosure',
  mainField: 'title',
  list: ['title', 'project', 'kind', 'publishedOn'],
  sort: { by: 'publishedOn', order: 'DESC' },
  edit: [
    [
      ['title', 8],
      ['slug', 4],
    ],
    [
      ['project', 6],
      ['kind', 6],
    ],
    [['publishedOn', 4]],
    [['period', 12]],
    [
      ['raisedToDateFen', 6],
      ['spentToDateFen', 6],
    ],
    [['body', 12]],
    [['expenses', 12]],
    [['corrects', 6]],
    [['correctionReason', 12]],
    [['corrections', 12]],
  ],
  fields: {
    title: field(D.title, '在网站上显示的标题，120 字以内', '例如：2026年第二季度项目进展'),
    slug: slugField('minxian-zhuxue-2026-q2'),
    project: relationField(D.project, 'title', '只能选择本机构已发布的项目'),
    kind: field(D.kind, '“更正说明”须在下方选择所更正的信息公开', '请选择公开类型'),
    publishedOn: field(D.publishedOn, '在网站上显示的公开日期，不早于涵盖期间的开始'),
    period: field(D.period, '本次公开涵盖的起止日期'),
    raisedToDateFen: field(`${D.raisedToDateFen}（元）`, `项目开始至今累计募得的金额。${MONEY_HINT}`, '例如 548800.00'),
    spentToDateFen: field(`${D.spentToDateFen}（元）`, `项目开始至今累计支出的金额。${MONEY_HINT}`, '例如 312045.50'),
    body: field(D.body, `本期进展和资金使用情况，可用 Markdown。${PII}`),
    expenses: field(D.expenses, '本期的每一笔支出：点击下方按钮添加一行'),
    corrects: relationField(D.corrects, 'title', '仅“更正说明”类型填写'),
    ...CORRECTION_FIELDS,
  },
};

export const EXPENSE_LINE_VIEW: ModelView = {
  uid: 'disclosure.expense-line',
  mainField: 'item',
  edit: [
    [
      ['item', 8],
      ['date', 4],
    ],
    [
      ['category', 4],
      ['amountFen', 4],
      ['beneficiariesReached', 4],
    ],
  ],
  fields: {
    date: field('支出日期'),
    item: field('支出事项', '写明买了什么、为谁提供了什么服务', '例如：购买助学物资（书包、文具）'),
    category: field('支出类别', undefined, '请选择支出类别'),
    amountFen: field('金额（元）', MONEY_HINT, '例如 12800.00'),
    beneficiariesReached: field('受益人数（人或户）', '本笔支出惠及的人数或户数；管理费用等填 0', '0'),
  },
};

export const CASE_SUMMARY_VIEW: ModelView = {
  uid: 'api::case-summary.case-summary',
  mainField: 'alias',
  list: ['alias', 'project', 'group', 'publishedOn'],
  sort: { by: 'publishedOn', order: 'DESC' },
  edit: [
    [
      ['alias', 4],
      ['ageBand', 4],
      ['group', 4],
    ],
    [
      ['project', 6],
      ['slug', 6],
    ],
    [['region', 12]],
    [['situation', 12]],
    [['governmentAssistance', 12]],
    [['charityHelp', 12]],
    [['outcome', 12]],
    [['publishedOn', 4]],
    [['consent', 12]],
  ],
  fields: {
    slug: slugField('minxian-wang-nainai'),
    project: relationField('所属项目', 'title', '只能选择本机构已发布的项目'),
    alias: field('化名', '“王奶奶”“小李”这类称呼，不得使用真实姓名', '王奶奶'),
    ageBand: field('年龄段', '只写年龄段，不写具体年龄', '请选择年龄段'),
    region: field('地区（县级）', '只能到县级，不得精确到乡镇、村或门牌'),
    group: field('帮扶对象类别', undefined, '请选择帮扶对象类别'),
    situation: field('基本情况', PII),
    governmentAssistance: field('政府救助', `已获得的社会救助，例如纳入低保、特困供养。${PII}`),
    charityHelp: field('慈善帮扶', PII),
    outcome: field('帮扶成效', PII),
    publishedOn: field('发布日期'),
    consent: field('同意记录（不公开）', '发布前必须填写：当事人（未成年人由监护人）同意匿名发布的记录'),
  },
};

export const CONSENT_VIEW: ModelView = {
  uid: 'case.consent',
  mainField: 'guardian',
  fields: {
    recordedOn: field('同意日期'),
    scope: field('同意范围', '必须包含“在本门户匿名发布”', '请选择同意范围'),
    guardian: field('监护人（与当事人关系）', '当事人是未成年人时填写，例如“母亲”；成年人不填', '母亲'),
  },
};

export const CHARITY_CONTENT_VIEWS: readonly ModelView[] = [
  PROJECT_VIEW,
  PLAN_VIEW,
  PARTNER_VIEW,
  DISCLOSURE_VIEW,
  EXPENSE_LINE_VIEW,
  CASE_SUMMARY_VIEW,
  CONSENT_VIEW,
];
