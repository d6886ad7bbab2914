import { FACETS, type FacetName } from '../../content/search/settings.ts';
import type { FacetCounts, Filters } from '../client/index.ts';
import type { PreparedDocument, ServerCorpus } from './corpus.ts';

/**
 * Facet filters and counts over the prepared corpus, with the engines' semantics: OR within a
 * facet, AND across facets; a document without a value for a filtered facet (a charity has no
 * `acceptingDonations`) does not pass. Counts are over the matching documents — the results the
 * page lists — exactly, since every match is known here (`countFacetsOf`).
 */
export function passes(doc: PreparedDocument, filters: Filters): boolean {
  for (const [facet, wanted] of Object.entries(filters) as [FacetName, string[]][]) {
    const values = doc.facets[facet];
    if (!values || !wanted.some((w) => values.includes(w))) return false;
  }
  return true;
}

/**
 * Every document's facet values as small integers, made once per corpus (on its first query): at
 * scale a common word matches most of 82,000 documents, and counting their values as object keys
 * per request was a noticeable part of a query (issue 20). `offsets[i]…offsets[i+1]` of `ids` are
 * document i's value ids; `names[id]` is the facet and value an id stands for.
 */
export interface FacetIndex {
  offsets: Int32Array;
  ids: Int32Array;
  names: { facet: FacetName; value: string }[];
}

const indexes = new WeakMap<ServerCorpus, FacetIndex>();

/** A corpus loaded from its file brings its index made from the file's value refs (corpus-load.ts). */
export function rememberFacetIndex(corpus: ServerCorpus, index: FacetIndex): void {
  indexes.set(corpus, index);
}

export function facetIndexOf(corpus: ServerCorpus): FacetIndex {
  const known = indexes.get(corpus);
  if (known) return known;
  const idOf = new Map<string, number>();
  const names: FacetIndex['names'] = [];
  const offsets = new Int32Array(corpus.documents.length + 1);
  const ids: number[] = [];
  for (const [i, doc] of corpus.documents.entries()) {
    for (const facet of FACETS) {
      for (const value of doc.facets[facet] ?? []) {
        const key = `${facet}\n${value}`;
        let id = idOf.get(key);
        if (id === undefined) {
          id = names.length;
          idOf.set(key, id);
          names.push({ facet, value });
        }
        ids.push(id);
      }
    }
    offsets[i + 1] = ids.length;
  }
  const index = { offsets, ids: Int32Array.from(ids), names };
  indexes.set(corpus, index);
  return index;
}

/** The facet counts of the documents at `docs` (indexes into the corpus), by the corpus's `FacetIndex`. */
export function countFacetsOf(index: FacetIndex, docs: ArrayLike<number>): FacetCounts {
  const counts = new Int32Array(index.names.length);
  const { offsets, ids } = index;
  for (let k = 0; k < docs.length; k++) {
    const i = docs[k] ?? 0;
    for (let j = offsets[i] ?? 0, end = offsets[i + 1] ?? 0; j < end; j++) {
      const id = ids[j] ?? 0;
      counts[id] = (counts[id] ?? 0) + 1;
    }
  }
  const out: FacetCounts = {};
  for (const [id, { facet, value }] of index.names.entries()) {
    const n = counts[id] ?? 0;
    if (n === 0) continue;
    const facetCounts = out[facet] ?? {};
    facetCounts[value] = n;
    out[facet] = facetCounts;
  }
  return out;
}
