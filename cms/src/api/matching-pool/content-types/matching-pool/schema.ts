import { MATCH_ELIGIBILITY } from '../../../../lib/content.ts';
import {
  collectionType,
  component,
  enumOf,
  fen,
  optionalString,
  relation,
  slug,
  string,
} from '../../../../lib/schema-kit.ts';

/** content/schemas/matching-pool.ts `matchingPoolSchema`: a sponsor's 配捐 on a campaign (issue 18). */
export default collectionType({
  collectionName: 'matching_pools',
  singularName: 'matching-pool',
  pluralName: 'matching-pools',
  displayName: '配捐',
  description: '企业或基金会在专题活动中的配捐规则与总额（金额单位：元，按分保存）',
  attributes: {
    slug: slug('title'),
    title: string(60),
    sponsor: component('matching.sponsor'),
    campaign: relation('manyToOne', 'api::campaign.campaign'),
    eligible: enumOf(MATCH_ELIGIBILITY),
    projects: relation('manyToMany', 'api::project.project'),
    window: component('shared.date-window'),
    tiers: component('matching.tier', { repeatable: true }),
    capPerGiftFen: fen(),
    capPerDonorDayFen: fen(),
    capPerProjectFen: fen(),
    totalFen: fen(),
    note: optionalString(300),
  },
});
