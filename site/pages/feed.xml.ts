import type { APIRoute } from 'astro';
import { DISCLOSURE_KINDS, labelOf } from '../../content/index.ts';
import { absoluteUrl, paths } from '../../content/paths.ts';
import { FEED_CONTENT_TYPE, renderFeed } from '../lib/feed.ts';
import { getSiteData } from '../lib/site-data.ts';

/** RSS feed of the newest disclosures, so the public (and journalists) can follow them. */
export const prerender = true;

const ITEMS = 50;

export const GET: APIRoute = async ({ site }) => {
  const data = await getSiteData();
  const abs = (path: string) => absoluteUrl(path, site);
  const items = data.disclosuresNewestFirst.slice(0, ITEMS).map((d) => {
    const view = data.projectBySlug.get(d.project);
    const summary = d.body.replace(/\s+/g, ' ').trim();
    return {
      title: `${view?.project.title ?? d.project}：${d.title}`,
      url: abs(paths.disclosureAnchor(d.project, d.slug)),
      published: d.publishedOn,
      summary: summary.length > 300 ? `${summary.slice(0, 300)}…` : summary,
      author: view?.charity.name ?? '慈善组织',
      category: labelOf(DISCLOSURE_KINDS, d.kind),
    };
  });
  const body = await renderFeed({
    title: '衔接 · 慈善项目信息公开',
    description: `最新 ${ITEMS} 条项目信息公开${data.demo ? '（示例数据）' : ''}`,
    selfUrl: abs(paths.feed()),
    siteUrl: abs(paths.home()),
    updated: data.disclosuresNewestFirst[0]?.publishedOn ?? data.today,
    items,
  });
  return new Response(body, { headers: { 'content-type': FEED_CONTENT_TYPE } });
};
