import { componentType, optionalString, string } from '../../lib/schema-kit.ts';

/** content/schemas/charity.ts `contact`: the organisation's public contact (never a beneficiary's). */
export default componentType({
  collectionName: 'components_charity_contacts',
  displayName: '联系方式',
  description: '慈善组织对外公开的联系方式',
  attributes: {
    phone: string(40),
    email: optionalString(254),
    address: string(120),
    website: optionalString(255),
  },
});
