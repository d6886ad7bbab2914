// @ts-check
/**
 * DESIGN.md "Arrows point one way", as dependency-cruiser rules. `npm run check` runs them through
 * scripts/check-arrows.ts, which also applies them to the imports in `.astro` frontmatter (which
 * dependency-cruiser does not parse), refuses a cycle between rooms and accepts the temporary
 * edges of scripts/arrows-allowance.json. `npx depcruise <dirs> --config .dependency-cruiser.mjs`
 * uses this file too (TypeScript files only, no allowance).
 *
 * Paths are relative to the repository root. `tests/` may import anything; `bench/` may import
 * any room's internals (it measures them) but no test file. A room reaches another room through
 * that room's (or part's) `index.ts` face; `content/` is the exception — it is the shared
 * vocabulary, imported file by file where that keeps a browser bundle small.
 */
/** The rooms (DESIGN.md) and the folders scripts/check-arrows.ts cruises. */
export const ROOMS = [
  'content',
  'datasets',
  'cms',
  'site',
  'search',
  'donations',
  'referrals',
  'publisher',
  'tests',
  'bench',
];
/** @param {string} rooms */
const ours = (rooms) => `^(${rooms})/`;

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
export const forbidden = [
  // content/: the vocabulary imports nothing of ours, and only content/node may use Node.
  {
    name: 'content-imports-nothing-of-ours',
    comment: 'content/ is the vocabulary every room imports; it imports no other room.',
    severity: 'error',
    from: { path: '^content/' },
    to: { path: ours('datasets|cms|site|search|donations|referrals|publisher|tests|bench') },
  },
  {
    name: 'content-browser-safe',
    comment: 'Only content/node/ may use Node built-ins; the rest of content/ runs in the browser too.',
    severity: 'error',
    from: { path: '^content/', pathNot: '^content/node/' },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'content-node-stays-out-of-browser-content',
    comment: 'Browser-safe content/ must not pull in content/node/ (file access, the environment).',
    severity: 'error',
    from: { path: '^content/', pathNot: '^content/node/' },
    to: { path: '^content/node/' },
  },
  // datasets/: the generator reads and writes the snapshot format, nothing else of ours.
  {
    name: 'datasets-imports-only-content',
    severity: 'error',
    from: { path: '^datasets/' },
    to: { path: ours('cms|site|search|donations|referrals|publisher|tests|bench') },
  },
  // cms/: reached over HTTP only; it imports only content/.
  {
    name: 'nothing-imports-cms',
    comment: 'The CMS is reached over HTTP (webhook, REST), never imported.',
    severity: 'error',
    from: { pathNot: '^(cms|tests)/' },
    to: { path: '^cms/' },
  },
  {
    name: 'cms-imports-only-content',
    severity: 'error',
    from: { path: '^cms/' },
    to: { path: ours('datasets|site|search|donations|referrals|publisher|tests|bench') },
  },
  // site/: content/, search/client through its face, and donations/referrals only from API routes.
  {
    name: 'site-not-into-other-rooms',
    comment: 'site/ builds pages from content/; the publisher starts its build as a program.',
    severity: 'error',
    from: { path: '^site/' },
    to: { path: ours('datasets|cms|publisher|tests|bench') },
  },
  {
    name: 'site-reaches-donations-only-from-api-routes',
    comment: 'Only the thin API routes under site/pages/api/ mount donations (and referrals), through the face.',
    severity: 'error',
    from: { path: '^site/' },
    to: {
      path: '^(donations|referrals)/',
      pathNot: '^(donations|referrals)/index\\.ts$',
    },
  },
  {
    name: 'site-pages-api-only',
    comment: 'Pages, components and islands reach donations through HTTP and the contracts in content/.',
    severity: 'error',
    from: { path: '^site/', pathNot: '^site/pages/api/' },
    to: { path: '^(donations|referrals)/index\\.ts$' },
  },
  {
    name: 'site-uses-search-client-face',
    comment: 'site/ uses the one browser search client (search/client/index.ts).',
    severity: 'error',
    from: {
      path: '^site/',
      pathNot: '^site/(pages/search/results\\.(astro|json\\.ts)|lib/render/search-results-view\\.ts)$',
    },
    to: { path: '^search/', pathNot: '^search/client/index\\.ts$' },
  },
  {
    name: 'site-search-results-use-server-face',
    comment: 'The server-rendered results page (and its JSON) reach the engine through search/server/index.ts.',
    severity: 'error',
    from: { path: '^site/(pages/search/results\\.(astro|json\\.ts)|lib/render/search-results-view\\.ts)$' },
    to: { path: '^search/', pathNot: '^search/(client|server)/index\\.ts$' },
  },
  {
    name: 'islands-browser-safe',
    comment: 'Islands run in the browser: no Node built-ins, no content/node.',
    severity: 'error',
    from: { path: '^site/islands/' },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'islands-not-content-node',
    severity: 'error',
    from: { path: '^site/islands/' },
    to: { path: '^content/node/' },
  },
  // search/: no other room's config or code; its server part reads release files only.
  {
    name: 'search-not-into-other-rooms',
    comment: 'search/ reads content/ and release files; never site/, donations/, publisher/ or cms/.',
    severity: 'error',
    from: { path: '^search/' },
    to: { path: ours('datasets|cms|site|donations|referrals|publisher|tests|bench') },
  },
  // donations/ (and referrals/): the API rooms import content/ only.
  {
    name: 'donations-imports-only-content',
    severity: 'error',
    from: { path: '^(donations|referrals)/' },
    to: { path: ours('datasets|cms|site|search|publisher|tests|bench') },
  },
  // publisher/: starts site's build and the index program as programs; mounts the API faces.
  {
    name: 'publisher-not-into-site',
    comment: "The publisher starts site's build as a program (a child process), never imports it.",
    severity: 'error',
    from: { path: '^publisher/' },
    to: { path: ours('site|datasets|cms|tests|bench') },
  },
  {
    name: 'publisher-through-faces',
    comment: 'The publisher reaches donations/referrals and search/index only through their index.ts faces.',
    severity: 'error',
    from: { path: '^publisher/' },
    to: {
      path: '^(donations|referrals|search)/',
      pathNot: '^(donations/index|referrals/index|search/index/index)\\.ts$',
    },
  },
  // bench/: measures any room, imports no test.
  {
    name: 'bench-imports-no-test',
    comment: 'A benchmark keeps its own harness: a test change must not move a baseline.',
    severity: 'error',
    from: { path: '^bench/' },
    to: { path: '^tests/' },
  },
];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: '(^|/)(dist|build|\\.data|\\.astro|\\.strapi)/|^cms/types/generated/',
    },
    // Type-only imports are arrows too: a type from another room's internals couples to them.
    tsPreCompilationDeps: true,
    // Every import names its file with the extension, so no tsconfig paths are needed to resolve.
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js'],
    },
    skipAnalysisNotInRules: true,
  },
};
