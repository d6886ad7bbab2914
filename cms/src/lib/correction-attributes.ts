import { CORRECTION_REASON_MAX } from './content.ts';
import { type Attributes, component, type EditView, text } from './schema-kit.ts';

/**
 * What makes an entry carry 更正说明 (projects and disclosures; content/rules/correction-diff.ts
 * `CORRECTION_FIELD_LABELS`). The publish step (src/document-middleware/correction-history.ts)
 * reads `correctionReason` from the version being published, appends a note to `corrections`
 * and clears the reason, in the publish's transaction.
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

export const CORRECTION_EDIT_VIEW: EditView = {
  correctionReason: {
    label: '更正说明（修改已公开的内容后必填）',
    description:
      '已公开的内容修改后再次发布时，写明改了什么、为什么改；发布后会连同修改日期和修改的字段一起公开，并清空本栏',
    placeholder: '例如：原公开的一笔支出日期录入有误，已按原始票据更正。',
  },
  corrections: {
    label: '更正记录（系统生成，不可修改）',
    description: '每次修改已公开的内容后再次发布时自动追加，在网站上公开',
    editable: false,
  },
};
