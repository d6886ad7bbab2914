import { PROJECT_STATUSES, SERVICE_TYPES, TARGET_GROUPS } from '../../content/index.ts';
import { ACCEPTING, FACETS, type FacetKey, type Selection } from './facets.ts';
import type { SiteData } from './site-data.ts';

type Options = (facet: FacetKey) => { value: string; label: string }[];
const cache = new WeakMap<SiteData, Options>();

/** Values and labels of each project facet, in the order the filter panel lists them (built once per build). */
export function facetOptions(site: SiteData): Options {
  const hit = cache.get(site);
  if (hit) return hit;
  const options: Record<FacetKey, { value: string; label: string }[]> = {
    region: [...site.provinces].map(([value, label]) => ({ value, label })),
    group: Object.entries(TARGET_GROUPS).map(([value, label]) => ({ value, label })),
    service: Object.entries(SERVICE_TYPES).map(([value, label]) => ({ value, label })),
    status: Object.entries(PROJECT_STATUSES).map(([value, label]) => ({ value, label })),
    accepting: [{ value: ACCEPTING, label: '可在线捐赠' }],
  };
  const lookup: Options = (facet) => options[facet];
  cache.set(site, lookup);
  return lookup;
}

/** `甘肃省 · 困境未成年人`: the chosen filters in words. */
export function describeSelection(site: SiteData, selection: Selection): string[] {
  const optionsOf = facetOptions(site);
  return FACETS.flatMap((facet) => {
    const value = selection[facet];
    if (value === undefined) return [];
    return [optionsOf(facet).find((o) => o.value === value)?.label ?? value];
  });
}
