import type { IsoDate } from '../../content/index.ts';
import type { SearchDocument } from '../../content/search/documents.ts';
import type { ServerCorpus } from './corpus.ts';

/**
 * Where the server search gets the live release's search documents from. Two sources exist:
 * the file the release's index stage wrote (release-document-source.ts, the normal case) and a
 * projection of the snapshot in this process (snapshot-document-source.ts: tests, and releases
 * built before that file existed). The server search prepares one corpus per view, so a source
 * must hand out the same view object until the documents change.
 */
export interface DocumentsView {
  documents: readonly SearchDocument[];
  /** The release holds generated data (the results page says so). */
  demo: boolean;
  /** The day eligibility (`acceptingDonations`) was judged against. */
  ruleDay: IsoDate;
  /**
   * The corpus of these documents, when the release's index stage built it (corpus-file.ts): the
   * server search then uses it as it is instead of building one.
   */
  corpus?: ServerCorpus;
}

export interface DocumentSource {
  current(): Promise<DocumentsView>;
  /** Whether the live release holds generated data, without projecting any documents. */
  demo(): Promise<boolean>;
}

/** Fixed documents (tests, scripts that already hold them). */
export function staticDocumentSource(view: DocumentsView): DocumentSource {
  return { current: async () => view, demo: async () => view.demo };
}
