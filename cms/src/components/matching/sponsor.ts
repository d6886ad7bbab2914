import { boolean, componentType, string } from '../../lib/schema-kit.ts';

/** content/schemas/matching-pool.ts `sponsor`: who pledges the match. */
export default componentType({
  collectionName: 'components_matching_sponsors',
  displayName: '配捐方',
  description: '配捐的企业或基金会',
  attributes: {
    name: string(100),
    creditCode: string(18),
    public: boolean(true),
  },
});
