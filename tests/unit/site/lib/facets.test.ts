import { describe, expect, it } from 'vitest';
import { facetGroups } from '../../../../site/lib/facet-nav.ts';
import {
  type FacetValues,
  facetCombinations,
  listingParam,
  listingPath,
  parseListingParam,
  selectionKey,
  selectionOfKey,
  sortable,
} from '../../../../site/lib/facets.ts';
import { demoSite } from '../../../support/fixtures/site.ts';

const v = (region: string[], group: string[], service: string[], status: string, accepting: boolean): FacetValues => ({
  region,
  group,
  service,
  status: [status],
  accepting: accepting ? ['yes'] : [],
});

describe('facet URLs', () => {
  it('puts facets in one canonical order whatever order they were chosen in', () => {
    expect(selectionKey({ group: 'minors', region: '620000' })).toBe('region/620000/group/minors');
    expect(listingPath({ status: 'fundraising', group: 'minors' }, 3)).toBe(
      '/projects/group/minors/status/fundraising/p/3/',
    );
    expect(listingPath({})).toBe('/projects/');
    expect(listingPath({}, 2)).toBe('/projects/p/2/');
    expect(listingParam({})).toBeUndefined();
  });

  it('round-trips every listing parameter', () => {
    for (const [selection, page] of [
      [{}, 2],
      [{ region: '620000' }, 1],
      [{ region: '620000', accepting: 'yes' }, 7],
      [{ service: 'medical', status: 'completed' }, 1],
    ] as const) {
      expect(parseListingParam(listingParam(selection, page))).toEqual({ selection, page });
    }
  });

  it('rejects non-canonical and unsupported parameters', () => {
    for (const bad of [
      'group/minors/region/620000',
      'region/620000/group/minors/service/medical',
      'p/1',
      'p/x',
      'region',
      'colour/red',
      'region/62 0000',
      'region/620000/region/630000',
    ]) {
      expect(parseListingParam(bad), bad).toBeNull();
    }
    expect(() => selectionOfKey('nope')).toThrow();
  });
});

describe('facet combinations', () => {
  const values = [
    v(['620000'], ['minors'], ['education'], 'fundraising', true),
    v(['620000', '630000'], ['minors', 'disabled'], ['medical'], 'completed', false),
    v(['630000'], ['disabled'], ['medical'], 'fundraising', true),
  ];
  const combos = facetCombinations(values);

  it('indexes every single facet value and every pair, and nothing wider', () => {
    expect(combos.get('')).toEqual([0, 1, 2]);
    expect(combos.get('region/620000')).toEqual([0, 1]);
    expect(combos.get('group/disabled')).toEqual([1, 2]);
    expect(combos.get('region/630000/group/minors')).toEqual([1]);
    expect(combos.get('service/medical/accepting/yes')).toEqual([2]);
    expect(combos.has('region/620000/group/minors/service/education')).toBe(false);
    expect(combos.has('region/640000')).toBe(false);
    for (const key of combos.keys()) expect(key.split('/').length <= 4).toBe(true);
  });

  it('builds the filter panel: counts, replacements, clear links, and the two-filter limit', () => {
    const options = (facet: string) =>
      ({
        region: [
          { value: '620000', label: '甘肃省' },
          { value: '630000', label: '青海省' },
          { value: '640000', label: '宁夏回族自治区' },
        ],
        group: [
          { value: 'minors', label: '困境未成年人' },
          { value: 'disabled', label: '残疾人' },
        ],
        service: [
          { value: 'education', label: '助学' },
          { value: 'medical', label: '医疗救助' },
        ],
        status: [
          { value: 'fundraising', label: '募捐中' },
          { value: 'completed', label: '已结项' },
        ],
        accepting: [{ value: 'yes', label: '可在线捐赠' }],
      })[facet] ?? [];
    const one = facetGroups({ region: '620000' }, combos, options);
    const region = one.find((g) => g.facet === 'region');
    expect(region?.clearHref).toBe('/projects/');
    expect(region?.options.map((o) => [o.value, o.count, o.selected])).toEqual([
      ['620000', 2, true],
      ['630000', 2, false],
    ]);
    const group = one.find((g) => g.facet === 'group');
    expect(group?.options.map((o) => [o.href, o.count])).toEqual([
      ['/projects/region/620000/group/minors/', 2],
      ['/projects/region/620000/group/disabled/', 1],
    ]);

    const two = facetGroups({ region: '620000', group: 'minors' }, combos, options);
    expect(two.find((g) => g.facet === 'service')).toMatchObject({ limited: true, options: [] });
    expect(two.find((g) => g.facet === 'group')?.clearHref).toBe('/projects/region/620000/');
  });

  it('gives every demo listing link a page that exists', () => {
    const site = demoSite();
    const keys = new Set(site.projectCombos.keys());
    expect(site.projectCombos.get('')?.length).toBe(site.projects.length);
    for (const key of keys) {
      const selection = selectionOfKey(key);
      for (const group of facetGroups(selection, site.projectCombos, () => [])) {
        if (group.clearHref) expect(keys.has(group.clearHref.slice('/projects/'.length).replace(/\/$/, ''))).toBe(true);
      }
    }
  });
});

describe('sorted listings', () => {
  it('sorts only listings of projects accepting donations, with the order before the page', () => {
    expect(listingPath({ accepting: 'yes' }, 1, 'ending')).toBe('/projects/accepting/yes/sort/ending/');
    expect(listingPath({ region: '620000', accepting: 'yes' }, 3, 'needed')).toBe(
      '/projects/region/620000/accepting/yes/sort/needed/p/3/',
    );
    for (const [selection, page, sort] of [
      [{ accepting: 'yes' }, 1, 'ending'],
      [{ group: 'minors', accepting: 'yes' }, 2, 'newest'],
    ] as const) {
      expect(parseListingParam(listingParam(selection, page, sort))).toEqual({ selection, page, sort });
    }
    for (const bad of [
      'sort/ending',
      'group/minors/sort/ending',
      'accepting/yes/sort/cheapest',
      'accepting/yes/p/2/sort/ending',
    ]) {
      expect(parseListingParam(bad), bad).toBeNull();
    }
    expect(sortable({ accepting: 'yes' })).toBe(true);
    expect(sortable({ group: 'minors' })).toBe(false);
  });
});
