import type { Settings } from 'meilisearch';
import {
  DISPLAYED_ATTRIBUTES,
  FILTERABLE_ATTRIBUTES,
  SEARCHABLE_ATTRIBUTES,
  SORTABLE_ATTRIBUTES,
  SYNONYM_GROUPS,
} from '../../content/search/settings.ts';

/**
 * content/search/settings.ts as Meilisearch index settings: the index stage applies them to a
 * fresh index before any document (meilisearch-adapter.ts).
 */
/** Meilisearch's `synonyms` setting: every word of a group maps to the rest of its group. */
export function meilisearchSynonyms(groups: readonly (readonly string[])[] = SYNONYM_GROUPS): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  for (const group of groups) {
    for (const word of group) {
      const set = out[word] ?? new Set<string>();
      for (const other of group) if (other !== word) set.add(other);
      out[word] = set;
    }
  }
  return Object.fromEntries(Object.entries(out).map(([word, set]) => [word, [...set]]));
}

/** The full Meilisearch settings object, applied to a fresh index before any document. */
export function meilisearchSettings(): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    sortableAttributes: [...SORTABLE_ATTRIBUTES],
    displayedAttributes: [...DISPLAYED_ATTRIBUTES],
    // Defaults, then projects before disclosures on a tie, then the newest.
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'typeRank:asc', 'publishedOn:desc'],
    synonyms: meilisearchSynonyms(),
    // Everything we index is Chinese: without this, short texts can be detected as Japanese.
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
    faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: 1000 },
  };
}
