import { AWARDEE_KINDS } from '../../lib/content.ts';
import { componentType, enumOf, relation, string } from '../../lib/schema-kit.ts';

/**
 * content/schemas/award.ts `awardeeSchema`. Relations from a component are one-way; `oneToOne`
 * here does not make a charity unique to one award (like Strapi's own `createdBy`).
 */
export default componentType({
  collectionName: 'components_award_awardees',
  displayName: '获奖者',
  description: '获奖的组织、项目或个人；本门户上的慈善组织或项目请关联',
  attributes: {
    kind: enumOf(AWARDEE_KINDS),
    name: string(100),
    charity: relation('oneToOne', 'api::charity.charity'),
    project: relation('oneToOne', 'api::project.project'),
  },
});
