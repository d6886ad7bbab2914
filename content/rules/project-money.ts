import { type Disclosure, EXPENSE_CATEGORIES, type ExpenseCategory } from '../schemas/disclosure.ts';

/**
 * What a project's disclosures say about its money. Raised and spent are the latest disclosure's
 * running totals (a correction restates them, so it counts as the latest when it is); the expense
 * breakdown adds up every disclosed line, in integer fen. The project page shows these figures and
 * the donations API routes cause gifts by them, so both say the same (issue 15).
 */
export interface ProjectMoney {
  raisedFen: number;
  spentFen: number;
  /** Publication date of the disclosure the totals come from, or null when nothing is disclosed. */
  asOf: string | null;
  /** Last day the totals cover (the disclosure's period end), or null when nothing is disclosed. */
  coversTo: string | null;
  expenses: { category: ExpenseCategory; amountFen: number }[];
  expenseTotalFen: number;
  beneficiariesReached: number;
}

/** `disclosures` in publication order (oldest first); only those already public by `today` count. */
export function projectMoney(disclosures: readonly Disclosure[], today: string): ProjectMoney {
  let latest: Disclosure | null = null;
  const byCategory = new Map<ExpenseCategory, number>();
  let expenseTotalFen = 0;
  let beneficiariesReached = 0;
  for (const d of disclosures) {
    if (d.publishedOn > today) continue;
    if (
      !latest ||
      d.publishedOn > latest.publishedOn ||
      (d.publishedOn === latest.publishedOn && d.slug > latest.slug)
    ) {
      latest = d;
    }
    for (const line of d.expenses) {
      byCategory.set(line.category, (byCategory.get(line.category) ?? 0) + line.amountFen);
      expenseTotalFen += line.amountFen;
      beneficiariesReached += line.beneficiariesReached;
    }
  }
  const expenses = (Object.keys(EXPENSE_CATEGORIES) as ExpenseCategory[])
    .filter((c) => byCategory.has(c))
    .map((category) => ({ category, amountFen: byCategory.get(category) ?? 0 }));
  return {
    raisedFen: latest?.raisedToDateFen ?? 0,
    spentFen: latest?.spentToDateFen ?? 0,
    asOf: latest?.publishedOn ?? null,
    coversTo: latest?.period.end ?? null,
    expenses,
    expenseTotalFen,
    beneficiariesReached,
  };
}
