import { COVER_HELP } from './shared-views.ts';
import { field, type ModelView, relationField, slugField } from './view-kit.ts';

/**
 * What a ministry editor keeps: charities' records (the regulatory fields are theirs; the charity
 * keeps its summary, contact and region), assistance needs, typical cases, awards and campaigns.
 */

const PII = '不得写入身份证号、手机号、住址等能识别个人的信息，发布时会检查';

export const CHARITY_VIEW: ModelView = {
  uid: 'api::charity.charity',
  mainField: 'name',
  list: ['name', 'creditCode', 'rating', 'publicFundraisingSince'],
  sort: { by: 'name', order: 'ASC' },
  fields: {
    slug: slugField('gansu-cishan-zonghui'),
    name: field('机构名称', '登记证书上的全称', '例如：甘肃省慈善总会'),
    creditCode: field('统一社会信用代码', '18 位，保存时检查校验位', '例如：53620000MJ0000000X'),
    registrationAuthority: field('登记管理机关', undefined, '例如：甘肃省民政厅'),
    registeredOn: field('登记日期'),
    recognisedOn: field('认定为慈善组织日期', '不早于登记日期'),
    publicFundraisingSince: field('取得公开募捐资格日期', '没有公开募捐资格的不填'),
    taxDeductible: field('公益性捐赠税前扣除资格'),
    rating: field('社会组织评估等级', '未参加评估的不选', '请选择评估等级'),
    legalRepresentative: field('法定代表人'),
    region: field('所在地区'),
    contact: field('联系方式', '机构对外公开的联系方式，不是受助人的'),
    registryUrl: field('慈善中国链接', '本机构在“慈善中国”上的信息页网址', 'https://cszg.mca.gov.cn/…'),
    summary: field('机构简介', '2000 字以内'),
    projects: relationField('实施的项目', 'title'),
    editors: field('本机构的编辑账号', '这些管理后台账号可以编辑本机构的项目、信息公开和帮扶案例'),
  },
};

export const CONTACT_VIEW: ModelView = {
  uid: 'charity.contact',
  mainField: 'phone',
  fields: {
    phone: field('联系电话', '机构的办公电话', '例如：0931-0000000'),
    email: field('电子邮箱', undefined, '例如：office@xxx.org.cn'),
    address: field('办公地址', undefined, '例如：甘肃省兰州市城关区某某路 1 号'),
    website: field('网站', '以 https:// 开头', 'https://'),
  },
};

export const NEED_VIEW: ModelView = {
  uid: 'api::assistance-need.assistance-need',
  mainField: 'title',
  list: ['title', 'department', 'needStatus', 'publishedOn'],
  sort: { by: 'publishedOn', order: 'DESC' },
  edit: [
    [
      ['title', 8],
      ['slug', 4],
    ],
    [
      ['department', 6],
      ['publishedOn', 4],
    ],
    [['region', 12]],
    [
      ['group', 4],
      ['kind', 4],
      ['households', 4],
    ],
    [['needStatus', 4]],
    [['description', 12]],
    [['projects', 6]],
  ],
  fields: {
    slug: slugField('minxian-shineng-laoren-zhaoliao'),
    title: field('需求名称', '80 字以内', '例如：岷县失能老年人上门照料需求'),
    department: field('发布部门', undefined, '例如：岷县民政局'),
    region: field('地区（县级）', '救助需求只写到县级'),
    group: field('帮扶对象类别', undefined, '请选择帮扶对象类别'),
    kind: field('需求类型', undefined, '请选择需求类型'),
    households: field('涉及户数', '汇总的户数，不列个人', '例如 120'),
    needStatus: field('对接状态', undefined, '请选择对接状态'),
    description: field('需求说明', `汇总说明，不含个人信息。${PII}`),
    publishedOn: field('发布日期'),
    projects: relationField('对接的项目', 'title', '由项目在“对接的救助需求”中选择'),
  },
};

export const TYPICAL_CASE_VIEW: ModelView = {
  uid: 'api::typical-case.typical-case',
  mainField: 'title',
  list: ['title', 'source', 'year', 'featured'],
  sort: { by: 'publishedOn', order: 'DESC' },
  edit: [
    [
      ['title', 8],
      ['slug', 4],
    ],
    [
      ['source', 6],
      ['year', 4],
    ],
    [['region', 12]],
    [
      ['targetGroups', 6],
      ['serviceTypes', 6],
    ],
    [['summary', 12]],
    [['body', 12]],
    [['cover', 12]],
    [
      ['projects', 6],
      ['charities', 6],
    ],
    [
      ['featured', 4],
      ['publishedOn', 4],
    ],
  ],
  fields: {
    slug: slugField('minxian-shehui-jiuzhu-xianjie'),
    title: field('案例标题', '80 字以内'),
    source: field('来源', '发布或推荐本案例的单位', '例如：民政部社会救助司'),
    year: field('年份', undefined, '2026'),
    region: field('地区'),
    targetGroups: field('帮扶对象', '可多选', '请选择帮扶对象'),
    serviceTypes: field('服务类型', '可多选', '请选择服务类型'),
    summary: field('摘要', '300 字以内'),
    body: field('正文', `可用 Markdown。${PII}`),
    projects: relationField('相关项目', 'title'),
    charities: relationField('相关慈善组织', 'name'),
    featured: field('首页推荐'),
    publishedOn: field('发布日期'),
    cover: field('封面图片', COVER_HELP),
  },
};

