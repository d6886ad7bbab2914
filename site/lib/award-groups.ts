import { AWARD_CATEGORIES, type Award, type AwardCategory } from '../../content/index.ts';

/** Awards of one year grouped by award and edition, then by category in the official order. */
export interface EditionGroup {
  id: string;
  name: string;
  edition: string;
  year: number;
  count: number;
  categories: { category: AwardCategory; awards: Award[] }[];
}

export function groupByEdition(awards: readonly Award[]): EditionGroup[] {
  const editions = new Map<string, Award[]>();
  for (const a of awards) {
    const key = `${a.year}|${a.name}|${a.edition}`;
    const list = editions.get(key) ?? [];
    list.push(a);
    editions.set(key, list);
  }
  const order = Object.keys(AWARD_CATEGORIES) as AwardCategory[];
  return [...editions.values()]
    .map((list) => {
      const first = list[0] as Award;
      return {
        id: '',
        name: first.name,
        edition: first.edition,
        year: first.year,
        count: list.length,
        categories: order
          .map((category) => ({ category, awards: list.filter((a) => a.category === category) }))
          .filter((c) => c.awards.length > 0),
      };
    })
    .sort(
      (a, b) =>
        b.year - a.year ||
        (a.name === '中华慈善奖' ? -1 : b.name === '中华慈善奖' ? 1 : a.name.localeCompare(b.name, 'zh-CN')),
    )
    .map((group, i) => ({ ...group, id: `edition-${i + 1}` }));
}

export function awardYears(awards: readonly Award[]): number[] {
  return [...new Set(awards.map((a) => a.year))].sort((a, b) => b - a);
}
