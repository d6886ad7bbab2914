/**
 * The ONE place for what is searched and how, shared by both engines and the browser client:
 * document types, facets, searchable attributes in priority order, sortable fields, ranking, and
 * the synonym list for policy jargon — a contract of the three parts of search/ and the site's
 * templates and islands. Meilisearch gets these as index settings (`meilisearchSettings()` in
 * search/index/meilisearch-settings.ts); Pagefind gets the facets as `data-pagefind-filter` names and the
 * synonyms as query-time expansion (search/client/synonym-expansion.ts).
 * Browser-safe: no Node imports, nothing else of content/ at run time.
 */
export const SEARCH_TYPES = {
  project: '慈善项目',
  charity: '慈善组织',
  'typical-case': '典型案例',
  need: '救助需求',
  disclosure: '信息公开',
  campaign: '专题活动',
  award: '慈善表彰',
} as const;
export type SearchType = keyof typeof SEARCH_TYPES;

/** Order a tie is broken in (and the `typeRank` sort key): projects first, disclosures last. */
export const TYPE_RANK: Record<SearchType, number> = {
  project: 0,
  charity: 1,
  'typical-case': 2,
  need: 3,
  disclosure: 4,
  campaign: 1,
  award: 2,
};

/**
 * Facet names: the same string is the search document's field, the Meilisearch filterable
 * attribute and the Pagefind filter name (`data-pagefind-filter="<name>"`).
 */
export const FACETS = [
  'type',
  'province',
  'region',
  'targetGroup',
  'serviceType',
  'status',
  'acceptingDonations',
  'keyCounty',
  'charity',
] as const;
export type FacetName = (typeof FACETS)[number];

export const FACET_LABELS: Record<FacetName, string> = {
  type: '类型',
  province: '省份',
  region: '地区',
  targetGroup: '帮扶对象',
  serviceType: '服务类型',
  status: '状态',
  acceptingDonations: '在线捐赠',
  keyCounty: '国家乡村振兴重点帮扶县',
  charity: '慈善组织',
};

/** Filterable in Meilisearch: the facets, plus `projectSlug` for deleting a project's disclosures. */
export const FILTERABLE_ATTRIBUTES = [...FACETS, 'projectSlug'] as const;

/** Boolean facets travel as these strings in both engines (Meilisearch reports booleans so). */
export const BOOLEAN_FACET_VALUES = { yes: 'true', no: 'false' } as const;

/** Searchable fields, most important first (Meilisearch's attribute ranking rule follows it). */
export const SEARCHABLE_ATTRIBUTES = [
  'title',
  'keywords',
  'targetGroup',
  'serviceType',
  'region',
  'charity',
  'project',
  'summary',
  'body',
] as const;

export const SORTABLE_ATTRIBUTES = ['publishedOn', 'typeRank'] as const;

/** What the browser may read back; `body` is searched and cropped, never shipped whole. */
export const DISPLAYED_ATTRIBUTES = [
  'id',
  'type',
  'url',
  'title',
  'summary',
  'body',
  'project',
  'charity',
  'province',
  'region',
  'status',
  'publishedOn',
  'acceptingDonations',
] as const;

/**
 * Policy jargon: each group lists words that mean the same to a person searching. Both directions
 * hold (a multi-way synonym). Longer, more specific words first within a group is not required.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['低保', '最低生活保障', '低保户', '低保家庭', '低保对象'],
  ['特困', '特困人员', '特困人员救助供养', '特困供养', '五保户', '分散供养'],
  ['失能', '生活不能自理', '失能半失能', '半失能', '失能老人'],
  ['重病', '大病', '重特大疾病', '大病患者', '重病患者'],
  ['留守儿童', '农村留守儿童', '留守'],
  ['残疾人两项补贴', '困难残疾人生活补贴', '重度残疾人护理补贴'],
  ['孤残儿童', '孤儿', '孤困儿童', '事实无人抚养儿童'],
  ['自闭症', '孤独症', '孤独症谱系障碍'],
  ['助学', '助学金', '资助学业', '学业支持'],
  ['老人', '老年人', '高龄老人'],
  ['康复', '康复训练', '康复服务'],
  ['困境儿童', '困境未成年人', '困境青少年'],
  ['低收入', '低收入家庭', '低收入人口'],
  ['防返贫', '防返贫监测户', '防止返贫监测对象'],
  ['心理慰藉', '心理陪伴', '心理疏导'],
  ['访视照料', '上门探访', '关爱探访', '居家照料'],
  // Not 老年助餐: meals for the elderly are not every meal project (one-way: search/client/synonym-table.ts).
  ['助餐', '爱心助餐'],
  ['残疾人', '残障人士', '残疾人士'],
  ['物质帮扶', '物资帮扶', '生活物资'],
  ['能力提升', '技能培训', '就业帮扶'],
  ['临时救助', '急难救助', '急难型临时救助'],
  ['医疗救助', '医疗费用补助', '医疗费用'],
];
