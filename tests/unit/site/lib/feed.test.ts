import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { beijingTime, type Feed, renderFeed } from '../../../../site/lib/feed.ts';

const feed: Feed = {
  title: 'T & T',
  description: 's',
  selfUrl: 'https://x/feed.xml',
  siteUrl: 'https://x/',
  updated: '2026-11-27',
  items: [
    {
      title: '<b>',
      url: 'https://x/a?x=1&y=2',
      published: '2026-11-26',
      summary: '支出 3 笔 & 结余\u0007',
      author: '甘南 & 陇原基金会',
      category: '年度报告',
    },
    { title: '第二条', url: 'https://x/b', published: '2026-11-20T10:30:00+08:00', summary: 's2', author: 'B' },
  ],
};

interface ParsedItem {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  description: string;
  pubDate: string;
  'dc:creator': string;
  category?: string;
}

async function parsed() {
  const xml = await renderFeed(feed);
  const root = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => name === 'item',
  }).parse(xml) as {
    rss: {
      '@_version': string;
      channel: Record<string, unknown> & { item: ParsedItem[] };
    };
  };
  return { xml, rss: root.rss };
}

describe('the disclosures feed (RSS 2.0)', () => {
  it('is well-formed XML with the elements RSS 2.0 requires', async () => {
    const { xml, rss } = await parsed();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toBe('T & T');
    expect(rss.channel.link).toBe('https://x/');
    expect(rss.channel.description).toBe('s');
    expect(rss.channel.language).toBe('zh-CN');
    expect(rss.channel['atom:link']).toEqual({
      '@_href': 'https://x/feed.xml',
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    });
    expect(rss.channel.item).toHaveLength(2);
  });

  it('escapes text and links', async () => {
    const { xml, rss } = await parsed();
    expect(xml).toContain('<title>T &amp; T</title>');
    expect(xml).toContain('<title>&lt;b&gt;</title>');
    expect(xml).toContain('<link>https://x/a?x=1&amp;y=2</link>');
    const [first] = rss.channel.item;
    expect(first?.title).toBe('<b>');
    expect(first?.link).toBe('https://x/a?x=1&y=2');
    expect(first?.guid).toEqual({ '#text': 'https://x/a?x=1&y=2', '@_isPermaLink': 'true' });
    expect(first?.['dc:creator']).toBe('甘南 & 陇原基金会');
    expect(first?.category).toBe('年度报告');
  });

  it('drops characters XML forbids from the text', async () => {
    const { xml, rss } = await parsed();
    expect(xml).not.toContain('\u0007');
    expect(rss.channel.item[0]?.description).toBe('支出 3 笔 & 结余');
  });

  it('dates items and the feed by Beijing days', async () => {
    const { rss } = await parsed();
    expect(rss.channel.item[0]?.pubDate).toBe('Wed, 25 Nov 2026 16:00:00 GMT');
    expect(rss.channel.item[1]?.pubDate).toBe('Fri, 20 Nov 2026 02:30:00 GMT');
    expect(rss.channel.lastBuildDate).toBe('Thu, 26 Nov 2026 16:00:00 GMT');
    expect(beijingTime('2026-11-26').toISOString()).toBe('2026-11-25T16:00:00.000Z');
  });

  it('leaves out the category of an item that has none', async () => {
    const { rss } = await parsed();
    expect(rss.channel.item[1]).not.toHaveProperty('category');
  });
});
