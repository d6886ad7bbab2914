import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * 更正说明 kept with a published entry: each time a published project or disclosure is changed,
 * the change is published with a note saying when, what and why (Charity Law Art. 79 practice;
 * 民政部令第81号: changes to published information carry a correction note, never a silent edit).
 *
 * Only the reason is written by a person. The CMS fills in the date and derives the changed
 * fields by comparing the published version with the new one (content/rules/correction-diff.ts),
 * so a note cannot understate what changed.
 */

export const CORRECTION_REASON_MIN = 5;
export const CORRECTION_REASON_MAX = 500;

/** 更正原因: free text shown on the public page (so PII-linted like every other free-text field). */
export const correctionReason = z
  .string()
  .trim()
  .min(CORRECTION_REASON_MIN, { message: `更正说明至少 ${CORRECTION_REASON_MIN} 个字，请写明改了什么、为什么改` })
  .max(CORRECTION_REASON_MAX, { message: `更正说明不能超过 ${CORRECTION_REASON_MAX} 个字符` });

/** Field path → Chinese label, for every public field of a collection (`PROJECT_FIELD_LABELS`). */
export type FieldLabels = Readonly<Record<string, string>>;

/** One correction of an entry whose public fields are the keys of `labels`. */
export function correctionSchema<L extends FieldLabels>(labels: L) {
  const fields = Object.keys(labels) as [keyof L & string, ...(keyof L & string)[]];
  return z.object({
    /** The day (Asia/Shanghai) the corrected version was published. */
    date: isoDate,
    /**
     * What changed: dotted field paths of the content/ entry (`body`, `plan.goalFen`), in the
     * order of the field labels. Derived by the CMS, never typed by an editor.
     */
    fields: z.array(z.enum(fields)).min(1, { message: '更正记录应至少包含一个被修改的字段' }),
    /** Why, in the editor's words. */
    reason: correctionReason,
  });
}

/**
 * An entry's correction history, oldest first. Absent (snapshots written before corrections
 * existed) means no corrections. @default []
 */
export function correctionHistorySchema<L extends FieldLabels>(labels: L) {
  return z
    .array(correctionSchema(labels))
    .refine((list) => list.every((c, i) => i === 0 || (list[i - 1] as { date: string }).date <= c.date), {
      message: '更正记录应按日期先后排列',
    })
    .default([]);
}

/** A correction as pages read it, whichever collection it belongs to. */
export interface CorrectionNote {
  date: string;
  fields: string[];
  reason: string;
}
