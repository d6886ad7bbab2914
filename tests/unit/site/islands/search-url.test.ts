import { describe, expect, it } from 'vitest';
import { PAGEFIND_ONLY, parseBrowserSearchConfig } from '../../../../content/search/browser-config.ts';
import { pagefindQueryText } from '../../../../search/client/pagefind-engine.ts';
import { readSearchUrl, searchUrlQuery, toggleFilter } from '../../../../site/islands/search-url.ts';

/** The island's URL state and its reading of search-config.json, without a browser. */
describe('search page URL state', () => {
  it('reads the query, known facets (repeated for several values) and the page', () => {
    const s = readSearchUrl('?q=%E5%A4%B1%E8%83%BD&type=project&province=甘肃省&province=青海省&page=2&nope=1');
    expect(s).toEqual({ q: '失能', filters: { type: ['project'], province: ['甘肃省', '青海省'] }, page: 2 });
  });

  it('round-trips, so a shared URL reproduces the search', () => {
    const s = readSearchUrl('?q=低保&acceptingDonations=true&targetGroup=失能/半失能老年人');
    expect(readSearchUrl(searchUrlQuery(s))).toEqual(s);
    expect(searchUrlQuery({ q: '', filters: {}, page: 1 })).toBe('');
  });

  it('ignores bad pages and empty or overlong values', () => {
    expect(readSearchUrl('?page=-3').page).toBe(1);
    expect(readSearchUrl('?page=abc').page).toBe(1);
    expect(readSearchUrl(`?province=&charity=${'x'.repeat(101)}`).filters).toEqual({});
  });

  it('toggles a facet value and goes back to page 1', () => {
    const s = { q: 'x', filters: { province: ['甘肃省'] }, page: 3 };
    expect(toggleFilter(s, 'province', '青海省', true)).toEqual({
      q: 'x',
      filters: { province: ['甘肃省', '青海省'] },
      page: 1,
    });
    expect(toggleFilter(s, 'province', '甘肃省', false)).toEqual({ q: 'x', filters: {}, page: 1 });
  });
});

describe('search-config.json', () => {
  const meili = {
    host: 'https://search.example.cn',
    indexUid: 'xianjie-content',
    apiKey: 'k',
    expiresAt: '2099-01-01T00:00:00Z',
  };

  it('uses Meilisearch only with a complete, unexpired search config', () => {
    expect(parseBrowserSearchConfig({ engine: 'meilisearch', pagefindPath: '/pagefind/', meilisearch: meili })).toEqual(
      {
        engine: 'meilisearch',
        pagefindPath: '/pagefind/',
        meilisearch: meili,
      },
    );
    const expired = { ...meili, expiresAt: '2000-01-01T00:00:00Z' };
    expect(parseBrowserSearchConfig({ engine: 'meilisearch', meilisearch: expired }).engine).toBe('pagefind');
    expect(
      parseBrowserSearchConfig({ engine: 'meilisearch', meilisearch: { ...meili, host: 'javascript:x' } }),
    ).toEqual(PAGEFIND_ONLY);
  });

  it('falls back to Pagefind for anything malformed', () => {
    for (const bad of [null, 'x', 1, [], {}, { engine: 'meilisearch' }, { pagefindPath: '//evil.example/' }]) {
      expect(parseBrowserSearchConfig(bad)).toEqual(PAGEFIND_ONLY);
    }
  });
});

describe('what Pagefind searches for a query', () => {
  it('drops markup and lone ASCII characters, keeps words', () => {
    expect(pagefindQueryText('<script>alert(1)</script>')).toBe('alert');
    expect(pagefindQueryText('失能老人 甘肃')).toBe('失能老人 甘肃');
    expect(pagefindQueryText('2025年 低保')).toBe('2025年 低保');
    expect(pagefindQueryText('<b>')).toBe('');
    expect(pagefindQueryText('a 1 ( )')).toBe('');
  });
});
