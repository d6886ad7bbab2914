import { AWARD_CATEGORIES } from '../../../../lib/content.ts';
import { collectionType, component, date, enumOf, slug, string, text, year } from '../../../../lib/schema-kit.ts';

/** content/schemas/award.ts `awardSchema`: 中华慈善奖 and other commendations. */
export default collectionType({
  collectionName: 'awards',
  singularName: 'award',
  pluralName: 'awards',
  displayName: '表彰',
  description: '中华慈善奖等表彰：届次、类别、获奖者、表彰文号',
  attributes: {
    slug: slug(),
    name: string(40),
    edition: string(20),
    year: year(2005, 2100),
    category: enumOf(AWARD_CATEGORIES),
    awardee: component('award.awardee'),
    citation: text(1000),
    documentNumber: string(40),
    announcedOn: date(),
  },
});
