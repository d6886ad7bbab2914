import { describe, expect, it } from 'vitest';
import type { Disclosure, Snapshot } from '../../../../content/index.ts';
import { expenseTotalFen, newDisclosures } from '../../../../donations/mail/release-news.ts';
import { FIXTURE_SNAPSHOT } from '../../../support/fixture-snapshot.ts';

const base = FIXTURE_SNAPSHOT.disclosures[0] as Disclosure;
const d = (slug: string, start: string, fen: number[], project = base.project): Disclosure => ({
  ...base,
  slug,
  project,
  title: `标题 ${slug}`,
  period: { start, end: start },
  expenses: fen.map((amountFen) => ({ ...(base.expenses[0] as Disclosure['expenses'][0]), amountFen })),
});
const snap = (disclosures: Disclosure[]): Snapshot => ({ ...FIXTURE_SNAPSHOT, disclosures });

describe('newDisclosures: what a release adds, per project', () => {
  it('lists only disclosures the previous release lacked, grouped per project, oldest period first', () => {
    const previous = snap([d('a', '2026-01-01', [1])]);
    const next = snap([d('a', '2026-01-01', [1]), d('c', '2026-07-01', [5]), d('b', '2026-04-01', [100, 23])]);
    const news = newDisclosures(previous, next);
    expect(news).toHaveLength(1);
    expect(news[0]?.project).toEqual({ slug: 'minxian-zhuxue', title: '岷县助学' });
    expect(news[0]?.disclosures.map((x) => [x.slug, x.expenseFen])).toEqual([
      ['b', 123],
      ['c', 5],
    ]);
  });

  it('announces nothing for a first release, an unchanged one, or a disclosure of an unknown project', () => {
    const next = snap([d('a', '2026-01-01', [1]), d('x', '2026-01-01', [1], 'gone-project')]);
    expect(newDisclosures(null, next)).toEqual([]);
    expect(newDisclosures(snap([d('a', '2026-01-01', [1])]), next)).toEqual([]);
  });

  it('sums expense lines in integer fen', () => {
    expect(expenseTotalFen({ expenses: [] })).toBe(0);
    expect(expenseTotalFen(d('z', '2026-01-01', [1, 2, 99_999_997]))).toBe(100_000_000);
  });
});
