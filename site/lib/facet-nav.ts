import {
  FACETS,
  type FacetKey,
  listingPath,
  MAX_COMBINED_FACETS,
  type Selection,
  selectionKey,
  selectionSize,
} from './facets.ts';

/**
 * What the filter panel of a listing page shows, computed from the pre-built combinations: for
 * each facet, its values with the number of projects the listing would have, and the link to that
 * page. Choosing a value of a facet already chosen replaces it; a facet that would be a third
 * filter is shown without links, with the reason.
 */
export interface FacetOption {
  value: string;
  label: string;
  count: number;
  href: string;
  selected: boolean;
}

export interface FacetGroup {
  facet: FacetKey;
  options: FacetOption[];
  /** Link that removes this facet from the selection, when it is selected. */
  clearHref: string | null;
  /** Facets not offered because two are already chosen. */
  limited: boolean;
}

export function facetGroups(
  selection: Selection,
  combos: ReadonlyMap<string, readonly number[]>,
  optionsOf: (facet: FacetKey) => readonly { value: string; label: string }[],
): FacetGroup[] {
  return FACETS.map((facet) => {
    const current = selection[facet];
    const without: Selection = { ...selection };
    delete without[facet];
    const limited = current === undefined && selectionSize(selection) >= MAX_COMBINED_FACETS;
    const options: FacetOption[] = [];
    if (!limited) {
      for (const { value, label } of optionsOf(facet)) {
        const target: Selection = { ...without, [facet]: value };
        const count = combos.get(selectionKey(target))?.length ?? 0;
        // Empty choices are left out: a link to “0 projects” is a dead end.
        if (count === 0 && value !== current) continue;
        options.push({ value, label, count, href: listingPath(target), selected: value === current });
      }
    }
    return { facet, options, clearHref: current === undefined ? null : listingPath(without), limited };
  });
}
