/**
 * One-way synonyms (issue 20): words people use that should find the policy word, where the
 * opposite direction would be wrong or too broad. `from` in a query is also searched as each of
 * `to`; a `to` word in a query is never widened back to `from`. The two-way groups are
 * `SYNONYM_GROUPS` (content/search/settings.ts, also Meilisearch's); this table is reviewed entry by
 * entry (tests/unit/search/client/synonym-table.test.ts has a case per entry) — add a `note` that
 * says why the direction holds.
 *
 * Rules: only words a person would type; `to` words as the data and the guidance say them; never a
 * place name (a place is a filter, not a synonym); the specific word keeps its specifics (老年助餐
 * is meals for the elderly, not every 助餐 project: its `to` keeps the group).
 */
export interface OneWaySynonym {
  from: string;
  to: readonly string[];
  note: string;
}

export const ONE_WAY_SYNONYMS: readonly OneWaySynonym[] = [
  { from: '上门照料', to: ['访视照料', '居家照料'], note: '上门照料是访视照料的一种说法；访视照料不只上门' },
  { from: '居家照护', to: ['居家照料', '访视照料'], note: '照护 = 照料；指南用“访视照料”' },
  { from: '精神慰藉', to: ['心理慰藉', '心理疏导'], note: '日常说法；指南用“心理慰藉”' },
  { from: '物资救助', to: ['物质帮扶', '物资帮扶'], note: '日常说法；指南用“物质帮扶”' },
  { from: '就业技能', to: ['技能培训', '能力提升'], note: '能力提升还包括学业等，反过来太宽' },
  { from: '养老', to: ['老人', '老年人'], note: '“养老”说的是老年人的照料；老人不都是养老' },
  { from: '培训', to: ['技能培训', '能力提升'], note: '培训是能力提升的一种' },
  { from: '看病', to: ['医疗救助', '就医'], note: '日常说法；医疗救助不只看病' },
  { from: '上学', to: ['助学', '学业'], note: '日常说法' },
  { from: '孩子', to: ['儿童', '未成年人'], note: '日常说法' },
  { from: '孤寡老人', to: ['特困老人', '独居老人'], note: '特困供养的老人多为孤寡；反之不然' },
  { from: '吃饭难', to: ['助餐'], note: '助餐解决吃饭难；助餐不等于吃饭难' },
  { from: '老年助餐', to: ['老人 助餐', '老年人 助餐'], note: '老年助餐只是老人的助餐：不换成所有人群的“助餐”' },
  { from: '残疾补贴', to: ['残疾人两项补贴'], note: '两项补贴是残疾人补贴的正式名称' },
  { from: '慈善表彰', to: ['慈善奖'], note: '表彰页列的是各级慈善奖' },
];
