import type { IsoDate, Snapshot } from '../../content/index.ts';
import { buildSearchDocuments, type DocumentOptions, defaultRuleDay } from '../../content/search/documents.ts';
import type { DocumentSource, DocumentsView } from './document-source.ts';
import type { SnapshotSource, SnapshotView } from './snapshot-source.ts';

/**
 * Documents projected from a snapshot in this process: `buildSearchDocuments`, the projection the
 * index stage uses. Seconds of synchronous work at scale, so the live site only does it for a
 * release without `search-documents.json` (release-document-source.ts); tests use it with
 * a fixed snapshot (`{ current: async () => ({ snapshot }) }`). One projection per snapshot and rule day: a new release, or for real
 * data a new day, projects again once.
 */
export type SnapshotDocumentOptions = Omit<DocumentOptions, 'today' | 'types'> & {
  /** @default defaultRuleDay (asOf for generated data, else today) */
  today?: (snapshot: Snapshot) => IsoDate;
};

export function snapshotDocumentSource(
  snapshots: SnapshotSource,
  options: SnapshotDocumentOptions = {},
): DocumentSource {
  const { today: ruleDayOf = defaultRuleDay, ...documentOptions } = options;
  let cached: { view: SnapshotView; ruleDay: IsoDate; documents: Promise<DocumentsView> } | null = null;
  return {
    async current() {
      const view = await snapshots.current();
      const ruleDay = ruleDayOf(view.snapshot);
      if (cached?.view !== view || cached.ruleDay !== ruleDay) {
        // Deferred a tick so concurrent callers share the one projection.
        const projected = Promise.resolve().then(() => ({
          demo: view.snapshot.demo,
          ruleDay,
          documents: buildSearchDocuments(view.snapshot, { ...documentOptions, today: ruleDay }).documents,
        }));
        cached = { view, ruleDay, documents: projected };
        projected.catch(() => {
          if (cached?.documents === projected) cached = null;
        });
      }
      return cached.documents;
    },
    async demo() {
      return (await snapshots.current()).snapshot.demo;
    },
  };
}
