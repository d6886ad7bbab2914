/**
 * Every URL the site links to, in one place, so pages, the sitemap, the feed and the open data
 * agree. All paths end with `/` (build.format 'directory').
 */
export const paths = {
  home: () => '/',
  projects: () => '/projects/',
  project: (slug: string) => `/projects/${slug}/`,
  /** The project's disclosures as Atom (for following it without an e-mail address). */
  projectFeed: (slug: string) => `/projects/${slug}/feed.xml`,
  charities: (page = 1) => (page <= 1 ? '/charities/' : `/charities/p/${page}/`),
  charity: (slug: string) => `/charities/${slug}/`,
  needs: () => '/needs/',
  needsInProvince: (provinceCode: string) => `/needs/${provinceCode}/`,
  need: (provinceCode: string, slug: string) => `/needs/${provinceCode}/#need-${slug}`,
  typicalCases: (page = 1) => (page <= 1 ? '/cases/' : `/cases/p/${page}/`),
  typicalCase: (slug: string) => `/cases/${slug}/`,
  awards: () => '/awards/',
  awardYear: (year: number) => `/awards/${year}/`,
  /** One award on its year's page (site/lib/render/award-list.ts gives each entry this id). */
  awardAnchor: (year: number, awardSlug: string) => `/awards/${year}/#award-${awardSlug}`,
  campaigns: () => '/campaigns/',
  campaign: (slug: string, page = 1) => (page <= 1 ? `/campaigns/${slug}/` : `/campaigns/${slug}/p/${page}/`),
  transparency: () => '/transparency/',
  overdue: (page = 1) => (page <= 1 ? '/transparency/overdue/' : `/transparency/overdue/p/${page}/`),
  openData: () => '/data/',
  dataFile: (name: string) => `/data/${name}`,
  feed: () => '/feed.xml',
  sitemap: () => '/sitemap.xml',
  search: () => '/search/',
  about: () => '/about/',
  /** 发起一起捐 for a project (the form reads `?project=`). */
  teamStart: (projectSlug: string) => `/teams/new/?project=${encodeURIComponent(projectSlug)}`,
  disclosureAnchor: (projectSlug: string, disclosureSlug: string) => `/projects/${projectSlug}/#d-${disclosureSlug}`,
  /** Share images (Open Graph): one per project, typical case and campaign, one for every other page. */
  shareImage: {
    default: () => '/og/default.png',
    project: (slug: string) => `/og/projects/${slug}.png`,
    typicalCase: (slug: string) => `/og/cases/${slug}.png`,
    campaign: (slug: string) => `/og/campaigns/${slug}.png`,
  },
} as const;

/** Absolute URL for feeds, the sitemap and data files. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return new URL(path, site ?? 'http://127.0.0.1:4321').href;
}
