import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../content/contracts/escape.ts';
import { renderAtom } from '../../../site/lib/atom-feed.ts';
import { CSV_BOM } from '../../../site/lib/csv.ts';
import { DATASET_NAMES, datasetCsv, datasetJson, openDatasets } from '../../../site/lib/open-data.ts';
import { renderSitemap } from '../../../site/lib/sitemap.ts';
import { demoSite } from './fixtures.ts';

describe('open data files', () => {
  const site = demoSite();
  const datasets = openDatasets('https://xianjie.example.org');

  for (const name of DATASET_NAMES) {
    it(`${name}: CSV header and JSON fields follow the documented columns, one row per item`, () => {
      const dataset = datasets[name] as Parameters<typeof datasetCsv>[0];
      const csv = datasetCsv(dataset, site);
      expect(csv.startsWith(CSV_BOM)).toBe(true);
      const lines = csv.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(dataset.columns.map((c) => c.name).join(','));
      const count = dataset.items(site).length;
      // Text cells in the demo carry no line breaks, so one line is one row.
      expect(lines.length - 1).toBe(count);
      const json = JSON.parse(datasetJson(dataset, site)) as {
        count: number;
        items: Record<string, unknown>[];
        fields: { name: string }[];
      };
      expect(json.count).toBe(count);
      expect(json.fields.map((f) => f.name)).toEqual(dataset.columns.map((c) => c.name));
      expect(Object.keys(json.items[0] ?? {})).toEqual(dataset.columns.map((c) => c.name));
    });
  }

  it('keeps money in integer fen and links to absolute URLs', () => {
    const json = JSON.parse(datasetJson(datasets.projects as Parameters<typeof datasetJson>[0], site)) as {
      items: { raised_fen: number; url: string; target_groups: string[] }[];
    };
    for (const item of json.items) {
      expect(Number.isSafeInteger(item.raised_fen)).toBe(true);
      expect(item.url).toMatch(/^https:\/\/xianjie\.example\.org\/projects\/[a-z0-9-]+\/$/);
      expect(Array.isArray(item.target_groups)).toBe(true);
    }
  });

  it('never publishes consent records or anything about donors', () => {
    for (const name of DATASET_NAMES) {
      const names = datasets[name].columns.map((c) => c.name).join(' ');
      expect(names).not.toMatch(/consent|guardian|donor|donation_id/);
    }
  });
});

describe('feeds and the sitemap', () => {
  it('escapes XML', () => {
    expect(escapeXml('a < b & "c" \'d\' >')).toBe('a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt;');
    expect(escapeXml('bell\u0007')).toBe('bell');
  });

  it('writes an Atom feed with escaped text and Beijing dates', () => {
    const xml = renderAtom({
      id: 'https://x/feed.xml',
      title: 'T & T',
      subtitle: 's',
      selfUrl: 'https://x/feed.xml',
      siteUrl: 'https://x/',
      updated: '2026-11-27',
      entries: [
        {
          id: 'https://x/a',
          title: '<b>',
          url: 'https://x/a?x=1&y=2',
          updated: '2026-11-26',
          summary: 's',
          author: 'A',
        },
      ],
    });
    expect(xml).toContain('<title>T &amp; T</title>');
    expect(xml).toContain('<title>&lt;b&gt;</title>');
    expect(xml).toContain('href="https://x/a?x=1&amp;y=2"');
    expect(xml).toContain('<updated>2026-11-26T00:00:00+08:00</updated>');
  });

  it('writes a sitemap and refuses to exceed the protocol limit', () => {
    expect(renderSitemap([{ loc: 'https://x/a&b', lastmod: '2026-01-01' }])).toContain(
      '<url><loc>https://x/a&amp;b</loc><lastmod>2026-01-01</lastmod></url>',
    );
    expect(() => renderSitemap(Array.from({ length: 50_001 }, (_, i) => ({ loc: `https://x/${i}` })))).toThrow();
  });
});
