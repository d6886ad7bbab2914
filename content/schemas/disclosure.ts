import { z } from 'zod';
import { dateRange, fen, isoDate, nonEmptyText, slug } from './common.ts';
import { correctionHistorySchema } from './correction.ts';

export const DISCLOSURE_KINDS = {
  progress: '项目进展',
  'fund-usage': '资金使用',
  'final-report': '结项报告',
  'remaining-property': '剩余财产处理',
  emergency: '应急募捐收支',
  correction: '更正说明',
} as const;
export type DisclosureKind = keyof typeof DISCLOSURE_KINDS;
export const disclosureKind = z.enum(Object.keys(DISCLOSURE_KINDS) as [DisclosureKind, ...DisclosureKind[]]);

export const EXPENSE_CATEGORIES = {
  materials: '物资采购',
  services: '服务购买',
  staff: '人员劳务',
  travel: '交通差旅',
  admin: '项目管理',
  other: '其他',
} as const;
export type ExpenseCategory = keyof typeof EXPENSE_CATEGORIES;

export const expenseLineSchema = z.object({
  date: isoDate,
  item: nonEmptyText(200),
  category: z.enum(Object.keys(EXPENSE_CATEGORIES) as [ExpenseCategory, ...ExpenseCategory[]]),
  amountFen: fen,
  /** People or households reached by this line; 0 for overheads. */
  beneficiariesReached: z.number().int().nonnegative(),
});
export type ExpenseLine = z.infer<typeof expenseLineSchema>;

/** The public fields of a disclosure with the words its correction notes use (see `PROJECT_FIELD_LABELS`). */
export const DISCLOSURE_FIELD_LABELS = {
  slug: '网址标识',
  project: '所属项目',
  kind: '公开类型',
  title: '标题',
  publishedOn: '公开日期',
  period: '涵盖期间',
  raisedToDateFen: '累计募得金额',
  spentToDateFen: '累计支出金额',
  body: '正文',
  expenses: '支出明细',
  corrects: '所更正的信息公开',
} as const;

/**
 * 信息公开 — one published disclosure of a project. A correction of substance is published as a
 * new entry of kind `correction` that names what it corrects; an edit of a published disclosure
 * carries its own correction note in `corrections` (never a silent edit).
 */
export const disclosureSchema = z
  .object({
    slug,
    project: slug,
    kind: disclosureKind,
    title: nonEmptyText(120),
    publishedOn: isoDate,
    period: dateRange,
    raisedToDateFen: fen,
    spentToDateFen: fen,
    body: nonEmptyText(10000),
    expenses: z.array(expenseLineSchema).default([]),
    /** For a correction: the slug of the disclosure it corrects. */
    corrects: slug.nullable().default(null),
    /** 更正说明: every change made after publication, oldest first (schemas/correction.ts). @default [] */
    corrections: correctionHistorySchema(DISCLOSURE_FIELD_LABELS),
  })
  .refine((d) => (d.kind === 'correction') === (d.corrects !== null), {
    message: '更正说明必须指明所更正的公开信息，其他类型不得填写',
    path: ['corrects'],
  })
  .refine((d) => d.period.start <= d.publishedOn, {
    message: '公开日期不能早于所涵盖期间的开始',
    path: ['publishedOn'],
  });
export type Disclosure = z.infer<typeof disclosureSchema>;
