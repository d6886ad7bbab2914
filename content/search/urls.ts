import { paths } from '../paths.ts';

/**
 * The site's URL scheme for the things search links to, taken from `content/paths.ts` (the one
 * place the site's URLs are made; it imports nothing, so it is safe in Node and the browser).
 * `SearchPaths` stays an injectable seam for tests; tests/unit/search/documents.test.ts pins the
 * shapes.
 */
export interface SearchPaths {
  project: (slug: string) => string;
  charity: (slug: string) => string;
  typicalCase: (slug: string) => string;
  need: (provinceCode: string, slug: string) => string;
  disclosure: (projectSlug: string, disclosureSlug: string) => string;
  campaign: (slug: string) => string;
  /** Awards have no page of their own: the year's page lists them, each entry with its own anchor. */
  award: (year: number, slug: string) => string;
}

export const searchPaths: SearchPaths = {
  project: paths.project,
  charity: paths.charity,
  typicalCase: paths.typicalCase,
  need: paths.need,
  disclosure: paths.disclosureAnchor,
  campaign: (slug) => paths.campaign(slug),
  award: paths.awardAnchor,
};
