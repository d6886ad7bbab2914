import { PARTNER_TYPES } from '../../lib/content.ts';
import { componentType, enumOf, optionalString, string } from '../../lib/schema-kit.ts';

/** content/schemas/project.ts `partnerSchema`: 合作方 named in the filed plan. */
export default componentType({
  collectionName: 'components_project_partners',
  displayName: '合作方',
  description: '募捐方案中列明的合作方；不具备资格的合作方不得自行收取善款',
  attributes: {
    name: string(100),
    creditCode: optionalString(18),
    type: enumOf(PARTNER_TYPES),
    role: string(200),
  },
});
