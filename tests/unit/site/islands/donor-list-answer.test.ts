import { describe, expect, it } from 'vitest';
import { asDonorListPage } from '../../../../site/islands/donor-list-answer.ts';

describe("the browser's check of the donor list answer", () => {
  const page = {
    donations: [{ name: '小林', amountFen: 5_000, paidOn: '2026-02-15' }],
    anonymousCount: 2,
    nextCursor: '1771128000000-10',
  };

  it('takes an answer in the contract, and the last page (no cursor)', () => {
    expect(asDonorListPage(page)).toEqual(page);
    expect(asDonorListPage({ donations: [], anonymousCount: 0, nextCursor: null })).toEqual({
      donations: [],
      anonymousCount: 0,
      nextCursor: null,
    });
  });

  it('refuses the whole answer when any part is off', () => {
    const gift = page.donations[0];
    for (const bad of [
      null,
      [],
      { ...page, donations: undefined },
      { ...page, anonymousCount: -1 },
      { ...page, anonymousCount: 1.5 },
      { ...page, nextCursor: 7 },
      { ...page, donations: [{ ...gift, name: '' }] },
      { ...page, donations: [{ ...gift, name: 'x'.repeat(41) }] },
      { ...page, donations: [{ ...gift, amountFen: '5000' }] },
      { ...page, donations: [{ ...gift, paidOn: '2026-02-15T04:00:00.000Z' }] },
      { ...page, donations: [gift, 'gift'] },
    ]) {
      expect(asDonorListPage(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});
