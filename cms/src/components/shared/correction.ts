import { CORRECTION_REASON_MAX } from '../../lib/content.ts';
import { componentType, date, jsonList, text } from '../../lib/schema-kit.ts';

/**
 * content/schemas/correction.ts `correctionSchema`: one 更正说明 in an entry's history. Written
 * only by the publish step (src/document-middleware/correction-history.ts); editors see it
 * read-only and a save that changes it is refused.
 */
export default componentType({
  collectionName: 'components_shared_corrections',
  displayName: '更正记录',
  description: '发布后修改的记录：日期、修改的字段、原因。发布时由系统生成，不能修改或删除',
  attributes: {
    date: date(),
    /** Dotted content/ field paths, e.g. ["body", "plan.goalFen"] (content/'s field labels). */
    fields: jsonList(),
    reason: text(CORRECTION_REASON_MAX),
  },
});
