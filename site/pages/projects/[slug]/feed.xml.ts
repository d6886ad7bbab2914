import type { APIRoute } from 'astro';
import { DISCLOSURE_KINDS, formatRange, formatYuan, labelOf } from '../../../../content/index.ts';
import { absoluteUrl, paths } from '../../../../content/paths.ts';
import { ATOM_CONTENT_TYPE, renderAtom } from '../../../lib/atom-feed.ts';
import { getSiteData, type ProjectView } from '../../../lib/site-data.ts';

/**
 * One Atom feed per project (`/projects/<slug>/feed.xml`): its published disclosures, newest
 * first, each with its period and expense total — the same news a subscriber's mail carries, for
 * those who give no address. Built with the site; nothing in it comes from the ledger.
 */
export const prerender = true;

export async function getStaticPaths() {
  const site = await getSiteData();
  return site.projects.map((view) => ({ params: { slug: view.project.slug }, props: { view } }));
}

export const GET: APIRoute = async ({ site, props }) => {
  const data = await getSiteData();
  const { project, charity, disclosures } = (props as { view: ProjectView }).view;
  const abs = (path: string) => absoluteUrl(path, site);
  const shown = disclosures.filter((d) => d.publishedOn <= data.today).reverse();
  const items = shown.map((d) => {
    const spent = d.expenses.reduce((sum, line) => sum + line.amountFen, 0);
    const body = d.body.replace(/\s+/g, ' ').trim();
    return {
      title: d.title,
      url: abs(paths.disclosureAnchor(project.slug, d.slug)),
      published: d.publishedOn,
      summary: `涵盖期间：${formatRange(d.period)}；本期支出合计：${formatYuan(spent)}。${body.length > 300 ? `${body.slice(0, 300)}…` : body}`,
      author: charity.name,
      category: labelOf(DISCLOSURE_KINDS, d.kind),
    };
  });
  const body = renderAtom({
    title: `${project.title} · 信息公开`,
    description: `${charity.name}「${project.title}」的信息公开${data.demo ? '（示例数据）' : ''}`,
    selfUrl: abs(paths.projectFeed(project.slug)),
    siteUrl: abs(paths.project(project.slug)),
    updated: shown[0]?.publishedOn ?? project.publishedOn,
    items,
  });
  return new Response(body, { headers: { 'content-type': ATOM_CONTENT_TYPE } });
};
