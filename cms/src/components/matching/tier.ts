import { componentType, fen, integer } from '../../lib/schema-kit.ts';

/** content/schemas/matching-pool.ts `matchTierSchema`: one bracket of the match. */
export default componentType({
  collectionName: 'components_matching_tiers',
  displayName: '配捐档位',
  description: '捐款中从某金额起的部分按比例配捐',
  attributes: {
    fromFen: fen(),
    percent: integer(1, 300),
  },
});
