import type { SearchDocument } from '../../../content/search/documents.ts';

/** A minimal project search document for tests of the server search's sources. */
export function projectDocument(slug: string, title = slug): SearchDocument {
  return {
    id: `project-${slug}`,
    type: 'project',
    slug,
    url: `/projects/${slug}/`,
    title,
    summary: '',
    body: '',
    keywords: [],
    province: ['甘肃省'],
    region: ['甘肃省定西市岷县'],
    targetGroup: [],
    serviceType: [],
    status: '募集中',
    acceptingDonations: true,
    keyCounty: true,
    charity: [],
    project: null,
    projectSlug: null,
    publishedOn: '2025-01-01',
    typeRank: 0,
  };
}
