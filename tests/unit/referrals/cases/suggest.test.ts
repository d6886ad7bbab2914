import { describe, expect, it } from 'vitest';
import { suggestCharities } from '../../../../referrals/cases/suggest.ts';
import { twoCharitySnapshot } from '../../../support/referrals/two-charity-snapshot.ts';

describe('suggested charities', () => {
  const snapshot = twoCharitySnapshot();

  it('puts the project in the county that matches group and service first, with the reason', () => {
    const s = suggestCharities(
      snapshot,
      { countyCode: '621126', targetGroup: 'minors', serviceType: 'education' },
      '2026-06-10',
    );
    expect(s.map((x) => x.charitySlug)).toEqual(['gansu-cishan', 'lanzhou-ertong']);
    expect(s[0]?.reason).toBe('在本县（甘肃省定西市岷县）实施；帮扶对象含困境未成年人；提供助学');
    expect(s[1]?.reason).toBe('在本县（甘肃省定西市岷县）实施；帮扶对象含困境未成年人');
  });

  it('offers nothing where no eligible project works, and nothing outside its window', () => {
    expect(
      suggestCharities(
        snapshot,
        { countyCode: '110101', targetGroup: 'minors', serviceType: 'education' },
        '2026-06-10',
      ),
    ).toEqual([]);
    expect(
      suggestCharities(
        snapshot,
        { countyCode: '621126', targetGroup: 'minors', serviceType: 'education' },
        '2027-02-01',
      ),
    ).toEqual([]);
  });

  it('needs the group or the service to match', () => {
    expect(
      suggestCharities(snapshot, { countyCode: '621126', targetGroup: 'tekun', serviceType: 'medical' }, '2026-06-10'),
    ).toEqual([]);
    const byService = suggestCharities(
      snapshot,
      { countyCode: '621126', targetGroup: 'tekun', serviceType: 'rehabilitation' },
      '2026-06-10',
    );
    expect(byService.map((x) => x.charitySlug)).toEqual(['lanzhou-ertong']);
  });
});