export const AWARD_VIEW: ModelView = {
  uid: 'api::award.award',
  mainField: 'name',
  list: ['name', 'edition', 'category', 'year'],
  sort: { by: 'announcedOn', order: 'DESC' },
  fields: {
    slug: slugField('zhonghua-cishan-jiang-12-minxian'),
    name: field('奖项名称', undefined, '中华慈善奖'),
    edition: field('届次', undefined, '第十二届'),
    year: field('年份', undefined, '2026'),
    category: field('表彰类别', undefined, '请选择表彰类别'),
    awardee: field('获奖者'),
    citation: field('表彰事迹', '1000 字以内'),
    documentNumber: field('表彰文号', undefined, '例如：民发〔2026〕30号'),
    announcedOn: field('公布日期'),
  },
};

export const AWARDEE_VIEW: ModelView = {
  uid: 'award.awardee',
  mainField: 'name',
  fields: {
    kind: field('获奖者类型', undefined, '请选择获奖者类型'),
    name: field('获奖者名称'),
    charity: relationField('本门户的慈善组织', 'name', '获奖者是本门户上的慈善组织时选择'),
    project: relationField('本门户的项目', 'title', '获奖项目在本门户上时选择'),
  },
};

export const CAMPAIGN_VIEW: ModelView = {
  uid: 'api::campaign.campaign',
  mainField: 'title',
  list: ['title', 'organiser', 'theme'],
  sort: { by: 'title', order: 'ASC' },
  fields: {
    slug: slugField('zhonghua-cishan-ri-2026'),
    title: field('活动名称', '60 字以内', '例如：2026 年中华慈善日'),
    theme: field('活动主题'),
    window: field('活动时间', '活动的起止日期'),
    description: field('活动介绍', '可用 Markdown'),
    organiser: field('主办单位'),
    projects: relationField('参加的项目', 'title', '由项目在“参与的专题活动”中选择'),
  },
};

export const MATCHING_POOL_VIEW: ModelView = {
  uid: 'api::matching-pool.matching-pool',
  mainField: 'title',
  list: ['title', 'campaign', 'totalFen'],
  sort: { by: 'title', order: 'ASC' },
  fields: {
    slug: slugField('2026-zhonghua-cishan-ri-peijuan'),
    title: field('配捐名称', '60 字以内，公开显示', '例如：某某公司 1:1 配捐'),
    sponsor: field('配捐方', '企业或基金会；不公开名称时页面显示“爱心企业”'),
    // Required at publish (a relation cannot carry the form's `*`): the help says so before the refusal does.
    campaign: relationField(
      '所属专题活动',
      'title',
      '必选，须已发布；配捐只在该活动的项目上生效，配捐时间须在活动时间之内',
    ),
    eligible: field('适用项目', '活动的全部项目，或下面列出的指定项目', '请选择适用范围'),
    projects: relationField('指定项目', 'title', '选择“指定项目”时填写，须是参加该活动的项目'),
    window: field('配捐时间', '北京时间，须在活动时间之内'),
    tiers: field('配捐比例', '第一档从 0 元起；例如 0 元起 100% 即 1:1'),
    capPerGiftFen: field('每笔配捐上限（元）', '不大于每人每日上限'),
    capPerDonorDayFen: field('每人每日配捐上限（元）', '按支付宝账户计算，不大于每个项目上限'),
    capPerProjectFen: field('每个项目配捐上限（元）', '不大于配捐总额'),
    totalFen: field('配捐总额（元）', '用完即止'),
    note: field('补充说明', `300 字以内，公开显示；${PII}`),
  },
};

export const SPONSOR_VIEW: ModelView = {
  uid: 'matching.sponsor',
  mainField: 'name',
  fields: {
    name: field('配捐方名称', '营业执照或登记证书上的全称'),
    creditCode: field('统一社会信用代码', '18 位，发布时检查校验位'),
    // A toggle (否/是), not a box to tick: the help names the choice as the form shows it.
    public: field('公开名称', '选“是”时页面写出配捐方名称；选“否”时写“爱心企业”，结算单仍写全称'),
  },
};

export const MATCH_TIER_VIEW: ModelView = {
  uid: 'matching.tier',
  mainField: 'percent',
  fields: {
    fromFen: field('起点（元）', '捐款中从这个金额起的部分'),
    // The bounds (至少 1 / 最多 300) are printed by the admin from the schema; the help says what the number means.
    percent: field('配捐比例（%）', '该档中每捐 100 元配多少元：100 即 1:1，50 即捐 2 元配 1 元'),
  },
};

export const MINISTRY_VIEWS: readonly ModelView[] = [
  CHARITY_VIEW,
  CONTACT_VIEW,
  NEED_VIEW,
  TYPICAL_CASE_VIEW,
  AWARD_VIEW,
  AWARDEE_VIEW,
  CAMPAIGN_VIEW,
  MATCHING_POOL_VIEW,
  SPONSOR_VIEW,
  MATCH_TIER_VIEW,
];
