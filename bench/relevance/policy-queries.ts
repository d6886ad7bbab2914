import type { SearchDocument } from '../../content/search/documents.ts';
import type { JudgedQuery } from './judged-queries.ts';

/**
 * The second judged set (issue 20): queries written from the ministry guidance's vocabulary
 * (民发〔2023〕46号: 访视照料、心理慰藉、康复训练、能力提升、国家乡村振兴重点帮扶县、中华慈善日、中华慈善奖 …)
 * and the way people word those things, not from the demo's title templates. Each query is judged
 * by FIELDS of the search documents — target group, service type, region/province, the key-county
 * flag, the type, a campaign's or award's identity — never by whether the text contains the query,
 * so an engine cannot pass by matching strings it was tuned for.
 *
 * Who is relevant: projects, needs and typical cases whose fields say what was asked (as in the
 * first set, charities and disclosures are not what someone looking for help or a cause wants
 * first); for a campaign or an award, that campaign's page or those award entries.
 * The lists are worked out from the rules over the demo documents (`policyJudged`), so a re-seeded
 * demo is re-judged by the same rules; tests/unit/bench/relevance/policy-queries.test.ts checks every
 * rule finds something.
 */
export type PolicyKind = 'wording' | 'split' | 'unknown-word' | 'place' | 'meals' | 'typo' | 'campaign' | 'award';

type Rule = (d: SearchDocument) => boolean;

export interface PolicyQuery {
  query: string;
  kind: PolicyKind;
  /** What the rule means, in words. */
  note: string;
  rule: Rule;
}

const ENTRY_TYPES = new Set(['project', 'need', 'typical-case']);
const entry: Rule = (d) => ENTRY_TYPES.has(d.type);
const group =
  (label: string): Rule =>
  (d) =>
    entry(d) && d.targetGroup.includes(label);
const service =
  (label: string): Rule =>
  (d) =>
    entry(d) && d.serviceType.includes(label);
const province =
  (name: string): Rule =>
  (d) =>
    entry(d) && d.province.some((p) => p.startsWith(name));
const keyCounty: Rule = (d) => entry(d) && d.keyCounty;
/** Rules combined (shared with judge-rules.ts, whose rules read the snapshot's entries). */
export const all =
  <T>(...rules: ((x: T) => boolean)[]) =>
  (x: T): boolean =>
    rules.every((r) => r(x));
export const any =
  <T>(...rules: ((x: T) => boolean)[]) =>
  (x: T): boolean =>
    rules.some((r) => r(x));
const campaign =
  (slugPart: string): Rule =>
  (d) =>
    d.type === 'campaign' && d.slug.includes(slugPart);
/** Awards by their name (keywords[0]) and, optionally, category label (keywords[2]). */
const award =
  (name: string | null, category?: string): Rule =>
  (d) =>
    d.type === 'award' && (name === null || d.keywords[0] === name) && (!category || d.keywords[2] === category);

const ELDERLY = '失能/半失能老年人';
const CHILDREN = any(group('困境未成年人'), group('农村留守儿童'));

