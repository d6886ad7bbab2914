import { collectionType, component, markdown, relation, slug, string } from '../../../../lib/schema-kit.ts';

/** content/schemas/campaign.ts `campaignSchema`, e.g. the 9月5日 中华慈善日 campaign. */
export default collectionType({
  collectionName: 'campaigns',
  singularName: 'campaign',
  pluralName: 'campaigns',
  displayName: '专题活动',
  description: '专题活动（如中华慈善日）；项目在“慈善项目”中选择参加的活动',
  attributes: {
    slug: slug('title'),
    title: string(60),
    theme: string(120),
    window: component('shared.date-window'),
    description: markdown(5000),
    organiser: string(60),
    projects: relation('manyToMany', 'api::project.project', { mappedBy: 'campaigns' }),
  },
});
