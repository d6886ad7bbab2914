import { escapeXml } from '../../content/contracts/escape.ts';
import { beijingTime, type Feed } from './feed.ts';

/**
 * A feed as Atom 1.0 (RFC 4287): the per-project disclosures feed (`/projects/<slug>/feed.xml`),
 * for people who follow a project without giving an address. Same items as the site's RSS
 * (lib/feed.ts): plain-text summaries, the charity as author, Beijing dates as instants.
 */
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

export function renderAtom(feed: Feed): string {
  const entries = feed.items.map((item) => {
    const at = beijingTime(item.published).toISOString();
    return [
      '<entry>',
      `<id>${escapeXml(item.url)}</id>`,
      `<title>${escapeXml(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
      `<published>${at}</published>`,
      `<updated>${at}</updated>`,
      `<author><name>${escapeXml(item.author)}</name></author>`,
      item.category ? `<category term="${escapeXml(item.category)}"/>` : '',
      `<summary type="text">${escapeXml(item.summary)}</summary>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<id>${escapeXml(feed.selfUrl)}</id>`,
    `<title>${escapeXml(feed.title)}</title>`,
    `<subtitle>${escapeXml(feed.description)}</subtitle>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>`,
    `<updated>${beijingTime(feed.updated).toISOString()}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
