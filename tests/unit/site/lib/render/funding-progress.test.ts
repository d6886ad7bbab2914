import { describe, expect, it } from 'vitest';
import { sharedMoneyUnit } from '../../../../../content/contracts/money.ts';
import { liveTotalsProps } from '../../../../../site/lib/render/funding-progress.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

describe('liveTotalsProps: the figures a project page bakes for its live-totals island', () => {
  it('gives goal, raised and spent one unit, that of the largest of the three', () => {
    const views = demoSite().projects;
    const units = new Set<string>();
    for (const view of views) {
      const props = liveTotalsProps(view);
      expect(props.unit).toBe(sharedMoneyUnit([props.goalFen ?? 0, props.raisedFen, props.spentFen]));
      units.add(props.unit);
    }
    // The demo has projects of more than one size, so the rule is exercised, not constant.
    expect(units.size).toBeGreaterThan(1);
  });
});
