import { describe, expect, it } from 'vitest';
import { CSV_BOM } from '../../../../site/lib/csv.ts';
import { DATASET_NAMES, datasetCsv, datasetJson, openDatasets } from '../../../../site/lib/open-data.ts';
import { demoSite } from '../../../support/fixtures/site.ts';

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
