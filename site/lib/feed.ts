import { getRssString } from '@astrojs/rss';
import { escapeXml, removeXmlInvalid } from '../../content/contracts/escape.ts';

/**
 * The disclosures feed as RSS 2.0, written by @astrojs/rss. Items carry plain-text summaries; the
 * page has the rest. Beyond RSS's own elements: the item's charity as `dc:creator` (RSS's
 * `<author>` must be an e-mail address), the feed's own address as `atom:link rel="self"` and its
 * language, as feed validators ask.
 */
export interface FeedItem {
  title: string;
  url: string;
  /** ISO date or date-time. */
  published: string;
  summary: string;
  author: string;
  category?: string | undefined;
}

export interface Feed {
  title: string;
  description: string;
  selfUrl: string;
  siteUrl: string;
  /** When the newest item was published: ISO date or date-time. */
  updated: string;
  items: FeedItem[];
}

export const FEED_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';

/** `2025-07-16` → the instant that day begins in Beijing (the law counts Beijing days); a date-time as it is. */
export function beijingTime(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value);
}

export function renderFeed(feed: Feed): Promise<string> {
  return getRssString({
    title: removeXmlInvalid(feed.title),
    description: removeXmlInvalid(feed.description),
    site: feed.siteUrl,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: [
      '<language>zh-CN</language>',
      `<atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
      `<lastBuildDate>${beijingTime(feed.updated).toUTCString()}</lastBuildDate>`,
    ].join(''),
    items: feed.items.map((item) => ({
      title: removeXmlInvalid(item.title),
      link: item.url,
      pubDate: beijingTime(item.published),
      description: removeXmlInvalid(item.summary),
      categories: item.category ? [removeXmlInvalid(item.category)] : undefined,
      customData: `<dc:creator>${escapeXml(item.author)}</dc:creator>`,
    })),
  });
}
