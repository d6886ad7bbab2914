import { describe, expect, it } from 'vitest';
import { type Disclosure, disclosureSchedule, type IsoDate } from '../../../content/index.ts';
import { generateSnapshot } from '../../../datasets/index.ts';

/**
 * The CMS's two demo charity editors edit the first two charities by slug
 * (cms/src/bootstrap/demo-accounts.ts). Each must find a project flagged 逾期未披露 that one
 * progress disclosure published today brings up to date — what journey 2 does in the admin — on
 * whatever day the demo is generated.
 */
describe('the demo editors have an overdue project to bring up to date', () => {
  for (const asOf of ['2026-12-06', '2027-03-31', '2027-07-15'] as IsoDate[]) {
    it(`as of ${asOf}`, () => {
      const s = generateSnapshot({ size: 'demo', asOf });
      const firstTwo = [...s.charities.map((c) => c.slug)].sort().slice(0, 2);
      for (const charity of firstTwo) {
        const fixable = s.projects
          .filter((p) => p.charity === charity)
          .filter((project) => {
            const own = s.disclosures.filter((d) => d.project === project.slug);
            const before = disclosureSchedule(project, own, asOf);
            if (!before.isOverdue) return false;
            const probe: Disclosure = {
              slug: 'probe',
              project: project.slug,
              kind: 'progress',
              title: '进展',
              publishedOn: asOf,
              period: { start: before.overdue[0]?.coversFrom ?? asOf, end: asOf },
              raisedToDateFen: 0,
              spentToDateFen: 0,
              body: '进展',
              expenses: [],
              corrects: null,
              corrections: [],
            };
            return !disclosureSchedule(project, [...own, probe], asOf).isOverdue;
          });
        expect(fixable.length, charity).toBeGreaterThan(0);
      }
    });
  }
});
