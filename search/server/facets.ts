import { FACETS, type FacetName } from '../../content/search/settings.ts';
import type { FacetCounts, Filters } from '../client/index.ts';
import type { PreparedDocument } from './corpus.ts';

/**
 * Facet filters and counts over the prepared corpus, with the engines' semantics: OR within a
 * facet, AND across facets; a document without a value for a filtered facet (a charity has no
 * `acceptingDonations`) does not pass. Counts are over the matching documents — the results the
 * page lists — exactly, since every match is known here.
 */
export function passes(doc: PreparedDocument, filters: Filters): boolean {
  for (const [facet, wanted] of Object.entries(filters) as [FacetName, string[]][]) {
    const values = doc.facets[facet];
    if (!values || !wanted.some((w) => values.includes(w))) return false;
  }
  return true;
}

export function countFacets(docs: Iterable<PreparedDocument>): FacetCounts {
  const out: FacetCounts = {};
  for (const doc of docs) {
    for (const facet of FACETS) {
      const values = doc.facets[facet];
      if (!values) continue;
      const counts = out[facet] ?? {};
      for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
      out[facet] = counts;
    }
  }
  return out;
}
