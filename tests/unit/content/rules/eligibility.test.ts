import { describe, expect, it } from 'vitest';
import { donationEligibility, type EligibilityCode } from '../../../../content/rules/eligibility.ts';
import { makeCharity, makeProject } from '../../../support/fixtures/content.ts';

// Fixture window: 2026-01-01 … 2026-03-31; the charity holds 公开募捐资格 since 2018-01-01.
const project = makeProject();
const charity = makeCharity();
const base = { project, charity, today: '2026-02-15', merchantConfigured: true };

function codes(input: Parameters<typeof donationEligibility>[0]): EligibilityCode[] {
  const result = donationEligibility(input);
  return result.eligible ? [] : result.reasons.map((r) => r.code);
}

describe('donationEligibility', () => {
  it('accepts a published, filed, assistance project inside its window', () => {
    expect(donationEligibility(base)).toEqual({ eligible: true });
  });

  it.each([
    ['2025-12-31', ['BEFORE_WINDOW'], 'the day before it starts'],
    ['2026-01-01', [], 'the first day'],
    ['2026-03-31', [], 'the last day: end is inclusive'],
    ['2026-04-01', ['WINDOW_ENDED'], 'the day after it ends'],
    ['2027-01-01', ['WINDOW_ENDED'], 'long after'],
  ])('today %s → %j (%s)', (today, expected) => {
    expect(codes({ ...base, today })).toEqual(expected);
  });

  it('says when the window ended and when it starts, in Chinese', () => {
    const ended = donationEligibility({ ...base, today: '2026-04-01' });
    expect(ended).toEqual({
      eligible: false,
      reasons: [{ code: 'WINDOW_ENDED', message: '募捐期已于2026年3月31日结束' }],
    });
    const early = donationEligibility({ ...base, today: '2025-12-31' });
    expect(early.eligible ? '' : early.reasons[0]?.message).toContain('2026年1月1日');
  });

  it.each([
    [{ published: false }, ['NOT_PUBLISHED']],
    [{ published: true }, []],
    [{ merchantConfigured: false }, ['NO_MERCHANT']],
    [{ project: makeProject({ assistanceOriented: false }) }, ['NOT_ASSISTANCE']],
    [
      { project: makeProject({ window: null, implementation: { start: '2026-01-01', end: '2026-12-31' } }) },
      ['NO_PLAN'],
    ],
    [{ project: makeProject({ filingNumber: null }) }, ['NO_FILING_NUMBER']],
    [{ project: makeProject({ filingNumber: '' }) }, ['NO_FILING_NUMBER']],
    [{ project: makeProject({ filingNumber: '   ' }) }, ['NO_FILING_NUMBER']],
    [{ project: makeProject({ charity: 'other-charity' }) }, ['CHARITY_MISMATCH']],
    [{ project: { ...makeProject(), status: 'terminated' } }, ['PROJECT_CLOSED']],
    [{ project: { ...makeProject(), status: 'completed' } }, ['PROJECT_CLOSED']],
    [{ project: { ...makeProject(), status: 'implementing' } }, []],
    [{ charity: makeCharity({ publicFundraisingSince: null }) }, ['NO_PUBLIC_FUNDRAISING']],
    [{ charity: makeCharity({ publicFundraisingSince: '2026-02-16' }) }, ['NO_PUBLIC_FUNDRAISING']],
    [{ charity: makeCharity({ publicFundraisingSince: '2026-02-15' }) }, []],
  ] as [Partial<Parameters<typeof donationEligibility>[0]>, EligibilityCode[]][])('%j → %j', (change, expected) => {
    expect(codes({ ...base, ...change })).toEqual(expected);
  });

  it('explains a missing or future qualification with the charity name', () => {
    const none = donationEligibility({ ...base, charity: makeCharity({ publicFundraisingSince: null }) });
    expect(none.eligible ? '' : none.reasons[0]?.message).toBe('甘肃省慈善总会不具有公开募捐资格');
    const later = donationEligibility({ ...base, charity: makeCharity({ publicFundraisingSince: '2026-03-01' }) });
    expect(later.eligible ? '' : later.reasons[0]?.message).toContain('2026-03-01');
  });

  it('reports every reason, not only the first', () => {
    const result = codes({
      project: makeProject({ assistanceOriented: false, filingNumber: null, charity: 'other-charity' }),
      charity: makeCharity({ publicFundraisingSince: null }),
      today: '2026-04-01',
      merchantConfigured: false,
      published: false,
    });
    expect(new Set(result)).toEqual(
      new Set([
        'CHARITY_MISMATCH',
        'NOT_PUBLISHED',
        'NOT_ASSISTANCE',
        'NO_FILING_NUMBER',
        'WINDOW_ENDED',
        'NO_PUBLIC_FUNDRAISING',
        'NO_MERCHANT',
      ]),
    );
  });

  it('gives every reason a Chinese message', () => {
    const result = donationEligibility({ ...base, published: false, merchantConfigured: false });
    expect(result.eligible).toBe(false);
    for (const r of result.eligible ? [] : result.reasons) expect(r.message).toMatch(/\p{Script=Han}/u);
  });
});
