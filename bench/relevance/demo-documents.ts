import type { Snapshot } from '../../content/index.ts';
import { buildSearchDocuments, type SearchDocument } from '../../content/search/documents.ts';
import { generateSnapshot } from '../../datasets/index.ts';

/**
 * The demo dataset the judged queries were judged against. The generator is a pure function of
 * (seed, asOf) and dates — and some slugs — follow asOf, so the judgements hold for this day only.
 */
export const RELEVANCE_AS_OF = '2025-06-15';

let cached: { snapshot: Snapshot; documents: SearchDocument[] } | null = null;

export function relevanceDataset(): { snapshot: Snapshot; documents: SearchDocument[] } {
  if (!cached) {
    const snapshot = generateSnapshot({ size: 'demo', asOf: RELEVANCE_AS_OF });
    cached = { snapshot, documents: buildSearchDocuments(snapshot).documents };
  }
  return cached;
}
