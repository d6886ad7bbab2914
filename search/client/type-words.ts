import type { SearchType } from '../../content/search/settings.ts';

/**
 * Words that name a type (issue 20): a query saying 项目 or 慈善奖 wants that type first. Both
 * engines boost the named type by `NAMED_TYPE_BOOST` — the server per query variant
 * (search/server/in-process.ts), the island's Pagefind engine as a type class of its own.
 */
export const TYPE_WORDS: Readonly<Record<string, SearchType>> = {
  项目: 'project',
  慈善项目: 'project',
  慈善组织: 'charity',
  基金会: 'charity',
  案例: 'typical-case',
  需求: 'need',
  活动: 'campaign',
  慈善奖: 'award',
  表彰: 'award',
  信息公开: 'disclosure',
};

export const NAMED_TYPE_BOOST = 1.5;

/** The type one word names exactly (the server, which has jieba's words). */
export const typeOfWord = (word: string): SearchType | undefined =>
  Object.hasOwn(TYPE_WORDS, word) ? TYPE_WORDS[word] : undefined;

/**
 * The types `text` names (by substring, for the island, which has no words: 四川慈善奖 names an
 * award), and a campaign when it says a campaign's name (the vocabulary's `campaigns`: 中华慈善日).
 */
export function namedTypes(text: string, campaigns: readonly string[] = []): SearchType[] {
  const named = Object.entries(TYPE_WORDS).flatMap(([word, type]) => (text.includes(word) ? [type] : []));
  if (campaigns.some((name) => text.includes(name))) named.push('campaign');
  return [...new Set(named)];
}
