import { describe, expect, it } from 'vitest';
import { projectMoney } from '../../../../content/rules/project-money.ts';
import { AS_OF, demoSnapshot } from '../../../support/fixtures/site.ts';

describe("a project's disclosed money", () => {
  it('adds expense lines by category in integer fen, ignoring disclosures not yet public', () => {
    const base = demoSnapshot().disclosures.find((d) => d.expenses.length > 1);
    if (!base) throw new Error('demo has no expense lines');
    const future = { ...base, slug: 'future', publishedOn: '2999-01-01', raisedToDateFen: 1 };
    const money = projectMoney([base, future], AS_OF);
    expect(money.raisedFen).toBe(base.raisedToDateFen);
    expect(money.asOf).toBe(base.publishedOn);
    expect(money.coversTo).toBe(base.period.end);
    expect(money.expenseTotalFen).toBe(base.expenses.reduce((s, e) => s + e.amountFen, 0));
    expect(money.expenses.reduce((s, e) => s + e.amountFen, 0)).toBe(money.expenseTotalFen);
    for (const e of money.expenses) expect(Number.isSafeInteger(e.amountFen)).toBe(true);
    expect(projectMoney([], AS_OF)).toMatchObject({
      raisedFen: 0,
      spentFen: 0,
      asOf: null,
      coversTo: null,
      expenses: [],
    });
  });
});
