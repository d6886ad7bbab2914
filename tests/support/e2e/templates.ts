import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sitemapPages } from './sitemap-files.ts';

/**
 * One URL for every page template of the built demo site, picked from the site's own open data
 * (so the choice follows the content): used by the axe and size checks.
 */
interface ProjectRow {
  slug: string;
  charity_slug: string;
  accepting_donations: boolean;
  disclosure_overdue: boolean;
}
interface NeedRow {
  url: string;
}

export interface Templates {
  [name: string]: string;
}

export async function templateUrls(clientDir: string): Promise<Templates> {
  const projects = JSON.parse(await readFile(join(clientDir, 'data', 'projects.json'), 'utf8')) as {
    items: ProjectRow[];
  };
  const needs = JSON.parse(await readFile(join(clientDir, 'data', 'needs.json'), 'utf8')) as { items: NeedRow[] };
  const accepting = projects.items.find((p) => p.accepting_donations);
  const overdue = projects.items.find((p) => p.disclosure_overdue);
  const closed = projects.items.find((p) => !p.accepting_donations && !p.disclosure_overdue);
  if (!accepting || !overdue || !closed) throw new Error('演示数据中缺少可捐赠、逾期或不可捐赠的项目');
  const needPage = new URL(needs.items[0]?.url ?? 'http://x/needs/').pathname;
  const listed = (await sitemapPages((path) => readFile(join(clientDir, path), 'utf8'))).map((p) => p.url);
  const firstOf = (pattern: RegExp) => {
    const url = listed.find((u) => pattern.test(u));
    if (!url) throw new Error(`站点地图中没有 ${pattern}`);
    return url;
  };
  return {
    home: '/',
    projects: '/projects/',
    'projects, two filters, page 2': '/projects/status/fundraising/accepting/yes/p/2/',
    'project accepting donations': `/projects/${accepting.slug}/`,
    'project with overdue disclosures': `/projects/${overdue.slug}/`,
    'project not accepting donations': `/projects/${closed.slug}/`,
    charity: `/charities/${overdue.charity_slug}/`,
    charities: '/charities/',
    needs: '/needs/',
    'needs of a province': needPage,
    'typical cases': '/cases/',
    'typical case': new URL(firstOf(/\/cases\/[a-z0-9-]+\/$/)).pathname,
    awards: '/awards/',
    'awards of a year': new URL(firstOf(/\/awards\/\d{4}\/$/)).pathname,
    campaigns: '/campaigns/',
    campaign: new URL(firstOf(/\/campaigns\/[a-z0-9-]+\/$/)).pathname,
    transparency: '/transparency/',
    'overdue list': '/transparency/overdue/',
    'open data': '/data/',
    search: '/search/',
    about: '/about/',
    'not found': '/no-such-page/',
  };
}
