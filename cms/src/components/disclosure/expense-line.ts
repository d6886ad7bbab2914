import { EXPENSE_CATEGORIES } from '../../lib/content.ts';
import { componentType, date, enumOf, fen, integer, string } from '../../lib/schema-kit.ts';

/** content/schemas/disclosure.ts `expenseLineSchema`. */
export default componentType({
  collectionName: 'components_disclosure_expense_lines',
  displayName: '支出明细',
  description: '一笔支出：日期、事项、类别、金额（分）和受益人数',
  attributes: {
    date: date(),
    item: string(200),
    category: enumOf(EXPENSE_CATEGORIES),
    amountFen: fen(),
    beneficiariesReached: integer(0),
  },
});
