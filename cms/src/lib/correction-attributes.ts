import { CORRECTION_REASON_MAX } from './content.ts';
import { type Attributes, component, text } from './schema-kit.ts';

/**
 * What makes an entry carry 更正说明 (projects and disclosures; content/rules/correction-diff.ts
 * `CORRECTION_FIELD_LABELS`). The publish step (src/document-middleware/correction-history.ts)
 * reads `correctionReason` from the version being published, appends a note to `corrections`
 * and clears the reason, in the publish's transaction. How the admin shows them:
 * src/edit-views/shared-views.ts.
 */
export const CORRECTION_ATTRIBUTES: Attributes = {
  /** The editor's reason for changing a published entry; cleared once it is in `corrections`. */
  correctionReason: text(CORRECTION_REASON_MAX, false),
  /** The history, oldest first: read-only in the edit view, refused on save when changed. */
  corrections: component('shared.correction', { repeatable: true, required: false }),
  /**
   * Digests of the public fields of the last published version, kept on the draft when the entry
   * is unpublished, so that publishing it again still says what changed. System-managed like
   * Strapi's own `createdBy`: hidden from the admin and the Content API, never written by a caller.
   */
  publishedFingerprint: { type: 'json', configurable: false, writable: false, visible: false, private: true },
};
