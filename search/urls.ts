/**
 * The site's URL scheme for the things search links to — a copy of the few entries of
 * `site/lib/paths.ts` that search needs (search/ must not import site/). When the site exposes
 * its paths to other rooms, swap this object for that import; the tests in
 * tests/unit/search/documents.test.ts pin the shapes so a drift shows up there.
 */
export interface SearchPaths {
  project: (slug: string) => string;
  charity: (slug: string) => string;
  typicalCase: (slug: string) => string;
  need: (provinceCode: string, slug: string) => string;
  disclosure: (projectSlug: string, disclosureSlug: string) => string;
}

export const searchPaths: SearchPaths = {
  project: (slug) => `/projects/${slug}/`,
  charity: (slug) => `/charities/${slug}/`,
  typicalCase: (slug) => `/cases/${slug}/`,
  need: (provinceCode, slug) => `/needs/${provinceCode}/#need-${slug}`,
  disclosure: (projectSlug, disclosureSlug) => `/projects/${projectSlug}/#d-${disclosureSlug}`,
};
