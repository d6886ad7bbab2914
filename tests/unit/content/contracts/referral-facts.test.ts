import { describe, expect, it } from 'vitest';
import { referralFactSchema } from '../../../../content/contracts/referral-facts.ts';

const base = {
  direction: 'to-charity',
  provinceCode: '620000',
  countyCode: '621126',
  targetGroup: 'disabled',
  createdOn: '2026-10-01',
  outcome: 'pending',
};

describe('referralFactSchema', () => {
  it('keeps only the contract: extra fields a source sends (a name, a phone) are dropped', () => {
    const parsed = referralFactSchema.parse({ ...base, name: '林小满', phone: '13800000000', charity: 'some-charity' });
    expect(parsed).toEqual(base);
  });

  it.each([
    ['an accepted referral with its day', { outcome: 'helped', acceptedOn: '2026-10-03' }, true],
    ['a report with a civil-affairs outcome', { direction: 'to-civil-affairs', outcome: 'helped-to-apply' }, true],
    ['a report with a charity outcome', { direction: 'to-civil-affairs', outcome: 'declined' }, false],
    ['a referral with a civil-affairs outcome', { outcome: 'assisted' }, false],
    ['accepted without acceptedOn', { outcome: 'accepted' }, false],
    ['pending with acceptedOn', { acceptedOn: '2026-10-02' }, false],
    ['accepted before it was made', { outcome: 'accepted', acceptedOn: '2026-09-30' }, false],
    ['a time finer than a day', { createdOn: '2026-10-01T08:00:00+08:00' }, false],
    ['a county of another province', { countyCode: '110101' }, false],
    ['a township instead of a county', { countyCode: '620000' }, false],
    ['an unknown target group', { targetGroup: 'everyone' }, false],
  ])('%s → valid: %s', (_name, change, valid) => {
    expect(referralFactSchema.safeParse({ ...base, ...change }).success).toBe(valid);
  });
});
