import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderAtom } from '../../../../site/lib/atom-feed.ts';

describe('renderAtom', () => {
  it('writes an Atom 1.0 feed with escaped entries and Beijing dates as instants', () => {
    const xml = renderAtom({
      title: '岷县助学 · 信息公开',
      description: '示例',
      selfUrl: 'https://x.example/projects/a/feed.xml',
      siteUrl: 'https://x.example/projects/a/',
      updated: '2026-04-05',
      items: [
        {
          title: '第一季度 <进展> & 支出',
          url: 'https://x.example/projects/a/#d-q1',
          published: '2026-04-05',
          summary: '涵盖期间：…',
          author: '甘肃省慈善总会',
          category: '项目进展',
        },
      ],
    });
    const feed = (new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: Record<string, unknown> }).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.updated).toBe('2026-04-04T16:00:00.000Z');
    const entry = feed.entry as Record<string, unknown>;
    expect(entry.title).toBe('第一季度 <进展> & 支出');
    expect(entry.id).toBe('https://x.example/projects/a/#d-q1');
    expect((entry.author as { name: string }).name).toBe('甘肃省慈善总会');
    expect(xml).toContain('&lt;进展&gt; &amp; 支出');
  });
});