export const POLICY_QUERIES: PolicyQuery[] = [
  // Worded differently from the data (the guidance's or everyday words for a service or group).
  { query: '上门照料', kind: 'wording', note: '服务类型：访视照料', rule: service('访视照料') },
  { query: '居家照护', kind: 'wording', note: '服务类型：访视照料', rule: service('访视照料') },
  { query: '精神慰藉', kind: 'wording', note: '服务类型：心理慰藉', rule: service('心理慰藉') },
  { query: '物资救助', kind: 'wording', note: '服务类型：物质帮扶', rule: service('物质帮扶') },
  { query: '就业技能', kind: 'wording', note: '服务类型：能力提升', rule: service('能力提升') },
  { query: '生活不能自理的老年人', kind: 'wording', note: '帮扶对象：失能/半失能老年人', rule: group(ELDERLY) },
  {
    query: '残障人士康复',
    kind: 'wording',
    note: '残疾人 × 康复训练',
    rule: all(group('残疾人'), service('康复训练')),
  },
  {
    query: '低收入家庭 助学金',
    kind: 'wording',
    note: '低收入家庭 × 助学',
    rule: all(group('低收入家庭'), service('助学')),
  },
  { query: '困难群众看病', kind: 'wording', note: '服务类型：医疗救助', rule: service('医疗救助') },
  // Phrases a word-list splitter cuts across words.
  {
    query: '残疾人康复训练',
    kind: 'split',
    note: '残疾人 × 康复训练',
    rule: all(group('残疾人'), service('康复训练')),
  },
  {
    query: '失能老年人访视照料',
    kind: 'split',
    note: '失能老年人 × 访视照料',
    rule: all(group(ELDERLY), service('访视照料')),
  },
  {
    query: '留守儿童心理慰藉',
    kind: 'split',
    note: '农村留守儿童 × 心理慰藉',
    rule: all(group('农村留守儿童'), service('心理慰藉')),
  },
  {
    query: '特困人员医疗救助',
    kind: 'split',
    note: '特困人员 × 医疗救助',
    rule: all(group('特困人员'), service('医疗救助')),
  },
  {
    query: '低保家庭能力提升',
    kind: 'split',
    note: '低保家庭 × 能力提升',
    rule: all(group('低保家庭'), service('能力提升')),
  },
  {
    query: '困境未成年人助学',
    kind: 'split',
    note: '困境未成年人 × 助学',
    rule: all(group('困境未成年人'), service('助学')),
  },
  {
    query: '重病患者心理慰藉',
    kind: 'split',
    note: '重病患者 × 心理慰藉',
    rule: all(group('重病患者'), service('心理慰藉')),
  },
  // No word of the query is a vocabulary word as written; its parts are common.
  {
    query: '养老培训',
    kind: 'unknown-word',
    note: '老年人 × 能力提升（照护培训）',
    rule: all(group(ELDERLY), service('能力提升')),
  },
  {
    query: '老人看病',
    kind: 'unknown-word',
    note: '失能/半失能老年人 × 医疗救助',
    rule: all(group(ELDERLY), service('医疗救助')),
  },
  { query: '孩子上学', kind: 'unknown-word', note: '未成年人或留守儿童 × 助学', rule: all(CHILDREN, service('助学')) },
  { query: '残疾补贴', kind: 'unknown-word', note: '帮扶对象：残疾人（两项补贴）', rule: group('残疾人') },
  {
    query: '孤寡老人陪伴',
    kind: 'unknown-word',
    note: '失能老年人或特困人员 × 心理慰藉',
    rule: all(any(group(ELDERLY), group('特困人员')), service('心理慰藉')),
  },
  // Places and programmes: the key-county flag and the province are fields.
  { query: '重点帮扶县', kind: 'place', note: '地区为国家乡村振兴重点帮扶县', rule: keyCounty },
  {
    query: '乡村振兴重点帮扶县 医疗',
    kind: 'place',
    note: '重点帮扶县 × 医疗救助',
    rule: all(keyCounty, service('医疗救助')),
  },
  { query: '甘肃 重点帮扶县', kind: 'place', note: '甘肃省的重点帮扶县', rule: all(keyCounty, province('甘肃')) },
  { query: '云南 助学', kind: 'place', note: '云南省 × 助学', rule: all(province('云南'), service('助学')) },
  { query: '四川省残疾人', kind: 'place', note: '四川省 × 残疾人', rule: all(province('四川'), group('残疾人')) },
  { query: '广西 低保', kind: 'place', note: '广西 × 低保家庭', rule: all(province('广西'), group('低保家庭')) },
  { query: '天津市 特困', kind: 'place', note: '天津市 × 特困人员', rule: all(province('天津'), group('特困人员')) },
  // Meals for the elderly are not meals for every group.
  {
    query: '老年助餐',
    kind: 'meals',
    note: '失能/半失能老年人 × 物质帮扶或访视照料（助餐是其中一项）；其他人群的助餐项目不相关',
    rule: all(group(ELDERLY), any(service('物质帮扶'), service('访视照料'))),
  },
  {
    query: '老人吃饭难',
    kind: 'meals',
    note: '同上',
    rule: all(group(ELDERLY), any(service('物质帮扶'), service('访视照料'))),
  },
  // One wrong character.
  { query: '项日', kind: 'typo', note: '项目（任何慈善项目）', rule: (d) => d.type === 'project' },
  { query: '慈善项日', kind: 'typo', note: '项目（任何慈善项目）', rule: (d) => d.type === 'project' },
  { query: '留守儿重', kind: 'typo', note: '帮扶对象：农村留守儿童', rule: group('农村留守儿童') },
  { query: '康复训炼', kind: 'typo', note: '服务类型：康复训练', rule: service('康复训练') },
  { query: '医疗救住', kind: 'typo', note: '服务类型：医疗救助', rule: service('医疗救助') },
  { query: '心理慰籍', kind: 'typo', note: '服务类型：心理慰藉', rule: service('心理慰藉') },
  { query: '中华慈善曰', kind: 'typo', note: '中华慈善日活动', rule: campaign('zhonghuacishanri') },
  // Campaigns and awards have pages too.
  { query: '中华慈善日', kind: 'campaign', note: '“中华慈善日”活动页', rule: campaign('zhonghuacishanri') },
  { query: '9月5日慈善日活动', kind: 'campaign', note: '“中华慈善日”活动页', rule: campaign('zhonghuacishanri') },
  { query: '全国助残日', kind: 'campaign', note: '“全国助残日”活动页', rule: campaign('quanguozhucanri') },
  { query: '敬老月', kind: 'campaign', note: '“敬老月”活动页', rule: campaign('jinglaoyue') },
  { query: '金秋助学活动', kind: 'campaign', note: '“金秋助学”活动页', rule: campaign('jinqiuzhuxue') },
  { query: '春节送温暖', kind: 'campaign', note: '春节“送温暖”活动页', rule: campaign('chunjiesongwennuan') },
  { query: '中华慈善奖', kind: 'award', note: '中华慈善奖的获奖条目', rule: award('中华慈善奖') },
  {
    query: '中华慈善奖 志愿服务',
    kind: 'award',
    note: '中华慈善奖 × 志愿服务类',
    rule: award('中华慈善奖', '志愿服务'),
  },
  { query: '四川慈善奖', kind: 'award', note: '四川慈善奖的获奖条目', rule: award('四川慈善奖') },
  { query: '慈善楷模', kind: 'award', note: '各级慈善奖“慈善楷模”类', rule: award(null, '慈善楷模') },
  { query: '慈善表彰 捐赠企业', kind: 'award', note: '“捐赠企业”类获奖条目', rule: award(null, '捐赠企业') },
];

/** The policy set as judged queries over `documents` (ids in the scorer's `type:slug` form). */
export function policyJudged(documents: readonly SearchDocument[]): (JudgedQuery & { kind: PolicyKind })[] {
  return POLICY_QUERIES.map((q) => ({
    query: q.query,
    kind: q.kind,
    note: q.note,
    relevant: documents.filter(q.rule).map((d) => `${d.type}:${d.slug}`),
  }));
}
